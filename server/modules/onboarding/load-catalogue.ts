// Reads the files given to "comune import": one .json file, or one to three .csv files (offices,
// services, desks), into a checked CatalogueSpec. Nothing touches the database here.
import fs from 'node:fs';
import path from 'node:path';
import { OnboardingError } from './errors.ts';
import { catalogueFromCsv } from './import-csv.ts';
import { type CatalogueSpec, catalogueFromJson } from './import-format.ts';

function read(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new OnboardingError(`Cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
  }
}

export function loadCatalogue(files: string[]): CatalogueSpec {
  if (!files.length) throw new OnboardingError('Give the catalogue with --file (a .json file, or .csv files)');
  const kinds = new Set(files.map((f) => path.extname(f).toLowerCase()));
  if ([...kinds].some((k) => k !== '.json' && k !== '.csv')) throw new OnboardingError(`The catalogue is a .json file or .csv files (got ${files.join(', ')})`);
  if (kinds.size > 1) throw new OnboardingError('Give either one .json file or .csv files, not both');
  if (kinds.has('.csv')) return catalogueFromCsv(files.map((f) => ({ file: path.basename(f), text: read(f) })));
  if (files.length > 1) throw new OnboardingError('Give one .json file (it holds every office)');
  const name = path.basename(files[0]!);
  let value: unknown;
  try {
    value = JSON.parse(read(files[0]!).replace(/^\uFEFF/, ''));
  } catch (err) {
    if (err instanceof OnboardingError) throw err;
    throw new OnboardingError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
  return catalogueFromJson(name, value);
}

// The catalogue as CSV files, for those who keep it in a spreadsheet: up to three files, each told by
// its columns (any order; a blank cell leaves the field out, as an absent JSON field does):
//   offices  — name, address, description, phone, email, openingHours, active
//   services — office, name, durationMinutes, mode, bufferMinutes, … (the JSON file's service fields)
//   desks    — office, desk, services, weekday, start, end, active: one row per weekly interval of a
//              desk (a desk with no hours: one row with weekday, start and end blank); `services` is
//              the names of the services it offers separated by "|", on any of its rows.
// Comma or semicolon separated (as Italian spreadsheets save), UTF-8 with or without BOM, quotes as
// RFC 4180. The rows become the same CatalogueSpec as a JSON file and pass the same checks.
import { parse } from 'csv-parse/sync';
import type { TSchema } from 'typebox';
import { OnboardingError } from './errors.ts';
import { assertConsistent, type CatalogueSpec, type DeskSpec, OfficeFile, type OfficeSpec, schemaProblems, ServiceFile } from './import-format.ts';

type Kind = 'offices' | 'services' | 'desks';

const OFFICE_COLUMNS = ['name', 'address', 'description', 'phone', 'email', 'openingHours', 'active'];
const SERVICE_COLUMNS = ['office', ...Object.keys(ServiceFile.properties)];
const DESK_COLUMNS = ['office', 'desk', 'services', 'weekday', 'start', 'end', 'active'];
const COLUMNS: Record<Kind, string[]> = { offices: OFFICE_COLUMNS, services: SERVICE_COLUMNS, desks: DESK_COLUMNS };

const WEEKDAYS: Record<string, number> = {};
for (const [i, names] of [
  ['lunedì', 'lunedi', 'lun', 'monday', 'mon'],
  ['martedì', 'martedi', 'mar', 'tuesday', 'tue'],
  ['mercoledì', 'mercoledi', 'mer', 'wednesday', 'wed'],
  ['giovedì', 'giovedi', 'gio', 'thursday', 'thu'],
  ['venerdì', 'venerdi', 'ven', 'friday', 'fri'],
  ['sabato', 'sab', 'saturday', 'sat'],
  ['domenica', 'dom', 'sunday', 'sun'],
].entries()) {
  for (const n of names) WEEKDAYS[n] = i + 1;
  WEEKDAYS[String(i + 1)] = i + 1;
}

const TRUE = new Set(['true', 'yes', 'sì', 'si', 'vero', '1', 'x']);
const FALSE = new Set(['false', 'no', 'falso', '0']);
const yesNo = (raw: string) => (TRUE.has(raw.toLowerCase()) ? true : FALSE.has(raw.toLowerCase()) ? false : undefined);

interface Row {
  line: number;
  cells: Record<string, string>;
}

function kindOf(file: string, columns: string[]): Kind {
  const kind: Kind = columns.includes('desk') ? 'desks' : columns.includes('office') ? 'services' : 'offices';
  const unknown = columns.filter((c) => !COLUMNS[kind].includes(c));
  const missing = (kind === 'desks' ? ['office', 'desk'] : kind === 'services' ? ['office', 'name'] : ['name']).filter((c) => !columns.includes(c));
  if (unknown.length || missing.length) {
    throw new OnboardingError(`${file}: taken as the ${kind} file from its columns, but:`, [
      ...(unknown.length ? [`unknown column ${unknown.map((c) => `"${c}"`).join(', ')}; the ${kind} file's columns are ${COLUMNS[kind].join(', ')}`] : []),
      ...(missing.length ? [`missing column ${missing.map((c) => `"${c}"`).join(', ')}`] : []),
    ]);
  }
  return kind;
}

function readRows(file: string, text: string): { kind: Kind; rows: Row[] } {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  let columns: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      columns: (header: string[]) => (columns = header.map((h) => h.trim())),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new OnboardingError(`${file} is not a readable CSV file: ${(err as Error).message}`);
  }
  if (!columns.length) throw new OnboardingError(`${file} is empty: the first line must name the columns`);
  const kind = kindOf(file, columns);
  return { kind, rows: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** A row's cells as the fields of `schema`: numbers and yes/no read, blanks left out. */
function fieldsOf(schema: TSchema & { properties: Record<string, TSchema> }, row: Row, skip: string[], where: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(row.cells)) {
    if (skip.includes(column) || raw === '') continue;
    const type = (schema.properties[column] as { type?: string } | undefined)?.type;
    if (type === 'integer') {
      if (/^-?\d+$/.test(raw)) out[column] = Number(raw);
      else problems.push(`${where} › ${column}: must be a whole number (got "${raw}")`);
    } else if (type === 'boolean') {
      const v = yesNo(raw);
      if (v !== undefined) out[column] = v;
      else problems.push(`${where} › ${column}: must be yes or no (got "${raw}")`);
    } else out[column] = raw;
  }
  return out;
}

/** "9:00", "09.00" → "09:00"; anything else is returned as it is for the schema to refuse. */
const time = (raw: string) => (/^\d{1,2}[:.]\d{2}$/.test(raw) ? raw.replace('.', ':').padStart(5, '0') : raw);

/** CSV files (name and content) into one catalogue; each kind of file at most once. */
export function catalogueFromCsv(files: Array<{ file: string; text: string }>): CatalogueSpec {
  const byKind = new Map<Kind, { file: string; rows: Row[] }>();
  for (const { file, text } of files) {
    const { kind, rows } = readRows(file, text);
    const other = byKind.get(kind);
    if (other) throw new OnboardingError(`${file} and ${other.file} are both ${kind} files (told by their columns): give one of each kind at most`);
    byKind.set(kind, { file, rows });
  }
  const problems: string[] = [];
  const offices = new Map<string, OfficeSpec>();
  const officeNamed = (name: string, where: string): OfficeSpec => {
    const k = name.toLowerCase();
    let office = offices.get(k);
    if (!office) offices.set(k, (office = { name, where, services: [], desks: [] }));
    return office;
  };
  const check = (schema: TSchema, value: unknown, where: string) => problems.push(...schemaProblems(schema, value, (p) => (p ? `${where} › ${p.slice(1)}` : where)));

  const officeRows = byKind.get('offices');
  for (const row of officeRows?.rows ?? []) {
    const where = `${officeRows!.file} line ${row.line}`;
    const fields = fieldsOf(OfficeFile, row, [], where, problems);
    check(OfficeFile, fields, where);
    if (typeof fields.name !== 'string') continue;
    if (offices.has(fields.name.toLowerCase())) problems.push(`${where}: the office "${fields.name}" appears twice; names identify records`);
    else offices.set(fields.name.toLowerCase(), { ...(fields as { name: string }), where, services: [], desks: [] });
  }

  const serviceRows = byKind.get('services');
  for (const row of serviceRows?.rows ?? []) {
    const where = `${serviceRows!.file} line ${row.line}`;
    const fields = fieldsOf(ServiceFile, row, ['office'], where, problems);
    check(ServiceFile, fields, where);
    if (!row.cells.office) problems.push(`${where} › office: the office's name is required`);
    else if (typeof fields.name === 'string') officeNamed(row.cells.office, where).services.push({ ...(fields as { name: string }), where });
  }

  const deskRows = byKind.get('desks');
  const desks = new Map<string, DeskSpec>();
  for (const row of deskRows?.rows ?? []) {
    const where = `${deskRows!.file} line ${row.line}`;
    const { office: officeName = '', desk: deskName = '', services = '', weekday = '', start = '', end = '', active = '' } = row.cells;
    if (!officeName || !deskName) {
      problems.push(`${where}: the office's and the desk's names are required`);
      continue;
    }
    const k = `${officeName.toLowerCase()}\n${deskName.toLowerCase()}`;
    let desk = desks.get(k);
    if (!desk) {
      desks.set(k, (desk = { name: deskName, where }));
      officeNamed(officeName, where).desks.push(desk);
    }
    const names = services
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length) desk.services = [...new Set([...(desk.services ?? []), ...names])];
    if (active) {
      const value = yesNo(active);
      if (value === undefined) problems.push(`${where} › active: must be yes or no (got "${active}")`);
      else if (desk.active !== undefined && desk.active !== value) problems.push(`${where} › active: differs from an earlier row of the same desk`);
      else desk.active = value;
    }
    if (!weekday && !start && !end) continue;
    const day = WEEKDAYS[weekday.toLowerCase()];
    if (!day) problems.push(`${where} › weekday: must be 1 (Monday) to 7 (Sunday) or a day's name, e.g. lun or lunedì (got "${weekday}")`);
    if (!start || !end) problems.push(`${where}: an interval needs weekday, start and end`);
    if (!day || !start || !end) continue;
    const interval = { weekday: day, start: time(start), end: time(end) };
    for (const field of ['start', 'end'] as const) {
      if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/.test(interval[field])) problems.push(`${where} › ${field}: must be a time as HH:MM, e.g. 09:00 (got "${row.cells[field]}")`);
    }
    desk.hours = [...(desk.hours ?? []), interval];
  }
  if (problems.length) throw new OnboardingError('The CSV files have problems; nothing was imported:', problems);
  const spec: CatalogueSpec = { offices: [...offices.values()] };
  if (!spec.offices.length) throw new OnboardingError('The CSV files hold no office, service or desk to import');
  assertConsistent(spec);
  return spec;
}

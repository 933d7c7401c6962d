// The administration command line: `npm run sportello -- <command>` (scripts/sportello.mjs runs this
// file compiled, dist/server/cli.js, or with tsx in development). It reads the server's environment
// (DATABASE_URL or DATA_DIR, SPORTELLO_MODE/NODE_ENV…) and opens the database as the server does
// (migrations; demo data outside production), so it works wherever the server does. Its answers go to
// stdout, logs to stderr. Exit status: 0 done, 1 refused (the reason is printed; nothing was written),
// 2 wrong usage or configuration.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { Settings } from 'typebox/system';
import { createContext } from './boot.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { checkNewComune, createComune, importCatalogue, type ImportReport, listComuni, loadCatalogue, OnboardingError } from './modules/onboarding/index.ts';
import { configureCreditor, CreditorFileError } from './modules/payments/index.ts';
import type { AppContext } from './platform/context.ts';
import { DataDirInUse } from './platform/db/data-dir-lock.ts';
import { createLogger } from './platform/logging.ts';

const USAGE = `Usage: npm run sportello -- <command> [options]

  comune create   a comune and its first administrator (shown a temporary password once)
      --slug bitonto --name "Comune di Bitonto" --istat 072011 --fiscal-code <11 digits>
      --cadastral A893 --region Puglia --patron-day 10-21 --patron-name "Santi Medici"
      --reference-prefix BT [--primary-color '#8a1538'] [--website https://www.comune.bitonto.ba.it]
      --admin-username admin.bitonto --admin-name "Nome Cognome"

  comune import   offices, services, desks and weekly hours, matched by name (run it again to update)
      --slug bitonto --file catalogue.json          (or --file offices.csv --file services.csv --file desks.csv)
      [--dry-run]                                   print what would change, write nothing

  comune list     the comuni with the size of their catalogue  [--json]

  comune payments a comune's pagoPA settings: creditor data, IBANs, kinds of income, provider
      --slug bitonto --file pagopa.json             (example: docs/examples/pagopa.json)

The database and mode come from the environment, as for the server (DATABASE_URL or DATA_DIR,
NODE_ENV/SPORTELLO_MODE). The file formats: README, "Adding a comune"; examples in docs/examples/.`;

class UsageError extends Error {}

// TypeBox stops at 8 problems to protect servers from hostile input; here the input is the
// installer's own file, and seeing every problem at once saves round trips.
Settings.Set({ maxErrors: 200 });

type Options = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
const CREATE_OPTIONS = {
  slug: { type: 'string' },
  name: { type: 'string' },
  istat: { type: 'string' },
  'fiscal-code': { type: 'string' },
  cadastral: { type: 'string' },
  region: { type: 'string' },
  'patron-day': { type: 'string' },
  'patron-name': { type: 'string' },
  'reference-prefix': { type: 'string' },
  'primary-color': { type: 'string' },
  website: { type: 'string' },
  'admin-username': { type: 'string' },
  'admin-name': { type: 'string' },
} satisfies Options;
const IMPORT_OPTIONS = { slug: { type: 'string' }, file: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } } satisfies Options;
const LIST_OPTIONS = { json: { type: 'boolean' } } satisfies Options;
const PAYMENTS_OPTIONS = { slug: { type: 'string' }, file: { type: 'string' } } satisfies Options;

function options<O extends Options>(args: string[], spec: O) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  // Logs to stderr, synchronously: stdout carries the answer (and the password) only.
  const log = createLogger(config.logLevel, pino.destination({ fd: 2, sync: true }));
  const ctx = await createContext(config, { log });
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

async function create(args: string[]): Promise<void> {
  const o = options(args, CREATE_OPTIONS);
  // Every field is checked before the database is opened: a typo costs nothing.
  const { comune, admin } = checkNewComune({
    slug: o.slug,
    name: o.name,
    istat: o.istat,
    fiscalCode: o['fiscal-code'],
    cadastral: o.cadastral,
    region: o.region,
    patronDay: o['patron-day'],
    patronName: o['patron-name'],
    referencePrefix: o['reference-prefix'],
    primaryColor: o['primary-color'],
    website: o.website,
    adminUsername: o['admin-username'],
    adminName: o['admin-name'],
  });
  await withContext(async (ctx) => {
    const created = await createComune(ctx, comune, admin);
    const out = [
      `Created ${created.name} (${created.slug}) with its first administrator ${created.admin.username} (${created.admin.displayName}).`,
      '',
      `Temporary password of ${created.admin.username}, shown only this once:`,
      '',
      `    ${created.temporaryPassword}`,
      '',
      'Hand it over in person or by phone. It must be changed at the first sign-in, at',
      `${ctx.config.publicUrl}/${created.slug}/operatore`,
      '',
      `Next: the offices, services, desks and hours with "comune import --slug ${created.slug} --file …".`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  });
}

function importSummary(r: ImportReport, files: string): string {
  const c = r.counts;
  const part = (what: string, n: { created: number; updated: number; unchanged: number }) => `${what}: ${n.created} new, ${n.updated} changed, ${n.unchanged} unchanged`;
  const totals = `${part('offices', c.offices)}; ${part('services', c.services)}; ${part('desks', c.desks)}; weekly hours set for ${c.hours} desk(s).`;
  if (!r.changes.length) return `Nothing to change: ${r.comune.name} already matches ${files}.\n${totals}`;
  const head = r.dryRun ? `Dry run, nothing was written. Importing ${files} into ${r.comune.name} would make these changes:` : `Imported ${files} into ${r.comune.name}:`;
  return [head, ...r.changes.map((l) => `  ${l}`), totals].join('\n');
}

async function importCommand(args: string[]): Promise<void> {
  const o = options(args, IMPORT_OPTIONS);
  if (!o.slug) throw new UsageError('comune import needs --slug (the comune to import into; see "comune list")');
  const files = o.file ?? [];
  const spec = loadCatalogue(files);
  const label = files.map((f) => f.split(/[\\/]/).pop()).join(', ');
  await withContext(async (ctx) => {
    const report = await importCatalogue(ctx, o.slug!.trim(), spec, { dryRun: o['dry-run'], source: label });
    process.stdout.write(`${importSummary(report, label)}\n`);
  });
}

async function paymentsCommand(args: string[]): Promise<void> {
  const o = options(args, PAYMENTS_OPTIONS);
  if (!o.slug || !o.file) throw new UsageError('comune payments needs --slug and --file (the pagoPA settings, JSON)');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(o.file, 'utf8'));
  } catch (err) {
    throw new OnboardingError(`Cannot read ${o.file}: ${(err as Error).message}`, []);
  }
  await withContext(async (ctx) => {
    const done = await configureCreditor(ctx, o.slug!.trim(), raw);
    const provider = done.provider === 'simulator' ? 'the local pagoPA simulator (AMBIENTE DI PROVA: no money moves)' : 'pagoPA (GPD and Checkout)';
    process.stdout.write(`pagoPA settings saved for ${done.comune}: ${done.kinds} kind(s) of income, ${done.ibans} IBAN(s); positions go to ${provider}.\n`);
  });
}

async function list(args: string[]): Promise<void> {
  const o = options(args, LIST_OPTIONS);
  await withContext(async (ctx) => {
    const comuni = await listComuni(ctx.db);
    if (o.json) return void process.stdout.write(`${JSON.stringify(comuni, null, 2)}\n`);
    if (!comuni.length) return void process.stdout.write('No comuni yet: add one with "comune create".\n');
    const rows = [
      ['slug', 'name', 'ISTAT', 'region', 'offices', 'services', 'desks', 'admins'],
      ...comuni.map((c) => [c.slug, c.name, c.istatCode ?? '', c.region ?? '', String(c.offices), String(c.services), String(c.desks), String(c.admins)]),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    process.stdout.write(
      `${rows
        .map((r) =>
          r
            .map((cell, i) => cell.padEnd(widths[i]!))
            .join('  ')
            .trimEnd(),
        )
        .join('\n')}\n`,
    );
  });
}

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  try {
    if (!group || group === 'help' || group === '--help' || group === '-h') {
      (group ? process.stdout : process.stderr).write(`${USAGE}\n`);
      return group ? 0 : 2;
    }
    if (group !== 'comune') throw new UsageError(`unknown command "${group}"`);
    if (command === 'create') await create(rest);
    else if (command === 'import') await importCommand(rest);
    else if (command === 'list') await list(rest);
    else if (command === 'payments') await paymentsCommand(rest);
    else throw new UsageError(command ? `unknown command "comune ${command}"` : 'comune what? create, import, list or payments');
    return 0;
  } catch (err) {
    if (err instanceof CreditorFileError) {
      process.stderr.write(`Error: ${[err.message, ...err.problems.map((p) => `  - ${p}`)].join('\n')}\n`);
      return 1;
    }
    if (err instanceof OnboardingError) {
      process.stderr.write(`Error: ${[err.message, ...err.problems.map((p) => `  - ${p}`)].join('\n')}\n`);
      return 1;
    }
    if (err instanceof DataDirInUse) {
      process.stderr.write(`Error: ${err.message}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`Error: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));

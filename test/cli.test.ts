// The administration command line as an installer runs it: a child process on a fresh database
// (PGlite data folder; with TEST_DATABASE_URL a fresh PostgreSQL schema, in demo and in production
// mode), then the server built in this process on the same database, to check through HTTP what
// the installer would check: the admin signs in with the password printed once and must change it,
// the imported offices, services, desks and hours are in the public API and offer slots, a second
// import changes nothing, and refused input writes nothing. The commands are the README's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/boot.ts';
import { loadConfig } from '../server/config.ts';
import { ManualClock } from '../server/platform/clock.ts';
import type { AppContext } from '../server/platform/context.ts';
import { DEFAULT_NOW, freshSchemaUrl } from './support/harness.ts';
import { login } from './support/officers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'docs', 'examples');
const CSV_FILES = ['offices.csv', 'services.csv', 'desks.csv'].flatMap((f) => ['--file', path.join(EXAMPLES, f)]);

/** README, "Adding a comune" (made-up codes with a valid check digit). */
const CREATE = [
  'comune',
  'create',
  '--slug',
  'esempio',
  '--name',
  'Comune di Esempio',
  '--istat',
  '072099',
  '--fiscal-code',
  '80001230723',
  '--cadastral',
  'X001',
  '--region',
  'Puglia',
  '--patron-day',
  '10-21',
  '--patron-name',
  'Santi Medici',
  '--reference-prefix',
  'ES',
  '--primary-color',
  '#8a1538',
  '--website',
  'https://www.comune.esempio.it',
  '--admin-username',
  'admin.esempio',
  '--admin-name',
  'Maria Rossi',
];
const withOption = (args: string[], option: string, value: string) => args.map((a, i) => (args[i - 1] === option ? value : a));
const PASSWORD = /\b[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}\b/g;

interface Setup {
  name: string;
  production: boolean;
  env(): Promise<Record<string, string>>;
}

const SETUPS: Setup[] = [
  { name: 'PGlite data folder, demo mode', production: false, env: async () => ({ SPORTELLO_MODE: 'demo', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-cli-')) }) },
  ...(process.env.TEST_DATABASE_URL
    ? [
        { name: 'PostgreSQL, demo mode', production: false, env: async () => ({ SPORTELLO_MODE: 'demo', DATABASE_URL: await freshSchemaUrl(process.env.TEST_DATABASE_URL!) }) },
        {
          name: 'PostgreSQL, production mode',
          production: true,
          env: async () => ({
            NODE_ENV: 'production',
            DATABASE_URL: await freshSchemaUrl(process.env.TEST_DATABASE_URL!),
            SMTP_URL: 'smtp://127.0.0.1:2525',
            PUBLIC_URL: 'https://sportello.comune.esempio.it',
            SESSION_SECRET: 'cli-test-session-secret-0123456789abcdef',
          }),
        },
      ]
    : []),
];

for (const setup of SETUPS) {
  describe(`npm run sportello (${setup.name})`, () => {
    let env: Record<string, string>;
    let tmp: string;
    before(async () => {
      env = { LOG_LEVEL: 'warn', ...(await setup.env()) };
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-cli-files-'));
    });
    after(() => {
      if (env.DATA_DIR) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    const cli = (...args: string[]) => {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        encoding: 'utf8',
        timeout: 120_000,
      });
      return { status: res.status, stdout: res.stdout, stderr: res.stderr, output: `${res.stdout}\n${res.stderr}` };
    };
    /** The server on the same database, at Monday 2 March 2026, 08:00 in Rome; closed afterwards (PGlite is one process's). */
    const withApp = async <T>(fn: (app: FastifyInstance, ctx: AppContext) => Promise<T>): Promise<T> => {
      const ctx = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { clock: new ManualClock(new Date(DEFAULT_NOW)) });
      const app = await buildApp(ctx);
      try {
        await app.ready();
        return await fn(app, ctx);
      } finally {
        await app.close();
        await ctx.database.close();
      }
    };
    const comuni = () => {
      const res = cli('comune', 'list', '--json');
      assert.equal(res.status, 0, res.output);
      return (JSON.parse(res.stdout) as Array<{ slug: string; offices: number; services: number; desks: number; admins: number }>).map((c) => c.slug);
    };
    const tenantRows = (ctx: AppContext) => ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'esempio').executeTakeFirst();
    const countAll = async (ctx: AppContext) => {
      const n = async (table: 'offices' | 'services' | 'desks' | 'desk_hours' | 'desk_services' | 'operators' | 'audit_log' | 'tenants') =>
        Number((await ctx.db.selectFrom(table).select(ctx.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return {
        offices: await n('offices'),
        services: await n('services'),
        desks: await n('desks'),
        hours: await n('desk_hours'),
        links: await n('desk_services'),
        operators: await n('operators'),
        audit: await n('audit_log'),
        tenants: await n('tenants'),
      };
    };
    const officesOf = async (app: FastifyInstance) => (await app.inject('/api/v1/esempio/offices')).json().offices as Array<{ id: string; name: string; phone: string | null }>;
    const servicesOf = async (app: FastifyInstance, officeName: string) => {
      const office = (await officesOf(app)).find((o) => o.name === officeName);
      assert.ok(office, `office ${officeName}`);
      return (await app.inject(`/api/v1/esempio/offices/${office.id}/services`)).json().services as Array<{
        id: string;
        name: string;
        durationMinutes: number;
        mode: string;
        capacity: number;
        whatToBring: string;
      }>;
    };
    const slotDays = async (app: FastifyInstance, serviceId: string) => {
      const res = await app.inject(`/api/v1/esempio/services/${serviceId}/availability?from=2026-03-02&to=2026-03-08`);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().days as Array<{ date: string; slots: Array<{ start: string }> }>).filter((d) => d.slots.length);
    };

    it('refuses wrong identity fields, naming each, and writes nothing', () => {
      const res = cli(...withOption(withOption(withOption(CREATE, '--istat', '72099'), '--fiscal-code', '80001230724'), '--patron-day', '02-30'));
      assert.equal(res.status, 1, res.output);
      assert.match(res.stderr, /--istat: the ISTAT code of a comune is 6 digits.*"72099"/);
      assert.match(res.stderr, /--fiscal-code: wrong check digit/);
      assert.match(res.stderr, /--patron-day: must be a day of the year as MM-DD/);
      assert.doesNotMatch(res.output, PASSWORD);
      assert.deepEqual(comuni(), setup.production ? [] : ['bari', 'bitonto'], 'no comune added; production seeds no demo comuni');
    });

    let password = '';
    it('creates the comune and its first admin, printing the temporary password once', async () => {
      const res = cli(...CREATE);
      assert.equal(res.status, 0, res.output);
      const shown = res.output.match(PASSWORD) ?? [];
      assert.equal(shown.length, 1, `the password appears once:\n${res.output}`);
      password = shown[0]!;
      assert.match(res.stdout, /Created Comune di Esempio \(esempio\) with its first administrator admin\.esempio \(Maria Rossi\)/);
      assert.match(res.stdout, /must be changed at the first sign-in/);
      assert.deepEqual(comuni(), setup.production ? ['esempio'] : ['bari', 'bitonto', 'esempio']);
      await withApp(async (app, ctx) => {
        const info = (await app.inject('/api/v1/esempio')).json();
        assert.deepEqual(info, {
          slug: 'esempio',
          name: 'Comune di Esempio',
          timeZone: 'Europe/Rome',
          branding: { primaryColor: '#8a1538', region: 'Puglia', website: 'https://www.comune.esempio.it' },
          // A new comune's site settings are empty until its admin fills them in: the footer leaves them out.
          site: { contacts: {}, sectionLinks: {}, social: [] },
          map: null,
          coatOfArmsUrl: null,
        });
        const tenant = await ctx.db.selectFrom('tenants').selectAll().where('slug', '=', 'esempio').executeTakeFirstOrThrow();
        assert.deepEqual(
          [tenant.istat_code, tenant.fiscal_code, tenant.cadastral_code, tenant.patron_day, tenant.patron_name, tenant.reference_prefix],
          ['072099', '80001230723', 'X001', '10-21', 'Santi Medici', 'ES'],
        );
        const admin = await ctx.db.selectFrom('operators').selectAll().where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
        assert.deepEqual([admin.username, admin.display_name, admin.role, admin.must_change_password, admin.active], ['admin.esempio', 'Maria Rossi', 'admin', true, true]);
        assert.match(admin.password_hash, /^\$argon2id\$/);
        const audit = await ctx.db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenant.id).orderBy('id').execute();
        assert.deepEqual(
          audit.map((a) => [a.action, a.actor_type, a.actor_id, a.entity_id]),
          [
            ['tenant.created', 'system', 'cli', tenant.id],
            ['operator.created', 'system', 'cli', admin.id],
          ],
        );
        assert.doesNotMatch(JSON.stringify(audit), new RegExp(password), 'the password is not in the audit log');
      });
    });

    it('refuses a slug that exists, writing nothing', async () => {
      const before = await withApp(async (_, ctx) => countAll(ctx));
      const res = cli(...withOption(withOption(CREATE, '--admin-username', 'altro.admin'), '--name', 'Comune di Esempio Due'));
      assert.equal(res.status, 1, res.output);
      assert.match(res.stderr, /A comune with the slug "esempio" exists already \(Comune di Esempio\): nothing was written/);
      assert.doesNotMatch(res.output, PASSWORD);
      if (!setup.production) {
        const demo = cli(...withOption(CREATE, '--slug', 'bitonto'));
        assert.equal(demo.status, 1, demo.output);
        assert.match(demo.stderr, /"bitonto" exists already \(Comune di Bitonto\)/);
      }
      assert.deepEqual(await withApp(async (_, ctx) => countAll(ctx)), before);
    });

    it('lets the admin sign in with the printed password, and first of all change it', async () => {
      await withApp(async (app) => {
        const res = await login(app, 'esempio', 'admin.esempio', password);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().operator.mustChangePassword, true);
        assert.equal(res.json().operator.role, 'admin');
        const cookies = { sportello_op: res.cookies.find((c) => c.name === 'sportello_op')!.value };
        const headers = { 'x-csrf-token': res.json().csrfToken as string };
        const blocked = await app.inject({ url: '/api/v1/esempio/operator/offices', cookies });
        assert.equal(blocked.statusCode, 403);
        assert.equal(blocked.json().code, 'PASSWORD_CHANGE_REQUIRED');
        const changed = await app.inject({
          method: 'POST',
          url: '/api/v1/esempio/operator/me/password',
          cookies,
          headers,
          payload: { currentPassword: password, newPassword: 'la piazza del municipio' },
        });
        assert.equal(changed.statusCode, 204, changed.body);
        assert.equal((await app.inject({ url: '/api/v1/esempio/operator/offices', cookies })).statusCode, 200);
      });
    });

    it('imports the JSON catalogue after a dry run that writes nothing: offices, services, desks and hours offer slots', async () => {
      const dry = cli('comune', 'import', '--slug', 'esempio', '--file', path.join(EXAMPLES, 'catalogue.json'), '--dry-run');
      assert.equal(dry.status, 0, dry.output);
      assert.match(dry.stdout, /Dry run, nothing was written/);
      assert.match(dry.stdout, /\+ office "Servizi Demografici"/);
      assert.deepEqual(await withApp(officesOf), []);

      const res = cli('comune', 'import', '--slug', 'esempio', '--file', path.join(EXAMPLES, 'catalogue.json'));
      assert.equal(res.status, 0, res.output);
      assert.match(res.stdout, /offices: 2 new, 0 changed, 0 unchanged; services: 4 new, 0 changed, 0 unchanged; desks: 3 new/);
      const afterHead = (text: string) => text.split('\n').slice(1).join('\n');
      assert.equal(afterHead(res.stdout), afterHead(dry.stdout), 'the dry run told exactly what the import did');
      await withApp(async (app, ctx) => {
        assert.deepEqual((await officesOf(app)).map((o) => o.name).sort(), ['Servizi Demografici', 'Ufficio Tributi']);
        const services = await servicesOf(app, 'Servizi Demografici');
        assert.deepEqual(services.map((s) => [s.name, s.durationMinutes, s.mode, s.capacity]).sort(), [
          ["Carta d'identità elettronica", 20, 'in_person', 1],
          ['Certificati anagrafici', 10, 'in_person', 2],
          ['Informazioni sul cambio di residenza', 15, 'video', 1],
        ]);
        // Certificates: both desks, from Monday 09:00 (an hour's notice after 08:00).
        const certificates = await slotDays(app, services.find((s) => s.name === 'Certificati anagrafici')!.id);
        assert.deepEqual(
          certificates.map((d) => d.date),
          ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'],
        );
        assert.equal(certificates[0]!.slots[0]!.start, '2026-03-02T09:00:00+01:00');
        // The video service: only the video desk, Monday, Wednesday and Friday mornings.
        const video = await slotDays(app, services.find((s) => s.mode === 'video')!.id);
        assert.deepEqual(
          video.map((d) => d.date),
          ['2026-03-02', '2026-03-04', '2026-03-06'],
        );
        // A desk with no list of services offers all of its office's.
        const tributi = await servicesOf(app, 'Ufficio Tributi');
        assert.deepEqual(
          tributi.map((s) => [s.name, s.capacity]),
          [['Consulenza TARI e IMU', 1]],
        );
        const tenant = (await tenantRows(ctx))!;
        const actions = await ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('tenant_id', '=', tenant.id).execute();
        const count = (action: string) => actions.filter((a) => a.action === action && a.actor_id === 'cli').length;
        assert.deepEqual(['office.created', 'service.created', 'desk.created', 'desk.hours-changed'].map(count), [2, 4, 3, 3]);
      });
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await withApp(async (_, ctx) => countAll(ctx));
      const res = cli('comune', 'import', '--slug', 'esempio', '--file', path.join(EXAMPLES, 'catalogue.json'));
      assert.equal(res.status, 0, res.output);
      assert.match(res.stdout, /Nothing to change: Comune di Esempio already matches catalogue\.json/);
      assert.deepEqual(await withApp(async (_, ctx) => countAll(ctx)), before, 'no row added, not even an audit entry');
    });

    it('imports the CSV files: a new office, and changed values of existing records updated', async () => {
      const res = cli('comune', 'import', '--slug', 'esempio', ...CSV_FILES);
      assert.equal(res.status, 0, res.output);
      assert.match(res.stdout, /\+ office "Polizia Locale"/);
      assert.match(res.stdout, /~ office "Ufficio Tributi": phone null → "080 000 0002"/);
      assert.match(res.stdout, /~ service "Consulenza TARI e IMU" \(Ufficio Tributi\): bufferMinutes 0 → 5/);
      assert.match(res.stdout, /~ desk "Sportello Tributi" \(Ufficio Tributi\) hours: .* → .*gio 15:00-17:00/);
      await withApp(async (app) => {
        const offices = await officesOf(app);
        assert.deepEqual(offices.map((o) => o.name).sort(), ['Polizia Locale', 'Servizi Demografici', 'Ufficio Tributi']);
        assert.equal(offices.find((o) => o.name === 'Ufficio Tributi')!.phone, '080 000 0002');
        const police = await servicesOf(app, 'Polizia Locale');
        assert.deepEqual(police.map((s) => [s.name, s.durationMinutes, s.mode, s.capacity]).sort(), [
          ['Informazioni su verbali e sanzioni', 10, 'video', 1],
          ['Permessi ZTL e contrassegni disabili', 15, 'in_person', 1],
        ]);
        const [tari] = await servicesOf(app, 'Ufficio Tributi');
        assert.equal(tari!.whatToBring, 'Avvisi di pagamento ricevuti, visura catastale');
        // Thursday afternoon is new: the first slot that day after the morning's is at 15:00.
        const thursday = (await slotDays(app, tari!.id)).find((d) => d.date === '2026-03-05')!;
        assert.ok(thursday.slots.some((s) => s.start === '2026-03-05T15:00:00+01:00'));
      });
      const again = cli('comune', 'import', '--slug', 'esempio', ...CSV_FILES);
      assert.equal(again.status, 0, again.output);
      assert.match(again.stdout, /Nothing to change/);
    });

    it('refuses a malformed file, a file naming what does not exist and an unknown comune, writing nothing', async () => {
      const before = await withApp(async (_, ctx) => countAll(ctx));
      const broken = path.join(tmp, 'broken.json');
      fs.writeFileSync(broken, '{"offices": [{"name": "Anagrafe"');
      const malformed = cli('comune', 'import', '--slug', 'esempio', '--file', broken);
      assert.equal(malformed.status, 1, malformed.output);
      assert.match(malformed.stderr, /broken\.json is not valid JSON/);

      const wrong = path.join(tmp, 'wrong.json');
      fs.writeFileSync(
        wrong,
        JSON.stringify({ offices: [{ name: 'Ufficio Casa', address: 'Via Roma 1', services: [{ name: 'Contributi affitto', duration: 20, mode: 'phone' }] }] }),
      );
      const invalid = cli('comune', 'import', '--slug', 'esempio', '--file', wrong);
      assert.equal(invalid.status, 1, invalid.output);
      assert.match(invalid.stderr, /office "Ufficio Casa" › service "Contributi affitto": unknown field "duration"/);
      assert.match(invalid.stderr, /service "Contributi affitto" › mode: must be one of "in_person", "video"/);

      // Valid in itself, but the second desk names a service the office does not have: the first
      // office, already written inside the transaction, is rolled back with the rest.
      const dangling = path.join(tmp, 'dangling.json');
      fs.writeFileSync(
        dangling,
        JSON.stringify({
          offices: [
            { name: 'Ufficio Casa', address: 'Via Roma 1', services: [{ name: 'Contributi affitto', durationMinutes: 20 }], desks: [{ name: 'Casa 1' }] },
            { name: 'Ufficio Tributi', desks: [{ name: 'Sportello Tributi', services: ['Consulenza TARI e IMU', 'Rimborsi'] }] },
          ],
        }),
      );
      const missing = cli('comune', 'import', '--slug', 'esempio', '--file', dangling);
      assert.equal(missing.status, 1, missing.output);
      assert.match(missing.stderr, /desk "Sportello Tributi": no service named "Rimborsi" in the office "Ufficio Tributi"/);

      const csv = path.join(tmp, 'desks.csv');
      fs.writeFileSync(csv, 'office;desk;weekday;start;end;room\nUfficio Tributi;Sportello Tributi;lun;09:00;12:00;3\n');
      const column = cli('comune', 'import', '--slug', 'esempio', '--file', csv);
      assert.equal(column.status, 1, column.output);
      assert.match(column.stderr, /desks\.csv: taken as the desks file from its columns[\s\S]*unknown column "room"/);

      const nowhere = cli('comune', 'import', '--slug', 'altrove', '--file', path.join(EXAMPLES, 'catalogue.json'));
      assert.equal(nowhere.status, 1, nowhere.output);
      assert.match(nowhere.stderr, /No comune with the slug "altrove"/);

      assert.deepEqual(await withApp(async (_, ctx) => countAll(ctx)), before);
    });

    it('sets the comune’s pagoPA settings from the example file: the desk can ask for a fee, with a valid notice', async () => {
      const wrong = path.join(tmp, 'pagopa-wrong.json');
      const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'pagopa.json'), 'utf8'));
      fs.writeFileSync(wrong, JSON.stringify({ ...example, segregationCode: '99', ibans: [{ iban: 'IT61X0542811101000000123456', label: 'x' }], provider: 'pagopa' }));
      const refused = cli('comune', 'payments', '--slug', 'esempio', '--file', wrong);
      assert.equal(refused.status, 1, refused.output);
      assert.match(refused.stderr, /segregationCode: 99 is reserved/);
      assert.match(refused.stderr, /ibans\[0\]\.iban: "IT61X0542811101000000123456" is not a valid IBAN/);
      assert.match(refused.stderr, /kinds\[0\]\.iban: .* is not one of "ibans"/);
      assert.match(refused.stderr, /needs the gpd subscription key in PAGOPA_KEYS \("80001230723\/gpd"\)/);
      assert.equal(
        await withApp(async (_, ctx) => (await ctx.db.selectFrom('payment_creditors').select('tenant_id').execute()).length),
        setup.production ? 0 : 2,
        'nothing written',
      );

      const res = cli('comune', 'payments', '--slug', 'esempio', '--file', path.join(EXAMPLES, 'pagopa.json'));
      assert.equal(res.status, 0, res.output);
      assert.match(res.stdout, /pagoPA settings saved for Comune di Esempio: 3 kind\(s\) of income, 1 IBAN\(s\); positions go to the local pagoPA simulator/);
      await withApp(async (app) => {
        const signed = await login(app, 'esempio', 'admin.esempio', 'la piazza del municipio');
        const cookies = { sportello_op: signed.cookies.find((c) => c.name === 'sportello_op')!.value };
        const headers = { 'x-csrf-token': signed.json().csrfToken as string };
        const settings = (await app.inject({ url: '/api/v1/esempio/operator/payments/settings', cookies })).json();
        assert.deepEqual(
          [settings.configured, settings.provider, settings.kinds.map((k: { code: string }) => k.code)],
          [true, 'simulator', ['diritti-segreteria', 'carta-identita', 'sanzioni']],
        );
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/esempio/operator/payments',
          cookies,
          headers,
          payload: {
            debtor: { fiscalCode: 'RSSMRA85T10A562S', name: 'Mario Rossi' },
            amountCents: 2222,
            description: 'Diritti di segreteria',
            dueDate: '2026-03-31',
            kind: 'sanzioni',
          },
        });
        assert.equal(created.statusCode, 201, created.body);
        assert.match(created.json().nav, /^301\d{15}$/);
      });
    });

    if (setup.name.startsWith('PGlite'))
      it('refuses to open the embedded database while another process has it', async () => {
        await withApp(async () => {
          const res = cli('comune', 'list');
          assert.equal(res.status, 1, res.output);
          assert.match(res.stderr, /open in another process \(pid \d+\)/);
        });
        const launcher = spawnSync(process.execPath, ['scripts/sportello.mjs', 'comune', 'list'], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
          timeout: 120_000,
        });
        assert.equal(launcher.status, 0, launcher.stderr);
        assert.match(launcher.stdout, /^esempio\s+Comune di Esempio\s+072099\s+Puglia\s+3\s+6\s+4\s+1$/m, 'and runs once it is free (through the npm run launcher)');
      });
  });
}

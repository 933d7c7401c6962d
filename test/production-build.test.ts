// The production build as an operator deploys it: `npm run build`'s output (dist/, web/dist) with
// package.json, package-lock.json and scripts/ in a folder of its own, `npm ci --omit=dev` there (no
// TypeScript, Vite or tsx), then `npm start` with NODE_ENV=production on PostgreSQL. Checks that the
// compiled server imports only production dependencies, finds its migrations and web client, and
// sends the client compressed with the right cache lifetimes. Needs TEST_DATABASE_URL (production
// refuses the embedded database).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildServer, buildState, buildWeb } from '../scripts/build.mjs';
import { freshSchemaUrl } from './support/harness.ts';
import { startServer, type ServerProcess } from './support/server-process.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEV_TOOLS = ['typescript', 'vite', 'tsx', '@vitejs/plugin-react'];
const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtp://127.0.0.1:2525', // nothing is sent at start
  PUBLIC_URL: 'https://sportello.example.it',
  SESSION_SECRET: 'production-build-test-secret-0123456789',
  SPORTELLO_ROLES: 'web,worker,scheduler',
  SPORTELLO_WEB_DIST: '',
  LOG_LEVEL: 'warn',
};

/** A folder with what a deployment needs from a checkout besides the build. */
function deploymentFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-deploy-'));
  for (const file of ['package.json', 'package-lock.json', 'scripts/start.mjs', 'scripts/build.mjs', 'scripts/sportello.mjs'])
    fs.cpSync(path.join(ROOT, file), path.join(dir, file));
  return dir;
}

function runStart(cwd: string, env: Record<string, string>, script = 'scripts/start.mjs', args: string[] = []) {
  return spawnSync(process.execPath, [script, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 30_000 });
}

/** Package names imported by the compiled server (static and dynamic imports; type imports are gone). */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) {
        const code = fs.readFileSync(full, 'utf8');
        // `import … from 'x'`, `export … from 'x'`, `import 'x'` (at the start of a line, as tsc writes them) and `import('x')`.
        const imports = /^(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]|^import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
        for (const m of code.matchAll(imports)) {
          const spec = (m[1] ?? m[2] ?? m[3])!;
          if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
    }
  };
  walk(dir);
  return names;
}

describe('npm start without a build', () => {
  it('in production, stops with a message to run npm run build instead of building', () => {
    const dir = deploymentFolder();
    try {
      const res = runStart(dir, { NODE_ENV: 'production' });
      assert.equal(res.status, 1, res.stdout + res.stderr);
      assert.match(res.stderr, /npm run build/);
      assert.match(res.stderr, /production never builds/);
      assert.equal(fs.existsSync(path.join(dir, 'dist')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the command line, in production, stops with a message to run npm run build too', () => {
    const dir = deploymentFolder();
    try {
      const res = runStart(dir, { NODE_ENV: 'production' }, 'scripts/sportello.mjs', ['comune', 'list']);
      assert.equal(res.status, 1, res.stdout + res.stderr);
      assert.match(res.stderr, /npm run build/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('elsewhere, without the build tools installed, says to install them and build', () => {
    const dir = deploymentFolder();
    try {
      const res = runStart(dir, { NODE_ENV: 'development' });
      assert.equal(res.status, 1, res.stdout + res.stderr);
      assert.match(res.stderr, /devDependencies/);
      assert.match(res.stderr, /npm ci/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('production build, deployed with production dependencies only', {
  skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL not set: production needs PostgreSQL',
}, () => {
  let dir: string;
  let server: ServerProcess | undefined;
  let databaseUrl: string;
  before(async () => {
    dir = deploymentFolder();
    // The server is compiled straight into the deployment; the web client is the checkout's
    // (`npm test` has just built it), rebuilt first when missing or older than its sources.
    buildServer({ outDir: path.join(dir, 'dist') });
    if (buildState('web') !== 'fresh') await buildWeb();
    fs.cpSync(path.join(ROOT, 'web', 'dist'), path.join(dir, 'web', 'dist'), { recursive: true });
    const install = spawnSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 300_000,
    });
    assert.equal(install.status, 0, `npm ci --omit=dev failed:\n${install.stdout}\n${install.stderr}`);
    databaseUrl = await freshSchemaUrl(process.env.TEST_DATABASE_URL!);
    server = await startServer({ ...PRODUCTION_ENV, DATABASE_URL: databaseUrl }, { cwd: dir, args: ['scripts/start.mjs'] });
  });
  after(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('installed none of the build tools, and the compiled server imports only production dependencies', () => {
    for (const tool of DEV_TOOLS) assert.equal(fs.existsSync(path.join(dir, 'node_modules', tool)), false, `${tool} installed`);
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = importedPackages(path.join(dir, 'dist'));
    assert.ok(imported.has('fastify') && imported.has('kysely'), `the scan finds imports: ${[...imported].join(', ')}`);
    for (const name of imported) {
      assert.ok(name in dependencies, `dist imports ${name}, which is not in dependencies`);
      assert.ok(fs.existsSync(path.join(dir, 'node_modules', name)), `${name} not installed`);
    }
    assert.equal(fs.existsSync(path.join(dir, 'dist', 'server', 'main.ts')), false);
    assert.ok(fs.existsSync(path.join(dir, 'dist', 'server', 'migrations', '001_platform.sql')), 'the migrations travel inside dist');
  });

  it('is ready on PostgreSQL in production mode, with its migrations applied', async () => {
    const ready = await fetch(`${server!.baseUrl}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { database: string }).database, 'postgres');
    const tenants = await fetch(`${server!.baseUrl}/api/v1/tenants`);
    assert.equal(tenants.status, 200, 'the tables exist');
    assert.deepEqual(((await tenants.json()) as { tenants: unknown[] }).tenants, [], 'production seeds no demo comuni');
    assert.equal((await fetch(`${server!.baseUrl}/dev/mailbox`)).status, 404);
  });

  it('runs the administration command line from the build: a comune whose admin signs in, its offices served', async () => {
    const sportello = (...args: string[]) => {
      const res = spawnSync(process.execPath, ['scripts/sportello.mjs', ...args], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', ...PRODUCTION_ENV, DATABASE_URL: databaseUrl },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(res.status, 0, `${res.stdout}\n${res.stderr}`);
      return res.stdout;
    };
    const created = sportello(
      ...['comune', 'create', '--slug', 'esempio', '--name', 'Comune di Esempio', '--istat', '072099', '--fiscal-code', '80001230723', '--cadastral', 'X001'],
      ...[
        '--region',
        'Puglia',
        '--patron-day',
        '10-21',
        '--patron-name',
        'Santi Medici',
        '--reference-prefix',
        'ES',
        '--admin-username',
        'admin.esempio',
        '--admin-name',
        'Maria Rossi',
      ],
    );
    const password = /^ {4}([a-z2-9]{4}(?:-[a-z2-9]{4}){3})$/m.exec(created)?.[1];
    assert.ok(password, created);
    assert.match(sportello('comune', 'import', '--slug', 'esempio', '--file', path.join(ROOT, 'docs', 'examples', 'catalogue.json')), /offices: 2 new/);
    const offices = (await (await fetch(`${server!.baseUrl}/api/v1/esempio/offices`)).json()) as { offices: Array<{ name: string }> };
    assert.deepEqual(offices.offices.map((o) => o.name).sort(), ['Servizi Demografici', 'Ufficio Tributi']);
    const login = await fetch(`${server!.baseUrl}/api/v1/esempio/operator/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin.esempio', password }),
    });
    assert.equal(login.status, 200);
    assert.equal(((await login.json()) as { operator: { mustChangePassword: boolean } }).operator.mustChangePassword, true);
  });

  it('serves a citizen page and its hashed script brotli-compressed, the script cached for a year', async () => {
    const dist = path.join(dir, 'web', 'dist');
    // The comune created above (production has no demo comuni: /bari would be a 404 page).
    const page = await fetch(`${server!.baseUrl}/esempio/prenota-appuntamento`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-encoding'), 'br');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const html = await page.text(); // fetch decodes brotli
    assert.equal(html, fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
    const script = /<script[^>]+src="(\/assets\/citizen-[\w-]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'the page loads a hashed script');
    const js = await fetch(server!.baseUrl + script, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-encoding'), 'br');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(js.headers.get('vary') ?? '', /accept-encoding/i);
    assert.equal(Number(js.headers.get('content-length')), fs.statSync(path.join(dist, `${script}.br`)).size, 'the prebuilt copy goes out');
    assert.equal(await js.text(), fs.readFileSync(path.join(dist, script), 'utf8'));
  });
});

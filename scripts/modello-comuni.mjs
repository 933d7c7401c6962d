// The official Modello Comuni checker (italia/pa-website-validator-ng, the copy in
// ../shared/tools or MODELLO_COMUNI_CHECKER) against a running Sportello, in its "online" scope: it
// visits the home, the first- and second-level pages, the services, the booking and the login, as
// the assessment for PNRR measure 1.4.1 does. Criteria split in two: those Sportello owns must pass;
// those that depend on where a comune deploys (its HTTPS certificate, its comune.… domain, hosting in
// the EU, its statement on AgID's form service) are listed for information (README, "Deployment").
//
//   node scripts/modello-comuni.mjs http://127.0.0.1:3000/bari [OUTDIR]   exits 1 when an owned criterion fails
//
// The checker is built once into a cache (MCC_CACHE, default ~/.cache/modello-comuni-check; the same
// one ../shared/tools/modello-comuni-check uses) with the npm registry; Chromium from CHROMIUM_PATH or
// /usr/bin/chromium.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Criteria that no code of Sportello can pass: they judge the deployment. */
export const DEPLOYMENT_CRITERIA = {
  'C.SI.3.2': "the accessibility statement is read from AgID's form.agid.gov.it and must name the portal's domain",
  'C.SI.3.3': 'the privacy notice must be served over HTTPS',
  'C.SI.5.1': 'a valid HTTPS certificate',
  'C.SI.5.2': "a domain of the comune's own (comune.<name>.<province>.it)",
  'Localizzazione IP': 'servers hosted in the European Union',
};

const RUN_LIMIT_MS = 8 * 60_000;

const cacheDir = () => process.env.MCC_CACHE || path.join(os.homedir(), '.cache/modello-comuni-check');

/**
 * The checker's sources: MODELLO_COMUNI_CHECKER, else `shared/tools/pa-website-validator-ng` beside
 * this checkout or any folder above it (a clean clone for CI may sit elsewhere than the working copy).
 */
export function checkerSource() {
  const above = [];
  for (let dir = path.resolve(ROOT, '..'); ; dir = path.dirname(dir)) {
    above.push(path.join(dir, 'shared/tools/pa-website-validator-ng'));
    if (path.dirname(dir) === dir) break;
  }
  const candidates = [process.env.MODELLO_COMUNI_CHECKER, ...above, '/work/shared/tools/pa-website-validator-ng'].filter(Boolean);
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'package.json')));
}

/** A checker built earlier on this machine (its cache), usable when the sources are not found. */
function builtChecker() {
  const cache = cacheDir();
  if (!fs.existsSync(path.join(cache, 'dist/index.js'))) return undefined;
  return fs.readdirSync(cache).some((f) => f.startsWith('.built-')) ? cache : undefined;
}

/** Whether the checker can run here: its sources, or a build of them in the cache. */
export function checkerAvailable() {
  return Boolean(checkerSource() || builtChecker());
}

/** Builds the checker into its cache when its sources changed; returns the cache folder. */
export function buildChecker(src) {
  const cache = cacheDir();
  const stamp = createHash('sha256')
    .update(fs.readFileSync(path.join(src, 'package-lock.json')))
    .update(fs.readFileSync(path.join(src, 'package.json')))
    .digest('hex')
    .slice(0, 16);
  if (fs.existsSync(path.join(cache, `.built-${stamp}`))) return cache;
  fs.rmSync(cache, { recursive: true, force: true });
  fs.mkdirSync(cache, { recursive: true });
  fs.cpSync(src, cache, { recursive: true });
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: cache, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
  run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund']);
  run('npx', ['tsc']);
  run('npx', ['copyfiles', '-u', '1', 'src/**/*.{ejs,json,scss,css,map}', 'dist/']);
  fs.writeFileSync(path.join(cache, `.built-${stamp}`), '');
  return cache;
}

/**
 * Runs the checker; resolves to one row per criterion: { code, title, pass, owned, why }. Never
 * synchronous: the Sportello under test may be serving from this very process.
 */
export async function runChecker(url, outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcc-'))) {
  // Lighthouse inside the checker now and then records a trace without its navigation start
  // (NO_NAVSTART) and scores the speed 0 without measuring it: that run says nothing; run again.
  for (let attempt = 1; ; attempt++) {
    const result = await runOnce(url, outDir);
    const log = fs.readFileSync(path.join(outDir, 'run.log'), 'utf8');
    if (!log.includes('NO_NAVSTART') || attempt === 3) return result;
  }
}

async function runOnce(url, outDir) {
  const src = checkerSource();
  const cache = src ? buildChecker(src) : builtChecker();
  if (!cache) throw new Error('the Modello Comuni checker is not on this machine (set MODELLO_COMUNI_CHECKER)');
  fs.mkdirSync(outDir, { recursive: true });
  const args = ['dist/index.js', '--type', 'municipality', '--scope', 'online', '--website', url, '--destination', outDir, '--report', 'report', '--view', 'false'];
  const log = fs.openSync(path.join(outDir, 'run.log'), 'w');
  const status = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: cache,
      stdio: ['ignore', log, log],
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    });
    // A run takes about a minute; one that hangs (a page that never settles) must not hold CI.
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? `killed after ${RUN_LIMIT_MS / 60_000} minutes` : code);
    });
  });
  fs.closeSync(log);
  if (status !== 0) throw new Error(`the checker failed (exit ${status}): ${path.join(outDir, 'run.log')}`);
  const { audits } = JSON.parse(fs.readFileSync(path.join(outDir, 'report.json'), 'utf8'));
  const rows = [];
  for (const a of Object.values(audits)) {
    // The checker's own rule (src/report/Renderer.ts): a criterion passes at score ≥ 0.5; a null score is informative.
    if (!a.code || a.score === null || a.score === undefined) continue;
    const why = a.pagesInError?.pages?.[0]?.result || a.errorMessage || '';
    rows.push({ code: a.code, title: a.mainTitle ?? a.title, pass: a.score >= 0.5, owned: !(a.code in DEPLOYMENT_CRITERIA), why: String(why).slice(0, 200) });
  }
  return { rows, report: path.join(outDir, 'report.html') };
}

export function formatRows(rows) {
  return rows
    .map(
      (r) => `${r.pass ? 'PASS' : 'FAIL'} ${r.code.padEnd(18)} ${r.title}${r.owned ? '' : ` (deployment: ${DEPLOYMENT_CRITERIA[r.code]})`}${!r.pass && r.why ? ` — ${r.why}` : ''}`,
    )
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.argv[2];
  if (!url) {
    console.error('usage: node scripts/modello-comuni.mjs URL [OUTDIR]');
    process.exit(2);
  }
  const { rows, report } = await runChecker(url, process.argv[3]);
  console.log(formatRows(rows));
  const failed = rows.filter((r) => r.owned && !r.pass);
  console.log(`${rows.filter((r) => r.owned && r.pass).length} of ${rows.filter((r) => r.owned).length} criteria Sportello owns pass (report: ${report})`);
  process.exit(failed.length ? 1 : 0);
}

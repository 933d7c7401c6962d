// npm run build: the server and its API contracts compiled to JavaScript in dist/ (tsc with
// tsconfig.build.json, which rewrites the sources' `.ts` imports to `.js`), the SQL migrations copied
// to dist/server/migrations (where the compiled migrate.js looks for them), and the web client
// built into web/dist (vite), with .br and .gz copies of its text files. `node scripts/build.mjs
// server` (or `web`) builds one part. scripts/start.mjs and the production-build test use the
// functions below.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Each part: the file whose age stands for the build's (written last, or not at all when the build
// fails), what it is built from, and the devDependency that builds it.
export const PARTS = {
  server: {
    output: 'dist/server/main.js',
    sources: ['server', 'contracts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'],
    tool: 'typescript',
  },
  web: { output: 'web/dist/index.html', sources: ['web', 'contracts', 'package.json', 'package-lock.json'], tool: 'vite' },
};

/** True when some file under `p` (tests, dependencies and build output aside) changed after `time`. */
function changedSince(p, time) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return false; // a deployment without sources: nothing to compare
  }
  if (!stat.isDirectory()) return !p.endsWith('.test.ts') && stat.mtimeMs > time;
  return fs.readdirSync(p).some((name) => name !== 'node_modules' && name !== 'dist' && changedSince(path.join(p, name), time));
}

/** 'missing', 'stale' (a source is newer than the build) or 'fresh'. */
export function buildState(part) {
  const { output, sources } = PARTS[part];
  let built;
  try {
    built = fs.statSync(path.join(ROOT, output)).mtimeMs;
  } catch {
    return 'missing';
  }
  return sources.some((s) => changedSince(path.join(ROOT, s), built)) ? 'stale' : 'fresh';
}

function toolBin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return path.join(path.dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

/** The build tools are devDependencies: absent after `npm ci --omit=dev` (NODE_ENV=production). */
export function buildToolsInstalled() {
  return Object.values(PARTS).every(({ tool }) => {
    try {
      require.resolve(`${tool}/package.json`, { paths: [ROOT] });
      return true;
    } catch {
      return false;
    }
  });
}

function run(bin, args) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

/** Compiles server/ and contracts/ into `outDir` (dist/ by default), emptied first. */
export function buildServer({ outDir = path.join(ROOT, 'dist') } = {}) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'server', 'migrations'), path.join(outDir, 'server', 'migrations'), { recursive: true });
  // noEmitOnError (tsconfig.build.json): a type error leaves no main.js, so no half build looks done.
  run(toolBin('typescript', 'tsc'), ['-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', outDir]);
}

// Text files only: fonts (woff2 is brotli inside, woff zlib) and images gain nothing.
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt|xml|webmanifest)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function compressFile(file) {
  const data = await fs.promises.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
    gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy that is not smaller is not written: the server then sends the file itself.
  if (br.length < data.length) await fs.promises.writeFile(`${file}.br`, br);
  if (gz.length < data.length) await fs.promises.writeFile(`${file}.gz`, gz);
}

/**
 * Writes name.br and name.gz beside every text file under `dir`, once and at the highest levels, so
 * the server sends them as they are (@fastify/static `preCompressed`, chosen by Accept-Encoding)
 * instead of compressing every response. zlib's asynchronous calls share libuv's thread pool.
 */
export async function precompress(dir) {
  const files = fs.readdirSync(dir, { recursive: true }).filter((name) => COMPRESSIBLE.test(name));
  await Promise.all(files.map((name) => compressFile(path.join(dir, name))));
}

/** Builds the web client into web/dist, with compressed copies of its text files. */
export async function buildWeb() {
  const outDir = path.join(ROOT, 'web', 'dist');
  run(toolBin('vite', 'vite'), ['build', '--config', path.join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn']);
  try {
    await precompress(outDir);
  } catch (err) {
    // index.html stands for the build (PARTS): without it, the next start builds again.
    fs.rmSync(path.join(outDir, 'index.html'), { force: true });
    throw err;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const parts = process.argv.slice(2);
  for (const part of parts.length ? parts : ['server', 'web']) {
    if (!(part in PARTS)) throw new Error(`unknown part ${part}: server or web`);
    const started = Date.now();
    if (part === 'server') buildServer();
    else await buildWeb();
    console.log(`built ${part} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

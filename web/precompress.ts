// Writes name.br and name.gz next to every compressible file of the build, once and at the highest
// levels, so the server sends them as they are (@fastify/static `preCompressed`, chosen by
// Accept-Encoding) instead of compressing every response. Fonts (woff2 is brotli already, woff is
// zlib) and images gain nothing and are left alone; a copy that would not be smaller is not written.
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt|xml|webmanifest)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function compressFile(file: string): Promise<void> {
  const data = await fs.readFile(file);
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
  if (br.length < data.length) await fs.writeFile(`${file}.br`, br);
  if (gz.length < data.length) await fs.writeFile(`${file}.gz`, gz);
}

export function precompress(): Plugin {
  return {
    name: 'sportello:precompress',
    apply: 'build',
    // After the files are on disk; the bundle names every file this build wrote (HTML entries too).
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      // zlib's asynchronous calls run on libuv's thread pool, so these proceed in parallel.
      await Promise.all(files.map((name) => compressFile(path.join(dir, name))));
    },
  };
}

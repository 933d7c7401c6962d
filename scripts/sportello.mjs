// npm run sportello -- <command>: the administration command line (server/cli.ts). Runs the compiled
// dist/server/cli.js when the build is there and up to date — always in production, where nothing is
// compiled at run time and tsx is not installed — and otherwise, on a developer's machine, the
// TypeScript sources through tsx, so a change is used at once without a build.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildState, buildToolsInstalled, ROOT } from './build.mjs';

// The same two switches that put the server itself in production mode (server/config.ts).
const production = process.env.NODE_ENV === 'production' || process.env.SPORTELLO_MODE === 'production';
const compiled = path.join(ROOT, 'dist', 'server', 'cli.js');
const built = fs.existsSync(compiled);

if (built && (production || buildState('server') === 'fresh' || !buildToolsInstalled())) {
  if (!production && buildState('server') === 'stale') console.error('Warning: the build (dist/) is older than its sources; run `npm run build` to include the changes.');
  if (module.setSourceMapsSupport) module.setSourceMapsSupport(true);
  else process.setSourceMapsEnabled(true);
  await import(pathToFileURL(compiled).href);
} else if (!production && buildToolsInstalled()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, 'server', 'cli.ts')).href);
} else {
  console.error(
    production
      ? 'No build of the command line (dist/server/cli.js). Run `npm ci && npm run build` where the devDependencies are installed, as for `npm start`.'
      : 'No build of the command line (dist/server/cli.js), and the build tools (devDependencies) are not installed. Run `npm ci`, then this command again.',
  );
  process.exit(1);
}

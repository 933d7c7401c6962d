// npm start: the compiled server (dist/server/main.js) on plain node. On a developer's machine
// (`npm ci && npm start` on a fresh clone) it first builds whatever is missing or older than its
// sources, which needs the devDependencies; in production it never builds (a node needs no
// compilers and compiles nothing at start) and stops with a message when there is nothing to start.
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildServer, buildState, buildToolsInstalled, buildWeb, ROOT } from './build.mjs';

// The same two switches that put the server itself in production mode (server/config.ts).
const production = process.env.NODE_ENV === 'production' || process.env.SPORTELLO_MODE === 'production';
const servesPages = (process.env.SPORTELLO_ROLES ?? 'web').split(',').some((role) => role.trim() === 'web');
const parts = {
  server: { build: buildServer, what: 'the server (dist/)', needed: true },
  // A client built elsewhere (SPORTELLO_WEB_DIST) is not ours to check; worker-only nodes serve no pages.
  web: { build: buildWeb, what: 'the web client (web/dist/)', needed: servesPages && !process.env.SPORTELLO_WEB_DIST },
};

for (const [name, part] of Object.entries(parts)) {
  if (!part.needed) continue;
  const state = buildState(name);
  if (state === 'fresh') continue;
  if (!production && buildToolsInstalled()) {
    console.log(`Building ${part.what}: ${state === 'missing' ? 'not built yet' : 'its sources changed'}…`);
    await part.build();
  } else if (state === 'missing') {
    console.error(
      production
        ? `No build of ${part.what} to start, and production never builds at start. Run \`npm ci && npm run build\` where the devDependencies are installed (a build machine, the image), then \`NODE_ENV=production npm ci --omit=dev\` and \`npm start\` here.`
        : `No build of ${part.what}, and the build tools (devDependencies) are not installed. Run \`npm ci\` and then \`npm run build\` (or \`npm start\` again).`,
    );
    process.exit(1);
  } else {
    console.warn(`Warning: ${part.what} is older than its sources; run \`npm run build\` to include the changes.`);
  }
}

// Stack traces in the logs point at the TypeScript sources' lines (dist/ has source maps); Node 20
// lacks module.setSourceMapsSupport, whose default leaves node_modules' maps unread.
if (module.setSourceMapsSupport) module.setSourceMapsSupport(true);
else process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(ROOT, 'dist', 'server', 'main.js')).href);

// The citizen booking flow must stay light (≤ 165 KB of gzipped JavaScript): heavy single-page apps
// time out in the Designers Italia conformity checker. Counts the entry script of index.html and
// every chunk it imports statically; lazy chunks (the development mailbox) are not loaded by the flow.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, it } from 'node:test';
import { WEB_DIST } from '../server/platform/http/web-client.ts';

const BUDGET = 165 * 1024;
const built = fs.existsSync(path.join(WEB_DIST, 'index.html'));

function staticGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = fs.readFileSync(path.join(WEB_DIST, entry), 'utf8');
  // Static imports only: `import … from "./x.js"` and bare `import "./x.js"`; dynamic import() is lazy.
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']\.\/([\w.-]+\.js)["']/g)) staticGraph(`assets/${m[1]}`, seen);
  return seen;
}

describe('web client weight', { skip: built ? undefined : 'web/dist missing: run npm run build:web' }, () => {
  it('the citizen pages load at most 165 KB of gzipped JavaScript', () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]+src="\/(assets\/[^"]+\.js)"/g), ...html.matchAll(/<link rel="modulepreload"[^>]+href="\/(assets\/[^"]+\.js)"/g)].map(
      (m) => m[1]!,
    );
    assert.ok(scripts.length > 0, 'index.html loads a script');
    const files = new Set<string>();
    for (const s of scripts) staticGraph(s, files);
    const gz = [...files].reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(WEB_DIST, f)), { level: 9 }).length, 0);
    console.log(`citizen JS: ${files.size} files, ${(gz / 1024).toFixed(1)} KB gzipped (budget 165 KB)`);
    assert.ok(gz <= BUDGET, `citizen JS is ${(gz / 1024).toFixed(1)} KB gzipped, over the 165 KB budget`);
    assert.ok(![...files].some((f) => /operator|DevMailbox/.test(f)), 'no officer-console or mailbox code in the citizen pages');
  });
});

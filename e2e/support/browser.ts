import assert from 'node:assert/strict';
// Browser journeys drive the system Chromium (Debian's package) with playwright-core, which never
// downloads a browser. Outside CI a missing Chromium skips the journeys loudly; in CI it fails.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => Boolean(p && fs.existsSync(p)));
}

/** The reason to skip browser journeys, or undefined when Chromium is there. Throws in CI. */
export function browserSkipReason(): string | undefined {
  if (findChromium()) return undefined;
  const msg = 'Chromium not found (set CHROMIUM_PATH or install Debian\'s "chromium" package): browser journeys NOT run';
  if (process.env.CI === 'true') throw new Error(`${msg} — required in CI`);
  console.error(`\n\x1b[41m\x1b[97m SKIPPED \x1b[0m ${msg}\n`);
  return msg;
}

/** `fakeMedia`: a synthetic camera and microphone, granted without a prompt (video journeys). */
export async function launchBrowser(opts: { fakeMedia?: boolean } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  const media = opts.fakeMedia ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'] : [];
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage', ...media] });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** WCAG 2.1 A and AA violations on the page as it is now, formatted for an assertion message. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') stays as in production.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`,
  );
}

/**
 * Ticks (or unticks) a radio or checkbox by its label, as a person does: Bootstrap Italia keeps the
 * native input off-screen and draws it on the label. Waits until the input has the wanted state.
 */
export async function clickLabel(page: Page, label: string | RegExp, checked: boolean): Promise<void> {
  const input = page.getByLabel(label);
  if ((await input.isChecked()) !== checked) await page.locator('label', { hasText: label }).first().click();
  for (let i = 0; i < 20 && (await input.isChecked()) !== checked; i++) await page.waitForTimeout(100);
  assert.equal(await input.isChecked(), checked, `"${String(label)}" ${checked ? 'ticked' : 'unticked'}`);
}

/** Asserts that axe-core finds no WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

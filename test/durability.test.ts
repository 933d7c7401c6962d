// Durability across a crash: a booking the API acknowledged (201) survives kill -9 of the server,
// and its confirmation email, queued in the same transaction, goes out once after the restart.
// The real server runs as a child process on the real clock, on PGlite files on disk and, with
// TEST_DATABASE_URL, on PostgreSQL (a fresh schema).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ENGINES } from './support/harness.ts';
import { startServer, type ServerProcess } from './support/server-process.ts';

type Slot = { start: string; end: string; available: number };
type Mail = { to: string; subject: string; state: string; sentAt: string | null; createdAt: string };

async function getJson<T = Record<string, unknown>>(baseUrl: string, url: string): Promise<T> {
  const res = await fetch(baseUrl + url);
  const body = await res.text();
  assert.equal(res.status, 200, `GET ${url}: ${res.status} ${body}`);
  return JSON.parse(body) as T;
}

/** Today's date in Rome, plus n days, as YYYY-MM-DD. */
function romeDate(plusDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + plusDays * 86_400_000));
}

async function findUrpService(baseUrl: string): Promise<string> {
  const { offices } = await getJson<{ offices: Array<{ id: string; name: string }> }>(baseUrl, '/api/v1/bari/offices');
  const office = offices.find((o) => o.name.startsWith('URP'));
  assert.ok(office, `no URP office in bari: ${offices.map((o) => o.name).join(', ')}`);
  const { services } = await getJson<{ services: Array<{ id: string; name: string }> }>(baseUrl, `/api/v1/bari/offices/${office.id}/services`);
  assert.ok(services[0], 'URP has services');
  return (services.find((s) => s.name === 'Informazioni generali') ?? services[0]).id;
}

/** The first free slot from now on (the real clock: minimum notice and horizon apply). */
async function firstFreeSlot(baseUrl: string, serviceId: string): Promise<Slot> {
  const { days } = await getJson<{ days: Array<{ slots: Slot[] }> }>(baseUrl, `/api/v1/bari/services/${serviceId}/availability?from=${romeDate()}&to=${romeDate(14)}`);
  const slot = days.flatMap((d) => d.slots).find((s) => s.available > 0);
  assert.ok(slot, 'a free slot in the next 14 days');
  return slot;
}

async function outbox(baseUrl: string, to: string): Promise<Mail[]> {
  return (await getJson<{ messages: Mail[] }>(baseUrl, `/api/dev/outbox?to=${encodeURIComponent(to)}`)).messages;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** A new schema on the shared PostgreSQL database; the server sees it first on its search_path. */
async function freshSchema(base: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `durability_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return { url: u.toString(), drop: () => run(`drop schema ${schema} cascade`) };
}

for (const engine of ENGINES) {
  describe(`durability (${engine.name})`, { timeout: 180_000 }, () => {
    let dataDir: string;
    let env: Record<string, string>;
    let dropSchema: (() => Promise<void>) | undefined;
    const servers: ServerProcess[] = [];

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-durability-'));
      env = { SPORTELLO_MODE: 'test', DATA_DIR: dataDir, DATABASE_URL: '' };
      if (engine.url) {
        const schema = await freshSchema(engine.url);
        env.DATABASE_URL = schema.url;
        dropSchema = schema.drop;
      }
    });

    after(async () => {
      for (const s of servers) await s.kill9();
      await dropSchema?.().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('keeps an acknowledged booking across kill -9 and sends its email once after the restart', async () => {
      // 1. Web role only: nothing sends the confirmation before the crash.
      const first = await startServer({ ...env, SPORTELLO_ROLES: 'web' });
      servers.push(first);
      const serviceId = await findUrpService(first.baseUrl);
      const slot = await firstFreeSlot(first.baseUrl, serviceId);
      const email = `durability-${engine.name}-${Date.now()}@example.it`;
      const res = await fetch(`${first.baseUrl}/api/v1/bari/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId, start: slot.start, applicant: { name: 'Mario', surname: 'Rossi', email } }),
      });
      const bodyText = await res.text();
      // 2. The acknowledgement, then the crash at once: no graceful shutdown, no close, no flush.
      await first.kill9();
      const crashedAt = Date.now();
      assert.equal(res.status, 201, bodyText);
      const booking = JSON.parse(bodyText) as { id: string; reference: string; status: string; manageUrl: string };
      assert.equal(booking.status, 'confirmed');
      const token = booking.manageUrl.split('/').filter(Boolean).at(-1)!;
      assert.ok(token.length >= 43, `manage token in ${booking.manageUrl}`);

      // 3. Restart on the same data with the worker.
      const second = await startServer({ ...env, SPORTELLO_ROLES: 'web,worker' });
      servers.push(second);
      const managed = await getJson<{ id: string; reference: string; status: string; start: string; applicant: { email: string } }>(
        second.baseUrl,
        `/api/v1/bari/bookings/manage/${token}`,
      );
      assert.equal(managed.id, booking.id, 'the acknowledged booking survived the crash');
      assert.equal(managed.reference, booking.reference);
      assert.equal(managed.applicant.email, email);
      assert.equal(managed.status, 'confirmed');
      assert.equal(managed.start, slot.start);

      // 4. Its confirmation, queued in the booking's transaction, is sent by the new worker, once.
      const sent = await waitFor('the confirmation email to be sent', async () => {
        const mails = await outbox(second.baseUrl, email);
        return mails.length > 0 && mails.every((m) => m.state === 'sent') ? mails : undefined;
      });
      assert.equal(sent.length, 1, `exactly one email: ${JSON.stringify(sent)}`);
      assert.equal(sent[0]!.to, email);
      assert.match(sent[0]!.subject, /Appuntamento confermato/);
      assert.ok(sent[0]!.sentAt && Date.parse(sent[0]!.sentAt) >= crashedAt - 1000, `sent after the restart (${sent[0]!.sentAt})`);
      // The worker keeps running: still exactly one message a moment later, still sent.
      await new Promise((r) => setTimeout(r, 1500));
      const again = await outbox(second.baseUrl, email);
      assert.deepEqual(
        again.map((m) => [m.state, m.subject]),
        [['sent', sent[0]!.subject]],
      );
      await second.stop();
    });
  });
}

// The audit log: append-only in the database, sealed into a hash chain per comune by the sealer,
// browsed by admins with filters and paging, and verified, reporting the first broken link when a
// row is changed or removed behind the application's back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { sealAuditLog } from '../server/modules/audit/sealer.ts';
import { localDate } from '../server/platform/time/zoned-time.ts';
import type { DB } from '../server/platform/db/schema.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/officers.ts';

const AUDIT = '/api/v1/bari/operator/admin/audit';

/** A test's way around the append-only triggers: what an attacker with database access could do. */
async function bypassTriggers(db: Kysely<DB>, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

async function tenantId(h: Harness, slug: string): Promise<string> {
  return (await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

for (const engine of ENGINES) {
  describe(`audit log (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('refuses UPDATE, DELETE, TRUNCATE and pre-sealed inserts in the database', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      assert.ok(admin);
      const [row] = await h.ctx.db.selectFrom('audit_log').select(sql<string>`id::text`.as('id')).limit(1).execute();
      const refused = async (statement: ReturnType<typeof sql>) => {
        await assert.rejects(statement.execute(h.ctx.db), /append-only|inserted unsealed/);
      };
      await refused(sql`update audit_log set details = '{"ip":"1.2.3.4"}' where id = ${row!.id}::bigint`);
      await refused(
        sql`update audit_log set action = 'x', hash = ${'a'.repeat(64)}, prev_hash = ${'0'.repeat(64)}, chain_seq = 1, sealed_at = now() where id = ${row!.id}::bigint`,
      );
      await refused(sql`delete from audit_log where id = ${row!.id}::bigint`);
      await refused(sql`truncate audit_log`);
      await refused(
        sql`insert into audit_log (tenant_id, actor_type, action, hash, prev_hash, chain_seq, sealed_at) values (${await tenantId(h, 'bari')}, 'system', 'forged', ${'a'.repeat(64)}, ${'0'.repeat(64)}, 999, now())`,
      );
      await sealAuditLog(h.ctx.db, { marginMs: 0 });
      await refused(sql`update audit_log set hash = ${'b'.repeat(64)} where id = ${row!.id}::bigint`);
    });

    it('seals committed entries into one chain per comune and verifies it', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      await signIn(h.app, 'bitonto', 'admin.bitonto');
      // More than ten entries, so positions and ids compare as numbers, not as text ('10' < '9')
      for (let i = 0; i < 12; i++) await signIn(h.app, 'bari', 'urp.bari');
      const before = await admin.request({ method: 'GET', url: `${AUDIT}?limit=200` });
      assert.ok(
        before.json().entries.some((e: { sealed: boolean }) => !e.sealed),
        'fresh entries wait for the sealer',
      );
      assert.ok((await sealAuditLog(h.ctx.db, { marginMs: 0 })) > 0);
      assert.equal(await sealAuditLog(h.ctx.db, { marginMs: 0 }), 0, 'nothing left');
      const rows = await h.ctx.db
        .selectFrom('audit_log')
        .select(['tenant_id', sql<string>`id::text`.as('id'), sql<string>`chain_seq::text`.as('seq'), 'prev_hash', 'hash'])
        .orderBy('chain_seq')
        .execute();
      for (const slug of ['bari', 'bitonto']) {
        const id = await tenantId(h, slug);
        const chain = rows.filter((r) => r.tenant_id === id);
        assert.deepEqual(
          chain.map((r) => Number(r.seq)),
          chain.map((_, i) => i + 1),
          `${slug}: positions 1..n`,
        );
        assert.equal(chain[0]!.prev_hash, '0'.repeat(64));
        for (let i = 1; i < chain.length; i++) assert.equal(chain[i]!.prev_hash, chain[i - 1]!.hash);
        const ids = chain.map((r) => Number(r.id));
        assert.deepEqual(
          ids,
          [...ids].sort((a, b) => a - b),
          `${slug}: linked in id order`,
        );
      }
      const verified = await admin.request({ method: 'POST', url: `${AUDIT}/verify` });
      assert.equal(verified.statusCode, 200, verified.body);
      const v = verified.json();
      assert.equal(v.ok, true);
      assert.equal(v.firstBroken, null);
      const bariId = await tenantId(h, 'bari');
      assert.equal(v.checked, rows.filter((r) => r.tenant_id === bariId).length, "every sealed entry of Bari's chain");
      assert.equal(v.unsealed, 0);
      assert.match(v.head.hash, /^[0-9a-f]{64}$/);
    });

    it('lets admins browse with filters and paging, newest first', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const urp = await signIn(h.app, 'bari', 'urp.bari');
      const urpId = urp.body.operator.id;
      await h.app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', payload: { username: 'urp.bari', password: 'sbagliata%_' }, remoteAddress: '203.0.113.77' });
      const get = async (query: string) => {
        const res = await admin.request({ method: 'GET', url: `${AUDIT}?${query}` });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as {
          entries: Array<{ id: string; action: string; actorId: string | null; actorName: string | null; details: Record<string, unknown>; at: string }>;
          nextBefore: string | null;
        };
      };
      const all = await get('limit=200');
      const ids = all.entries.map((e) => Number(e.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
        'newest first',
      );
      assert.ok(
        all.entries.every((e) => e.at.endsWith('+01:00')),
        'Rome time',
      );
      const byActor = await get(`actorId=${urpId}`);
      assert.ok(byActor.entries.length >= 2 && byActor.entries.every((e) => e.actorId === urpId));
      assert.equal(byActor.entries[0]!.actorName, 'Maria Lorusso (URP) (urp.bari)');
      const failed = await get('action=operator.login-f');
      assert.ok(failed.entries.length >= 1 && failed.entries.every((e) => e.action === 'operator.login-failed'));
      const byText = await get('q=203.0.113.77');
      assert.equal(byText.entries.length, 1);
      assert.equal(byText.entries[0]!.details.ip, '203.0.113.77');
      assert.equal((await get('q=%25')).entries.length, 0, 'LIKE wildcards are searched literally');
      // Entries carry the database's time (real time), days are Rome's
      const today = localDate(Date.now(), 'Europe/Rome');
      assert.ok((await get(`from=${today}&to=${today}`)).entries.length >= 1);
      assert.equal((await get('from=2020-01-01&to=2020-01-31')).entries.length, 0);
      const invalid = await admin.request({ method: 'GET', url: `${AUDIT}?from=2026-02-30` });
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().code, 'INVALID_DATE');
      for (const bad of ['before=99999999999999999999', 'limit=0', 'limit=500', 'actorType=robot', 'q=']) {
        assert.equal((await admin.request({ method: 'GET', url: `${AUDIT}?${bad}` })).statusCode, 400, bad);
      }

      const page1 = await get('limit=3');
      assert.equal(page1.entries.length, 3);
      const page2 = await get(`limit=3&before=${page1.nextBefore}`);
      assert.ok(Number(page2.entries[0]!.id) < Number(page1.entries[2]!.id));
      assert.equal((await get(`entityType=operator&entityId=${urpId}`)).entries.length, 0);
      assert.ok(
        all.entries.every((e) => !JSON.stringify(e).includes('bitonto')),
        'only the comune of the path',
      );
    });

    it('links an entry committed late, behind a higher id, without a gap or a lock', { skip: engine.url ? false : 'PGlite runs one transaction at a time' }, async () => {
      const bari = await tenantId(h, 'bari');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const inserted = new Promise<void>((resolve) => (started = resolve));
      const slow = h.ctx.db.transaction().execute(async (trx) => {
        await h.ctx.bus.record(trx, { tenantId: bari, actor: { type: 'system' }, action: 'audit.verified', details: { test: 'slow' } });
        started();
        await gate;
      });
      await inserted;
      await h.ctx.bus.record(h.ctx.db, { tenantId: bari, actor: { type: 'system' }, action: 'audit.verified', details: { test: 'fast' } });
      await sealAuditLog(h.ctx.db, { marginMs: 0 });
      release();
      await slow;
      await sealAuditLog(h.ctx.db, { marginMs: 0 });
      const rows = await h.ctx.db
        .selectFrom('audit_log')
        .select(['details', sql<string>`id::text`.as('id'), sql<string>`chain_seq::text`.as('seq')])
        .where(sql<string>`details->>'test'`, 'in', ['slow', 'fast'])
        .execute();
      const slowRow = rows.find((r) => (r.details as { test?: string }).test === 'slow')!;
      const fastRow = rows.find((r) => (r.details as { test?: string }).test === 'fast')!;
      assert.ok(Number(slowRow.id) < Number(fastRow.id) && Number(slowRow.seq) > Number(fastRow.seq), JSON.stringify(rows));
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      assert.equal((await admin.request({ method: 'POST', url: `${AUDIT}/verify` })).json().ok, true);
    });

    it('reports a changed entry as the first broken link', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      await sealAuditLog(h.ctx.db, { marginMs: 0 });
      const bari = await tenantId(h, 'bari');
      const victim = await h.ctx.db
        .selectFrom('audit_log')
        .select([sql<string>`id::text`.as('id'), sql<string>`chain_seq::text`.as('seq')])
        .where('tenant_id', '=', bari)
        .where('action', '=', 'operator.login-failed')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await bypassTriggers(h.ctx.db, sql`update audit_log set details = '{"ip":"127.0.0.1"}' where id = ${victim.id}::bigint`);
      const v = (await admin.request({ method: 'POST', url: `${AUDIT}/verify` })).json();
      assert.equal(v.ok, false);
      assert.equal(v.firstBroken.id, victim.id);
      assert.equal(v.firstBroken.chainSeq, victim.seq);
      assert.equal(v.firstBroken.problem, 'modified');
      assert.match(v.firstBroken.message, new RegExp(`La voce n. ${victim.seq} è stata modificata`));
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'POST', url: '/api/v1/bitonto/operator/admin/audit/verify' })).json().ok, true, "Bitonto's chain is its own");
    });

    it('reports a removed entry', async () => {
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      await sealAuditLog(h.ctx.db, { marginMs: 0 });
      const id = await tenantId(h, 'bitonto');
      const victim = await h.ctx.db
        .selectFrom('audit_log')
        .select([sql<string>`id::text`.as('id'), sql<string>`chain_seq::text`.as('seq')])
        .where('tenant_id', '=', id)
        .where('chain_seq', '=', '2')
        .executeTakeFirstOrThrow();
      await bypassTriggers(h.ctx.db, sql`delete from audit_log where id = ${victim.id}::bigint`);
      const v = (await bitonto.request({ method: 'POST', url: '/api/v1/bitonto/operator/admin/audit/verify' })).json();
      assert.equal(v.ok, false);
      assert.equal(v.firstBroken.problem, 'missing');
      assert.equal(v.firstBroken.chainSeq, '3');
      assert.match(v.firstBroken.message, /Manca la voce n. 2/);
      assert.equal(v.checked, 1);
    });
  });
}

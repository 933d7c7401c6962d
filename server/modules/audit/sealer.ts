// The sealer links committed audit entries into their comune's hash chain, in id order, a few
// seconds after they commit. Business transactions only insert (no lock, no read of the chain), so
// call-next on eighteen desks never waits for the audit log. Entries are taken by what is
// committed, not by id ranges: one committed late behind a higher id is simply linked later, with
// a later chain position. Several nodes may run it: a try-lock makes the others skip the round.
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { CHAIN_START, entryHash, type ChainCursor } from './chain.ts';
import { chainHead, PLATFORM_CHAIN, toEntry, unsealedEntries, writeSeals, type Seal } from './repository.ts';

const LOCK_KEY = 727_002;
const BATCH = 500;
/** Entries younger than this are left for the next round (their transaction's neighbours may not be committed yet). */
export const SEAL_MARGIN_MS = 2_000;
export const SEAL_EVERY_MS = 5_000;

/** Links every unsealed entry older than the margin; returns how many. */
export async function sealAuditLog(db: Kysely<DB>, opts: { marginMs?: number } = {}): Promise<number> {
  const marginMs = opts.marginMs ?? SEAL_MARGIN_MS;
  let total = 0;
  for (;;) {
    const sealed = await db.transaction().execute(async (trx) => {
      const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`.execute(trx);
      if (!lock.rows[0]?.ok) return 0;
      const rows = await unsealedEntries(trx, marginMs, BATCH);
      const heads = new Map<string, ChainCursor>();
      const seals: Seal[] = [];
      for (const row of rows) {
        const chain = row.tenant_id ?? PLATFORM_CHAIN;
        let head = heads.get(chain);
        if (!head) {
          const stored = await chainHead(trx, chain);
          head = stored ? { seq: BigInt(stored.seq), hash: stored.hash } : CHAIN_START;
        }
        const seq = (head.seq + 1n).toString();
        const hash = entryHash(toEntry(row, seq), head.hash);
        seals.push({ id: row.id, seq, prevHash: head.hash, hash });
        heads.set(chain, { seq: BigInt(seq), hash });
      }
      await writeSeals(trx, seals);
      return rows.length;
    });
    total += sealed;
    if (sealed < BATCH) return total;
  }
}

/** The scheduler's timer; returns the function that stops it. */
export function startAuditSealer(ctx: AppContext, everyMs = SEAL_EVERY_MS): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const n = await sealAuditLog(ctx.db);
      if (n) ctx.log.debug({ sealed: n }, 'audit entries sealed');
    } catch (err) {
      ctx.log.error({ err }, 'audit sealer failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  void tick();
  return () => clearInterval(timer);
}

// "Verify the chain": walks a comune's chain from the first entry, recomputing every hash, and
// reports the first broken link (an entry removed, re-linked or changed). The head's hash is part
// of the answer: kept elsewhere, it also reveals a chain cut at its end, which no walk can see.
import type { ChainVerification } from '../../../contracts/officers.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { CHAIN_START, checkLink, type LinkProblem } from './chain.ts';
import { chainHead, chainPage, countUnsealed } from './repository.ts';

const PAGE = 1_000;

function problemMessage(problem: LinkProblem, seq: bigint): string {
  if (problem === 'missing') return `Manca la voce n. ${seq}: una o più voci del registro sono state cancellate.`;
  if (problem === 'link') return `La voce n. ${seq} non è collegata alla precedente: la catena è stata riordinata o ricostruita.`;
  return `La voce n. ${seq} è stata modificata dopo la registrazione.`;
}

export async function verifyChain(db: Kysely<DB>, tenantId: string, now: Date, tz: string): Promise<ChainVerification> {
  let cursor = CHAIN_START;
  let checked = 0;
  let firstBroken: ChainVerification['firstBroken'] = null;
  walk: for (;;) {
    const page = await chainPage(db, tenantId, cursor.seq.toString(), PAGE);
    for (const entry of page) {
      const problem = checkLink(cursor, entry);
      if (problem) {
        const missingSeq = problem === 'missing' ? cursor.seq + 1n : BigInt(entry.chainSeq);
        firstBroken = { id: entry.id, chainSeq: entry.chainSeq, at: formatInstant(Date.parse(entry.at), tz), problem, message: problemMessage(problem, missingSeq) };
        break walk;
      }
      cursor = { seq: BigInt(entry.chainSeq), hash: entry.hash };
      checked++;
    }
    if (page.length < PAGE) break;
  }
  const head = await chainHead(db, tenantId);
  return {
    ok: firstBroken === null,
    checked,
    unsealed: await countUnsealed(db, tenantId),
    head: head ? { seq: head.seq, hash: head.hash, at: formatInstant(Date.parse(head.at), tz) } : null,
    firstBroken,
    verifiedAt: formatInstant(now.getTime(), tz),
  };
}

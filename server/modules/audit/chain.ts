// The audit log's hash chain, as pure code: a canonical form of an entry (the same bytes whoever
// computes it, whatever the key order of its details), its SHA-256 over that form and the previous
// entry's hash, and the check of one link. The sealer and the verifier both use these functions.
import { createHash } from 'node:crypto';

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the canonical form ever changes, so old and new entries stay verifiable. */
const FORMAT = 'sportello-audit-v1';

export interface ChainEntry {
  id: string;
  tenantId: string | null;
  chainSeq: string;
  /** UTC instant with microseconds, as the database formats it: 2026-03-02T07:00:00.123456Z */
  at: string;
  actorType: string;
  actorId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: unknown;
}

/**
 * JSON with object keys sorted by code unit and no whitespace. Values are what JSON can hold;
 * undefined members are left out (as JSON.stringify does) and non-finite numbers become null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return 'null';
}

/** The bytes hashed for an entry: every field, in a fixed order, with the previous hash. */
export function canonicalEntry(e: ChainEntry, prevHash: string): string {
  return canonicalJson([FORMAT, prevHash, e.id, e.tenantId, e.chainSeq, e.at, e.actorType, e.actorId, e.action, e.entityType, e.entityId, e.details ?? {}]);
}

export function entryHash(e: ChainEntry, prevHash: string): string {
  return createHash('sha256').update(canonicalEntry(e, prevHash), 'utf8').digest('hex');
}

export type LinkProblem = 'missing' | 'link' | 'modified';

export interface SealedEntry extends ChainEntry {
  prevHash: string;
  hash: string;
}

/** Where a verifier stands: the position and hash of the last good entry (0 and GENESIS at the start). */
export interface ChainCursor {
  seq: bigint;
  hash: string;
}

export const CHAIN_START: ChainCursor = { seq: 0n, hash: GENESIS_HASH };

/**
 * Checks that `e` follows `cursor`: the next position (else an entry was removed), the previous
 * entry's hash (else the chain was re-linked), and its own hash (else its content was changed).
 */
export function checkLink(cursor: ChainCursor, e: SealedEntry): LinkProblem | null {
  if (BigInt(e.chainSeq) !== cursor.seq + 1n) return 'missing';
  if (e.prevHash !== cursor.hash) return 'link';
  if (entryHash(e, e.prevHash) !== e.hash) return 'modified';
  return null;
}

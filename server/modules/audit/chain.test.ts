import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { canonicalEntry, canonicalJson, CHAIN_START, checkLink, entryHash, GENESIS_HASH, type ChainEntry, type SealedEntry } from './chain.ts';

const entry = (over: Partial<ChainEntry> = {}): ChainEntry => ({
  id: '41',
  tenantId: '7d1f0c52-2f4e-4d43-9a43-0a0d6f1d0a11',
  chainSeq: '1',
  at: '2026-03-02T07:00:00.123456Z',
  actorType: 'operator',
  actorId: 'admin',
  action: 'booking.cancel',
  entityType: 'booking',
  entityId: 'b-1',
  details: { reason: 'Ufficio chiuso', ip: '127.0.0.1' },
  ...over,
});

function seal(entries: ChainEntry[]): SealedEntry[] {
  let prev = GENESIS_HASH;
  return entries.map((e) => {
    const hash = entryHash(e, prev);
    const sealed = { ...e, prevHash: prev, hash };
    prev = hash;
    return sealed;
  });
}

describe('audit chain', () => {
  it('serialises objects with sorted keys and no whitespace, at any depth', () => {
    assert.equal(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2.5 }] }), '{"a":[true,null,{"c":2.5,"d":"x"}],"b":1}');
    assert.equal(canonicalJson({ z: undefined, y: 'è' }), '{"y":"è"}');
    assert.equal(canonicalJson(Number.NaN), 'null');
    assert.equal(canonicalJson({ B: 1, a: 2, _: 3 }), '{"B":1,"_":3,"a":2}');
  });

  it('hashes the same entry to the same value whatever the key order of its details', () => {
    const a = entryHash(entry({ details: { x: 1, y: { p: 1, q: 2 } } }), GENESIS_HASH);
    const b = entryHash(entry({ details: { y: { q: 2, p: 1 }, x: 1 } }), GENESIS_HASH);
    assert.equal(a, b);
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(
      a,
      createHash('sha256')
        .update(canonicalEntry(entry({ details: { x: 1, y: { p: 1, q: 2 } } }), GENESIS_HASH))
        .digest('hex'),
    );
  });

  it('changes the hash when any field or the previous hash changes', () => {
    const base = entryHash(entry(), GENESIS_HASH);
    const variants: Array<Partial<ChainEntry>> = [
      { id: '42' },
      { tenantId: null },
      { chainSeq: '2' },
      { at: '2026-03-02T07:00:00.123457Z' },
      { actorType: 'system' },
      { actorId: null },
      { action: 'booking.done' },
      { entityType: null },
      { entityId: 'b-2' },
      { details: { reason: 'Ufficio chiuso', ip: '127.0.0.2' } },
    ];
    for (const v of variants) assert.notEqual(entryHash(entry(v), GENESIS_HASH), base, JSON.stringify(v));
    assert.notEqual(entryHash(entry(), 'f'.repeat(64)), base);
    // null and the string "null" are different values
    assert.notEqual(entryHash(entry({ actorId: null }), GENESIS_HASH), entryHash(entry({ actorId: 'null' }), GENESIS_HASH));
  });

  it('accepts an intact chain and names the first broken link', () => {
    const chain = seal([entry({ id: '1', chainSeq: '1' }), entry({ id: '5', chainSeq: '2' }), entry({ id: '3', chainSeq: '3' })]);
    let cursor = CHAIN_START;
    for (const e of chain) {
      assert.equal(checkLink(cursor, e), null);
      cursor = { seq: BigInt(e.chainSeq), hash: e.hash };
    }
    const second = chain[1]!;
    assert.equal(checkLink({ seq: 1n, hash: chain[0]!.hash }, { ...second, action: 'booking.create' }), 'modified');
    const relinked = { ...second, prevHash: 'a'.repeat(64) };
    assert.equal(checkLink({ seq: 1n, hash: chain[0]!.hash }, { ...relinked, hash: entryHash(relinked, relinked.prevHash) }), 'link');
    assert.equal(checkLink({ seq: 1n, hash: chain[0]!.hash }, chain[2]!), 'missing');
  });
});

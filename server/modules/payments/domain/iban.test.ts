import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isTaxonomyCode, isValidIban, normalIban } from './iban.ts';

describe('IBAN', () => {
  it('accepts a well-formed Italian IBAN, with or without spaces', () => {
    assert.ok(isValidIban('IT60X0542811101000000123456'));
    assert.ok(isValidIban('it60 x054 2811 1010 0000 0123 456'));
    assert.equal(normalIban('it60 x054'), 'IT60X054');
  });

  it('refuses any single changed character, and a wrong Italian length', () => {
    const iban = 'IT60X0542811101000000123456';
    fc.assert(
      fc.property(fc.integer({ min: 2, max: iban.length - 1 }), fc.integer({ min: 1, max: 9 }), (at, delta) => {
        const ch = iban[at]!;
        const changed = /\d/.test(ch) ? String((Number(ch) + delta) % 10) : String.fromCharCode(((ch.charCodeAt(0) - 65 + delta) % 26) + 65);
        assert.equal(isValidIban(iban.slice(0, at) + changed + iban.slice(at + 1)), false);
      }),
    );
    assert.equal(isValidIban('IT60X054281110100000012345'), false);
  });

  it('knows the shape of a pagoPA taxonomy code', () => {
    assert.ok(isTaxonomyCode('9/0301109AP/'));
    assert.equal(isTaxonomyCode('0301109AP'), false);
    assert.equal(isTaxonomyCode('9/030110AP/'), false);
  });
});

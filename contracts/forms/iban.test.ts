import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ibanCheckDigits, isValidIban, normalizeIban } from './iban.ts';

describe('IBAN', () => {
  it('accepts published examples and refuses them with a digit changed', () => {
    for (const iban of ['IT60X0542811101000000123456', 'GB82WEST12345698765432', 'DE89370400440532013000']) {
      assert.ok(isValidIban(iban), iban);
      const changed = iban.slice(0, -1) + String((Number(iban.at(-1)) + 1) % 10);
      assert.ok(!isValidIban(changed), changed);
    }
    assert.ok(isValidIban(normalizeIban('it60 x054 2811 1010 0000 0123 456')));
    assert.ok(!isValidIban('IT60X054281110100000012345'), 'one character short');
  });

  it('accepts every Italian IBAN built with its check digits, and catches any one changed digit', () => {
    const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), digits(10), digits(12), fc.nat(), fc.integer({ min: 1, max: 9 }), (cin, abiCab, account, at, delta) => {
        const bban = `${cin}${abiCab}${account}`;
        const iban = `IT${ibanCheckDigits('IT', bban)}${bban}`;
        assert.ok(isValidIban(iban), iban);
        const i = 5 + (at % 22);
        const d = (Number(iban[i]) + delta) % 10;
        assert.ok(!isValidIban(iban.slice(0, i) + d + iban.slice(i + 1)), 'a changed digit is caught');
      }),
    );
  });
});

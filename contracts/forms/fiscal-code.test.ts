import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkLetter, isValidFiscalCode, normalizeFiscalCode } from './fiscal-code.ts';

describe('fiscal code', () => {
  it('accepts the reference example and its SPID form', () => {
    assert.equal(checkLetter('RSSMRA85T10A562'), 'S');
    assert.ok(isValidFiscalCode(normalizeFiscalCode('TINIT-RSSMRA85T10A562S')));
    assert.ok(isValidFiscalCode(normalizeFiscalCode(' rssmra85t10a562s ')));
  });

  it('accepts omocodic codes (letters for digits) with their own check letter', () => {
    const omocode = 'RSSMRA85T10A56N'; // 2 → N
    assert.ok(isValidFiscalCode(omocode + checkLetter(omocode)));
  });

  it('refuses a wrong check letter, a wrong month letter and wrong shapes', () => {
    assert.equal(isValidFiscalCode('RSSMRA85T10A562T'), false);
    assert.equal(isValidFiscalCode('RSSMRA85Z10A562S'), false);
    assert.equal(isValidFiscalCode('RSSMRA85T10A562'), false);
    assert.equal(isValidFiscalCode('12345678901'), false, 'a company’s VAT number is not a person’s code');
  });

  it('detects every single changed character', () => {
    const valid = 'RSSMRA85T10A562S';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.constantFrom(...alphabet), (pos, ch) => {
        fc.pre(valid[pos] !== ch);
        const changed = valid.slice(0, pos) + ch + valid.slice(pos + 1);
        assert.equal(isValidFiscalCode(changed), false, changed);
      }),
    );
  });
});

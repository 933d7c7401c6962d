import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bodyFiscalCodeCheckDigit, canonicalRegion, checkAdminFields, checkComuneFields, isBodyFiscalCode, isPatronDay } from './comune-fields.ts';

const VALID = {
  slug: 'esempio',
  name: 'Comune di Esempio',
  istat: '072099',
  fiscalCode: '80001230723',
  cadastral: 'x001',
  region: 'puglia',
  patronDay: '10-21',
  patronName: 'Santi Medici',
  referencePrefix: 'es',
};

describe('comune fields', () => {
  it('accepts real codici fiscali of bodies and the published worked example', () => {
    // Comune di Bari, and the 0234252015x example of the check digit's usual explanation.
    assert.ok(isBodyFiscalCode('80015010723'));
    assert.equal(bodyFiscalCodeCheckDigit('0234252015'), 8);
  });

  it('catches every single mistyped digit of a codice fiscale', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (first10, at, delta) => {
        const code = first10 + bodyFiscalCodeCheckDigit(first10);
        assert.ok(isBodyFiscalCode(code));
        const typo = code.slice(0, at) + ((Number(code[at]) + delta) % 10) + code.slice(at + 1);
        assert.equal(isBodyFiscalCode(typo), false, `${code} → ${typo}`);
      }),
    );
  });

  it('normalises what it accepts: capitals, the region as ISTAT spells it, the colour with its #', () => {
    const r = checkComuneFields({ ...VALID, region: 'valle d aosta', primaryColor: '8A1538', website: 'https://www.comune.esempio.it' });
    assert.deepEqual(r.problems, []);
    assert.deepEqual([r.fields?.cadastralCode, r.fields?.referencePrefix, r.fields?.region], ['X001', 'ES', "Valle d'Aosta/Vallée d'Aoste"]);
    assert.deepEqual(r.fields?.branding, { primaryColor: '#8a1538', region: "Valle d'Aosta/Vallée d'Aoste", website: 'https://www.comune.esempio.it' });
    assert.equal(canonicalRegion('Südtirol'), 'Trentino-Alto Adige/Südtirol');
    assert.equal(canonicalRegion('EMILIA ROMAGNA'), 'Emilia-Romagna');
    assert.equal(canonicalRegion('Padania'), undefined);
  });

  it('names every wrong or missing field at once', () => {
    const r = checkComuneFields({
      slug: 'Esempio!',
      istat: '72099',
      fiscalCode: '8000123072',
      cadastral: 'XX01',
      region: 'Puglie',
      patronDay: '02-30',
      referencePrefix: 'E1',
      primaryColor: 'red',
      website: 'ftp://x',
    });
    assert.deepEqual(
      r.problems.map((p) => p.option),
      ['--slug', '--name', '--istat', '--fiscal-code', '--cadastral', '--region', '--patron-day', '--patron-name', '--reference-prefix', '--primary-color', '--website'],
    );
    assert.match(r.problems.find((p) => p.option === '--fiscal-code')!.message, /11 digits/);
    assert.match(checkComuneFields({ ...VALID, fiscalCode: '80001230724' }).problems[0]!.message, /wrong check digit/);
  });

  it('takes 29 February as a patron day (it comes in leap years), not 30 February', () => {
    assert.ok(isPatronDay('02-29'));
    assert.equal(isPatronDay('02-30'), false);
    assert.equal(isPatronDay('13-01'), false);
    assert.equal(isPatronDay('1-21'), false);
  });

  it('checks the first administrator as the officers table does', () => {
    assert.deepEqual(checkAdminFields({ username: ' Admin.Esempio ', displayName: ' Maria  Rossi ' }), { username: 'admin.esempio', displayName: 'Maria Rossi', problems: [] });
    assert.deepEqual(
      checkAdminFields({ username: 'maria rossi', displayName: '' }).problems.map((p) => p.option),
      ['--admin-username', '--admin-name'],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assuranceLevel, identityFromClaims } from './claims.ts';

describe('identity from OpenID Connect claims', () => {
  it('reads the SPID/CIE attribute names and strips TINIT-', () => {
    const id = identityFromClaims({
      'https://attributes.eid.gov.it/fiscal_number': 'TINIT-RSSMRA85T10A562S',
      given_name: 'Mario',
      family_name: 'Rossi',
      birthdate: '1985-12-10',
      place_of_birth: 'A562',
      address: { street_address: 'Via Sparano 1', postal_code: '70121', locality: 'Bari' },
      email: 'mario.rossi@example.it',
      acr: 'https://www.spid.gov.it/SpidL2',
    });
    assert.deepEqual(id, {
      fiscalCode: 'RSSMRA85T10A562S',
      givenName: 'Mario',
      familyName: 'Rossi',
      birthDate: '1985-12-10',
      birthPlace: 'A562',
      residenceAddress: 'Via Sparano 1, 70121 Bari',
      email: 'mario.rossi@example.it',
      phone: null,
      level: 2,
      spidLevel: 2,
    });
  });

  it('reads plain names too (generic brokers)', () => {
    const id = identityFromClaims({ fiscal_number: 'rssmra85t10a562s', given_name: 'Mario', family_name: 'Rossi', address: { formatted: 'Via Sparano 1, Bari' } });
    assert.ok(typeof id === 'object');
    assert.equal(id.fiscalCode, 'RSSMRA85T10A562S');
    assert.equal(id.residenceAddress, 'Via Sparano 1, Bari');
    assert.equal(id.spidLevel, null);
    assert.equal(id.level, null);
  });

  it('refuses an identity without a valid fiscal code or a name', () => {
    assert.equal(identityFromClaims({ given_name: 'Mario', family_name: 'Rossi' }), 'missing_fiscal_code');
    assert.equal(identityFromClaims({ fiscal_number: 'TINIT-RSSMRA85T10A562T', given_name: 'Mario', family_name: 'Rossi' }), 'invalid_fiscal_code');
    assert.equal(identityFromClaims({ fiscal_number: 'RSSMRA85T10A562S', given_name: 'Mario' }), 'missing_name');
  });

  it('reads the level of assurance from acr, for SPID and CIE alike', () => {
    assert.equal(assuranceLevel('https://www.spid.gov.it/SpidL3'), 3);
    assert.equal(assuranceLevel('urn:cie'), null);
    assert.equal(assuranceLevel('https://evil.example/SpidL3'), null, 'only the spid.gov.it values');
    const cie = identityFromClaims({ fiscal_number: 'RSSMRA85T10A562S', given_name: 'Mario', family_name: 'Rossi', acr: 'https://www.spid.gov.it/SpidL1' }, 'cie');
    assert.ok(typeof cie === 'object');
    assert.deepEqual([cie.level, cie.spidLevel], [1, null], 'a CIE level is checked, but it is no SPID level');
  });
});

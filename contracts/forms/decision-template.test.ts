import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fillDecision } from './decision-template.ts';

const values = {
  richiedente: 'Mario Rossi',
  codiceFiscale: 'RSSMRA85T10A562S',
  servizio: 'Cambio di residenza',
  protocollo: '0000001/2026',
  dataDomanda: '02/03/2026',
  testo: 'Decorre dal 2 marzo.',
};

describe('decision templates', () => {
  it('fills every placeholder and leaves unknown ones as written', () => {
    assert.equal(
      fillDecision('Vista la domanda di {richiedente} ({codiceFiscale}), prot. {protocollo} del {dataDomanda}: {testo} {ignoto}', values),
      'Vista la domanda di Mario Rossi (RSSMRA85T10A562S), prot. 0000001/2026 del 02/03/2026: Decorre dal 2 marzo. {ignoto}',
    );
  });

  it('never touches text around the placeholders, nor reads placeholders out of the values', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{')),
        fc.string(),
        (text, officer) => {
          assert.equal(fillDecision(text, { ...values, testo: officer }), text);
          assert.equal(fillDecision('{testo}', { ...values, testo: officer }), officer, "the officer's text stays as written, braces and all");
        },
      ),
    );
  });
});

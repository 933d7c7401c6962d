import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fit, firstCapital, initialCapitals, NOTICE_LIMITS, noticeFields } from './notice-fields.ts';
import { buildNav, noticeBase } from './notice-number.ts';

const creditor = { fiscalCode: '80015010723', name: 'COMUNE DI BARI', sector: 'Ripartizione Tributi', info: 'www.comune.bari.it', cbill: 'ab12c' };

describe('payment notice fields', () => {
  it('fills the single-payment notice: amount, date, code in groups of four, QR payload', () => {
    const nav = buildNav('01', noticeBase(2026, 7));
    const f = noticeFields({
      creditor,
      debtor: { fiscalCode: 'rssmra80a01a662x', name: 'MARIO ROSSI', address: 'Via Sparano 1, 70121 Bari (BA)' },
      description: 'DIRITTI DI SEGRETERIA CARTA IDENTITÀ',
      options: [{ instalment: 0, nav, amountCents: 2222, dueOn: '2026-12-31' }],
    });
    assert.equal(f.subject, 'Diritti di segreteria carta identità');
    assert.equal(f.creditor.name, 'Comune di Bari');
    assert.equal(f.creditor.cbill, 'AB12C');
    assert.equal(f.debtor.fiscalCode, 'RSSMRA80A01A662X');
    assert.equal(f.debtor.name, 'Mario Rossi');
    assert.equal(f.amount, '22,22');
    assert.equal(f.dueDate, '31/12/2026');
    assert.equal(f.instalmentsInfo, null);
    assert.equal(f.portions.length, 1);
    assert.equal(f.portions[0]!.title, 'Rata unica');
    assert.equal(f.portions[0]!.code, `${nav.slice(0, 4)} ${nav.slice(4, 8)} ${nav.slice(8, 12)} ${nav.slice(12, 16)} ${nav.slice(16)}`);
    assert.equal(f.portions[0]!.qr, `PAGOPA|002|${nav}|80015010723|2222`);
  });

  it('lists instalments after the single payment, with the sentence of the guide', () => {
    const options = [0, 1, 2, 3].map((i) => ({ instalment: i, nav: buildNav('01', noticeBase(2026, 10 + i)), amountCents: i === 0 ? 30000 : 10000, dueOn: `2026-0${i + 3}-01` }));
    const f = noticeFields({ creditor, debtor: { fiscalCode: 'RSSMRA80A01A662X', name: 'Mario Rossi', address: null }, description: 'Tassa', options: [...options].reverse() });
    assert.deepEqual(
      f.portions.map((p) => p.title),
      ['Rata unica', 'Rata 1', 'Rata 2', 'Rata 3'],
    );
    assert.equal(f.instalmentsInfo, 'Puoi pagare per intero oppure in 3 rate');
    assert.equal(f.amount, '300,00');
    const noSingle = noticeFields({ creditor, debtor: { fiscalCode: 'RSSMRA80A01A662X', name: 'Mario Rossi', address: null }, description: 'Tassa', options: options.slice(1) });
    assert.equal(noSingle.instalmentsInfo, 'Puoi pagare in 3 rate');
    assert.equal(noSingle.amount, '300,00');
    assert.equal(noSingle.dueDate, '01/04/2026');
  });

  it('never prints a field longer than the guide allows', () => {
    const text = fc.string({ minLength: 0, maxLength: 300 });
    fc.assert(
      fc.property(
        text.filter((t) => t.trim().length > 0),
        text,
        text,
        (description, name, address) => {
          const f = noticeFields({
            creditor: { ...creditor, name: `Comune di ${name}`, sector: `Settore ${name}`, info: `Contatti ${address}` },
            debtor: { fiscalCode: 'RSSMRA80A01A662X', name: `X ${name}`, address: address.trim() ? address : null },
            description,
            options: [{ instalment: 0, nav: buildNav('01', noticeBase(2026, 1)), amountCents: 1, dueOn: '2026-01-01' }],
          });
          assert.ok(f.subject.length <= NOTICE_LIMITS.subject);
          assert.ok(f.creditor.name.length <= NOTICE_LIMITS.creditorName);
          assert.ok((f.creditor.sector ?? '').length <= NOTICE_LIMITS.creditorSector);
          assert.ok((f.creditor.info ?? '').length <= NOTICE_LIMITS.creditorInfo);
          assert.ok(f.debtor.name.length <= NOTICE_LIMITS.debtorName);
          assert.ok((f.debtor.address ?? '').length <= NOTICE_LIMITS.debtorAddress);
          assert.ok(f.portions.every((p) => p.code.length === NOTICE_LIMITS.noticeCode));
        },
      ),
    );
  });

  it('cuts long texts at a word, with an ellipsis', () => {
    assert.equal(fit('Diritti di segreteria per il rilascio della carta di identità elettronica a domicilio', 40), 'Diritti di segreteria per il rilascio…');
    assert.equal(initialCapitals("GIOVANNI DE' ROSSI-BIANCHI"), "Giovanni De' Rossi-Bianchi");
    assert.equal(initialCapitals('ANNA DI PIETRO'), 'Anna Di Pietro');
    assert.equal(initialCapitals('COMUNE DI BARI', 'body'), 'Comune di Bari');
    assert.equal(initialCapitals('Maria della Rovere'), 'Maria della Rovere', 'written with care: kept');
    assert.equal(firstCapital('tassa rifiuti'), 'Tassa rifiuti');
    assert.equal(firstCapital('Tassa TARI 2026'), 'Tassa TARI 2026');
  });
});

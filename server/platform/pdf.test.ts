import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { pdfText } from './pdf.ts';

describe('pdfText', () => {
  it('keeps Italian text as it is', () => {
    const s = 'Ripartizione Tutela Ambiente, Sanità e Igiene — “Città” di Bari: € 16,00';
    assert.equal(pdfText(s), s);
  });

  it('drops the accents the standard fonts cannot draw, and shows "?" for other scripts', () => {
    assert.equal(pdfText('Ștefan Łukasz Dvořák'), 'Stefan ?ukasz Dvorák');
    assert.equal(pdfText('Привет 😀'), '?????? ?');
  });

  it('never leaves a control character or a line break', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const control = [...pdfText(s)].filter((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f));
        assert.deepEqual(control, []);
      }),
    );
  });
});

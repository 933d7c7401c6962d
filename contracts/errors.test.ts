import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERRORS, type ErrorCode, errorMessages, type ErrorSpec } from './errors.ts';

const codes = Object.keys(ERRORS) as ErrorCode[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue of error answers', () => {
  it('gives every code a 4xx or 5xx status and both languages', () => {
    for (const c of codes) {
      const spec: ErrorSpec = ERRORS[c];
      assert.match(c, /^[A-Z][A-Z0-9_]+$/, c);
      assert.ok(spec.status >= 400 && spec.status < 600, c);
      for (const text of [spec, ...Object.values(spec.variants ?? {})]) {
        assert.ok(text.it.length > 0 && text.en.length > 0, c);
      }
    }
  });

  it('asks the same parameters in Italian and English, except where Italian carries a computed text', () => {
    const italianOnly = new Set<ErrorCode>(['WEAK_PASSWORD', 'QUEUE_CLOSED', 'DESK_TAKEN']);
    for (const c of codes) {
      if (italianOnly.has(c)) continue;
      const spec: ErrorSpec = ERRORS[c];
      for (const text of [spec, ...Object.values(spec.variants ?? {})]) assert.deepEqual(placeholders(text.it), placeholders(text.en), c);
    }
  });

  it('fills placeholders in the reader language, and picks variants', () => {
    assert.deepEqual(errorMessages('INVALID_TRANSITION', { status: { it: 'annullato', en: 'cancelled' } }), {
      it: "Operazione non possibile: l'appuntamento è annullato.",
      en: 'Not possible: the booking is cancelled.',
    });
    assert.equal(errorMessages('INVALID_TRANSITION', { status: { it: 'servito', en: 'served' } }, 'ticket').en, 'Not possible: the ticket is served.');
    assert.equal(errorMessages('FILE_TOO_LARGE', { mb: 20 }).it, 'Il file è troppo grande: il limite è 20 MB.');
    assert.equal(errorMessages('NOT_FOUND', {}, 'office').it, 'Ufficio non trovato.');
  });
});

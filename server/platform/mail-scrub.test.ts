import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REMOVED, scrubMail, scrubText } from './mail-scrub.ts';
import { newSecret } from './security/tokens.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('mail scrub', () => {
  const token = newSecret();

  it('removes every secret of the links we email, and only the secret', () => {
    const ticket = newSecret();
    const text = [
      `Gestisci: https://sportello.example.it/bari/appuntamento/${token}`,
      `Video: https://sportello.example.it/bari/appuntamento/${token}/video`,
      `Coda: https://sportello.example.it/bari/biglietto/0b7c6f7e-3f1a-4f7e-9a55-5b1f0b8e2d11?token=${ticket}`,
      `Conferma: https://sportello.example.it/api/v1/bari/me/email/confirm?token=${newSecret()}`,
      `Stanza: https://sportello.example.it/bari/video/${newSecret()}`,
      'Codice prenotazione: BA-2026-000123',
    ].join('\n');
    const out = scrubText(text);
    assert.doesNotMatch(out, /[A-Za-z0-9_-]{43}/);
    assert.equal(out.split(REMOVED).length - 1, 5);
    assert.match(out, /\/bari\/appuntamento\/\[rimosso\]\/video/);
    assert.match(out, /biglietto\/0b7c6f7e-3f1a-4f7e-9a55-5b1f0b8e2d11\?token=\[rimosso\]/, 'the ticket id stays');
    assert.match(out, /BA-2026-000123/);
    // In HTML the query's & is escaped; a secret-shaped run anywhere goes too.
    assert.equal(scrubText(`<a href="x?a=1&amp;token=${ticket}">`), `<a href="x?a=1&amp;token=${REMOVED}">`);
    assert.equal(scrubText(`codice ${token}.`), `codice ${REMOVED}.`);
  });

  it('drops the attachments that carry a secret: a folded .ics, and the images of a message with one', () => {
    const url = `https://sportello.example.it/bari/appuntamento/${token}`;
    // RFC 5545 folding at 75 octets cuts the token in two.
    const line = `URL:${url}`;
    const folded = `BEGIN:VCALENDAR\r\n${line.slice(0, 60)}\r\n ${line.slice(60)}\r\nEND:VCALENDAR\r\n`;
    assert.ok(!folded.includes(token));
    const plainIcs = 'BEGIN:VCALENDAR\r\nSUMMARY:Annullato\r\nEND:VCALENDAR\r\n';
    const attachments = [
      { filename: 'appuntamento.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: b64(folded) },
      { filename: 'arrivo-qr.png', contentType: 'image/png', content: b64('\x89PNG…') },
      { filename: 'note.ics', contentType: 'text/calendar', content: b64(plainIcs) },
    ];
    const kept = scrubMail({ text: `Gestisci: ${url}`, html: `<a href="${url}">Gestisci</a>`, attachments });
    assert.deepEqual(
      kept.attachments.map((a) => a.filename),
      ['note.ics'],
    );
    assert.equal(kept.html, `<a href="https://sportello.example.it/bari/appuntamento/${REMOVED}">Gestisci</a>`);
    // A message without a secret keeps its images.
    assert.equal(scrubMail({ text: 'Appuntamento annullato.', html: null, attachments }).attachments.length, 2);
  });
});

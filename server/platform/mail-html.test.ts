import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { accentColour, contrastRatio, FALLBACK_ACCENT, type MailBrand, renderMailHtml } from './mail-html.ts';

const BARI: MailBrand = { name: 'Comune di Bari', primaryColor: '#0066cc', region: 'Puglia', website: 'https://www.comune.bari.it', publicUrl: 'http://localhost:3000' };
const MANAGE = 'http://localhost:3000/bari/appuntamento/Zm9vYmFyYmF6cXV4';

const confirmation = [
  'Gentile Mario Rossi,',
  '',
  'il tuo appuntamento con Comune di Bari è confermato.',
  '',
  'Codice prenotazione: BA-AB12-CD34',
  'Servizio: Informazioni generali',
  'Ufficio: URP',
  'Quando: lunedì 2 marzo 2026, ore 10:00 (durata 15 minuti)',
  'Modalità: in presenza',
  'Indirizzo: Corso Vittorio Emanuele II 84',
  "Al tuo arrivo in ufficio mostra al totem il codice QR allegato, oppure registra l'arrivo da qui: http://localhost:3000/bari/arrivo/abc",
  'Richiedente: Mario Rossi',
  '',
  `Per vedere, spostare o annullare l'appuntamento (fino a 24 ore prima): ${MANAGE}`,
  '',
  'Comune di Bari',
  'URP - tel. 080 5771111',
].join('\n');

const render = (text: string, brand: MailBrand = BARI, subject = 'Appuntamento confermato') => renderMailHtml({ brand, subject, text });

function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text a reader sees in <main>, after the heading. */
function mainText(html: string): string {
  const main = /<main[^>]*>[\s\S]*?<\/h1>([\s\S]*)<\/main>/.exec(html)![1]!;
  return unescapeHtml(main.replace(/<[^>]*>/g, ' '));
}

function anchors(html: string): Array<{ href: string; text: string }> {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: unescapeHtml(m[1]!), text: unescapeHtml(m[2]!) }));
}

const ALLOWED_TAGS = new Set(['html', 'head', 'meta', 'title', 'body', 'div', 'header', 'main', 'footer', 'h1', 'p', 'br', 'table', 'tr', 'th', 'td', 'a']);
const ALLOWED_ATTRIBUTES = new Set(['lang', 'charset', 'name', 'content', 'style', 'scope', 'href']);

/** Every tag and attribute is one the renderer writes: nothing the text said became markup. */
function assertOnlyOurMarkup(html: string): void {
  const body = html.replace(/^<!doctype html>\n/, '');
  for (const m of body.matchAll(/<\/?([a-zA-Z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/g)) {
    assert.ok(ALLOWED_TAGS.has(m[1]!), `tag ${m[1]}`);
    for (const a of m[2]!.matchAll(/\s([a-z-]+)="[^"]*"/g)) assert.ok(ALLOWED_ATTRIBUTES.has(a[1]!), `attribute ${a[1]}`);
  }
  const outside = body.replace(/<\/?([a-zA-Z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/g, '');
  assert.ok(!/[<>]/.test(outside), `a < or > outside our tags: ${outside.slice(0, 200)}`);
}

describe('HTML part of emails', () => {
  it('is a whole Italian document: title, the comune in header and footer, the subject as heading, inline styles only', () => {
    const html = render(confirmation);
    assert.match(html, /^<!doctype html>\n<html lang="it">/);
    assert.match(html, /<title>Appuntamento confermato<\/title>/);
    assert.match(html, /<header[^>]*>\n<p[^>]*>Comune di Bari<\/p>\n<p[^>]*>Puglia<\/p>\n<\/header>/);
    assert.match(html, /<h1[^>]*>Appuntamento confermato<\/h1>/);
    assert.match(html, /<footer[^>]*>\n<p[^>]*>Comune di Bari · Puglia<\/p><p[^>]*><a href="https:\/\/www\.comune\.bari\.it"[^>]*>www\.comune\.bari\.it<\/a>/);
    assert.doesNotMatch(html, /<style|<script|<img|class=/);
    assertOnlyOurMarkup(html);
  });

  it('makes paragraphs of the groups and a table with row headers of the summary', () => {
    const html = render(confirmation);
    assert.match(html, /<p[^>]*>Gentile Mario Rossi,<\/p>/);
    assert.match(html, /<p[^>]*>il tuo appuntamento con Comune di Bari è confermato\.<\/p>/);
    const rows = [...html.matchAll(/<tr><th scope="row"[^>]*>([^<]*)<\/th><td[^>]*>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], unescapeHtml(m[2]!)]);
    assert.deepEqual(rows, [
      ['Codice prenotazione', 'BA-AB12-CD34'],
      ['Servizio', 'Informazioni generali'],
      ['Ufficio', 'URP'],
      ['Quando', 'lunedì 2 marzo 2026, ore 10:00 (durata 15 minuti)'],
      ['Modalità', 'in presenza'],
      ['Indirizzo', 'Corso Vittorio Emanuele II 84'],
      ['Richiedente', 'Mario Rossi'],
    ]);
    assert.match(html, /<p[^>]*>Comune di Bari<br>URP - tel\. 080 5771111<\/p>/);
  });

  it('keeps a single "Label: value" line, or a sentence with a colon, as text', () => {
    const html = render('È il tuo turno: il numero A003 è chiamato.\nRecati a: Sportello 2.');
    assert.doesNotMatch(html, /<table/);
    assert.match(html, /<p[^>]*>È il tuo turno: il numero A003 è chiamato\.<br>Recati a: Sportello 2\.<\/p>/);
  });

  it("labels links to Sportello's own pages by what the line says, and shows the address of any other", () => {
    const html = render(confirmation);
    assert.deepEqual(anchors(html), [
      { href: 'http://localhost:3000/bari/arrivo/abc', text: "Registra l'arrivo" },
      { href: MANAGE, text: "Gestisci l'appuntamento" },
      { href: 'https://www.comune.bari.it', text: 'www.comune.bari.it' },
    ]);
    // The sentence around the link stays: it says until when the appointment can be changed.
    assert.match(mainText(html), /Per vedere, spostare o annullare l'appuntamento \(fino a 24 ore prima\):/);
    const queue = render(`Segui la coda in tempo reale e lasciala se non ti serve più:\nhttp://localhost:3000/bari/coda/t1?k=a&b=c\n\nAltro: https://example.org/info.`);
    assert.deepEqual(anchors(queue).slice(0, 2), [
      { href: 'http://localhost:3000/bari/coda/t1?k=a&b=c', text: 'Segui la coda' },
      { href: 'https://example.org/info', text: 'https://example.org/info' },
    ]);
    assert.match(queue, /href="http:\/\/localhost:3000\/bari\/coda\/t1\?k=a&amp;b=c"/);
    assert.match(queue, /https:\/\/example\.org\/info<\/a>\./, 'the full stop stays outside the link');
  });

  it('never dresses a foreign link as the comune\'s: a name saying "annullare l\'appuntamento" keeps its address visible', () => {
    const html = render(`Gentile Per annullare l'appuntamento: https://evil.example/x,\n\nMotivo: annullare l'appuntamento https://evil.example/y`);
    assert.deepEqual(
      anchors(html)
        .slice(0, 2)
        .map((a) => a.text),
      ['https://evil.example/x', 'https://evil.example/y'],
    );
    // Without the service's address, no link gets a label.
    assert.deepEqual(
      anchors(render(confirmation, { name: 'Comune di Bari' })).map((a) => a.text),
      ['http://localhost:3000/bari/arrivo/abc', MANAGE],
    );
  });

  it('escapes what people typed: <script>, quotes and ampersands in names, subject and branding', () => {
    const name = `<script>alert("x")</script> O'Brien & "Figli"`;
    const html = render(
      `Gentile ${name},\n\nRichiedente: ${name}\nMotivo: <img src=x onerror=alert(1)>`,
      { name: 'Comune <b>"X"</b>', region: '<i>R</i>' },
      `Conferma per ${name}`,
    );
    assert.doesNotMatch(html, /<script|<img|<b>|<i>/i);
    assert.ok(html.includes('Gentile &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; &quot;Figli&quot;,'));
    assert.ok(html.includes('<title>Conferma per &lt;script&gt;'));
    assert.ok(html.includes('Comune &lt;b&gt;&quot;X&quot;&lt;/b&gt;'));
    assertOnlyOurMarkup(html);
  });

  it('shows every character of any text once, in order, and adds no markup of its own choosing', () => {
    const line = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(
        'Codice: X',
        'Motivo: <b>',
        `http://localhost:3000/a?x="1"&y='2'`,
        'vedi https://e.org/(a)).',
        '',
        ' ',
        '\r',
        '<script>',
        '&amp;',
        "Per annullare l'appuntamento: https://x.org",
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.boolean(), (lines, own) => {
        const text = lines.join('\n');
        const html = render(text, own ? BARI : { name: 'Comune di Bari' });
        assertOnlyOurMarkup(html);
        if (own) return;
        // No labels without the service's address: the visible text is the text (labels' colons aside).
        const norm = (s: string) => s.replace(/[\s:]|\p{Cc}/gu, '');
        assert.equal(norm(mainText(html)), norm(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('colours of the comune', () => {
  it('computes WCAG contrast ratios', () => {
    assert.equal(contrastRatio('#ffffff', '#000000'), 21);
    assert.equal(contrastRatio('#777', '#777'), 1);
    assert.ok(Math.abs(contrastRatio('#0066cc', '#ffffff')! - 5.57) < 0.01);
    assert.equal(contrastRatio('blue', '#ffffff'), undefined);
  });

  it("keeps the comune's colour when white text on it is readable, else falls back to a dark blue", () => {
    assert.equal(accentColour('#0066CC'), '#0066cc');
    assert.equal(accentColour('#8a1538'), '#8a1538');
    for (const light of ['#ffcc00', '#66a3e0', '#fff', 'red', 'url(x)', '', undefined]) assert.equal(accentColour(light), FALLBACK_ACCENT, String(light));
    assert.ok(contrastRatio(FALLBACK_ACCENT, '#ffffff')! >= 7);
    const html = render('Ciao', { name: 'Comune di Giallo', primaryColor: '#ffcc00;background:url(x)' });
    assert.match(html, new RegExp(`<header style="background-color:${FALLBACK_ACCENT};color:#ffffff;`));
    assert.doesNotMatch(html, /url\(x\)/);
  });
});

// The .ics generator read back by an independent parser (ical.js): whatever names, summaries and
// addresses people type, a calendar sees the same values, one attendee with its own role, and lines
// of at most 75 octets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { buildIcs, type IcsEvent, mailtoUri } from './ics.ts';

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: '6f1c2a0e-0000-4000-8000-000000000001@sportello',
    sequence: 0,
    method: 'REQUEST',
    start: new Date('2026-03-02T09:00:00Z'),
    end: new Date('2026-03-02T09:15:00Z'),
    stamp: new Date('2026-03-01T08:00:00Z'),
    summary: 'Informazioni generali - Comune di Bari',
    description: 'Comune di Bari - Informazioni generali\nCodice prenotazione: BA-AAAA-BBBB',
    location: 'URP, Corso Vittorio Emanuele II 84',
    url: 'http://localhost:3000/bari/appuntamento/abc',
    organizer: { name: 'URP', email: 'urp@comune.bari.it' },
    attendee: { name: 'Mario Rossi', email: 'mario.rossi@example.it' },
    ...overrides,
  };
}

interface Parsed {
  summary: string;
  description: string;
  location: string;
  organizer: { cn: string; value: string; params: string[] };
  attendee: { cn: string; value: string; role: string; params: string[] };
  attendees: number;
  organizers: number;
}

function parse(ics: string): Parsed {
  const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  const party = (name: string) => {
    const p = vevent.getFirstProperty(name)!;
    return { cn: String(p.getParameter('cn')), value: String(p.getFirstValue()), params: Object.keys(p.toJSON()[1]).sort() };
  };
  const attendee = party('attendee');
  return {
    summary: String(vevent.getFirstPropertyValue('summary')),
    description: String(vevent.getFirstPropertyValue('description')),
    location: String(vevent.getFirstPropertyValue('location')),
    organizer: party('organizer'),
    attendee: { ...attendee, role: String(vevent.getFirstProperty('attendee')!.getParameter('role')) },
    attendees: vevent.getAllProperties('attendee').length,
    organizers: vevent.getAllProperties('organizer').length,
  };
}

/** Lone surrogates cannot be written in UTF-8; Node writes U+FFFD for them. */
const utf8 = (s: string) => Buffer.from(s, 'utf8').toString('utf8');
/** What a TEXT value reads back as: any line break is one newline, other control characters are gone (TAB stays). */
const asText = (s: string) =>
  utf8(s)
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[^\P{Cc}\t\n]/gu, '');
/**
 * What a parameter value reads back as: line breaks are one space, other control characters are gone
 * (TAB stays), a backslash is a slash (parsers disagree on backslashes in parameters).
 */
const asParam = (s: string) =>
  utf8(s)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[^\P{Cc}\t]/gu, '')
    .replace(/\\/g, '/');

function assertWellFormed(ics: string): void {
  assert.ok(ics.endsWith('\r\n'));
  const lines = ics.slice(0, -2).split('\r\n');
  for (const line of lines) {
    assert.ok(!/[\r\n]/.test(line), `no bare CR or LF: ${JSON.stringify(line)}`);
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line of ${Buffer.byteLength(line, 'utf8')} octets: ${JSON.stringify(line)}`);
    assert.ok(!/[^\P{Cc}\t]/u.test(line), `no control characters: ${JSON.stringify(line)}`);
  }
}

/** Strings made of the characters that break content lines, mixed with arbitrary Unicode and emoji. */
const tricky = fc
  .array(
    fc.oneof(
      { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 3 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }), weight: 2 },
      {
        arbitrary: fc.constantFrom(
          ':',
          ';',
          ',',
          '"',
          '\\',
          '\\n',
          '^',
          "^'",
          '^n',
          '\r',
          '\n',
          '\r\n',
          '\t',
          '\u0000',
          '\u007f',
          '\u0085',
          '\u2028',
          '\uD83D',
          '😀',
          '👩‍👩‍👧',
          'Sanità',
          ' ',
          'mailto:',
        ),
        weight: 4,
      },
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
const longText = fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 200, maxLength: 600 }));
const email = fc.oneof(
  { arbitrary: fc.emailAddress(), weight: 4 },
  { arbitrary: fc.constantFrom('"Rossi; ROLE=CHAIR:mailto:evil"@example.com', '"a b"@example.it', '"x\\"y"@example.it', 'a%b#c?d&e=f@example.it'), weight: 1 },
);

describe('.ics invitations read back by ical.js', () => {
  it('keeps the demo office "Ripartizione Tutela Ambiente, Sanità e Igiene" as the organizer name, unescaped', () => {
    const name = 'Ripartizione Tutela Ambiente, Sanità e Igiene';
    const ics = buildIcs(event({ organizer: { name, email: 'ambiente@comune.bari.it' } }));
    assertWellFormed(ics);
    const unfolded = ics.replace(/\r\n /g, '');
    assert.ok(unfolded.includes(`ORGANIZER;CN="${name}":mailto:ambiente@comune.bari.it\r\n`), unfolded);
    assert.ok(!unfolded.includes('\\,'.concat(' Sanità')), 'no TEXT escaping inside a parameter');
    assert.equal(parse(ics).organizer.cn, name);
  });

  it('cannot rewrite the attendee with a name like "Rossi; ROLE=CHAIR:mailto:evil@example.com"', () => {
    const name = 'Rossi; ROLE=CHAIR:mailto:evil@example.com';
    const ics = buildIcs(event({ attendee: { name, email: 'mario.rossi@example.it' } }));
    assertWellFormed(ics);
    const p = parse(ics);
    assert.equal(p.attendees, 1);
    assert.equal(p.attendee.cn, name);
    assert.equal(p.attendee.role, 'REQ-PARTICIPANT');
    assert.equal(p.attendee.value, 'mailto:mario.rossi@example.it');
    assert.deepEqual(p.attendee.params, ['cn', 'role']);
  });

  it('writes double quotes and carets in names with RFC 6868 caret encoding', () => {
    const ics = buildIcs(event({ attendee: { name: 'Anna "Nina" Verdi ^_^', email: 'anna@example.it' } }));
    assert.ok(ics.replace(/\r\n /g, '').includes(`ATTENDEE;CN="Anna ^'Nina^' Verdi ^^_^^";ROLE=REQ-PARTICIPANT:mailto:anna@example.it`));
    assert.equal(parse(ics).attendee.cn, 'Anna "Nina" Verdi ^_^');
  });

  it('never lets a bare CR through: in text it is a line break, in a name a space', () => {
    const ics = buildIcs(event({ summary: 'primo\rsecondo', description: 'a\r\nb\nc\rd', attendee: { name: 'Mario\rRossi\r\n', email: 'mario@example.it' } }));
    assertWellFormed(ics);
    assert.equal(ics.replace(/\r\n/g, '').includes('\r'), false);
    const p = parse(ics);
    assert.equal(p.summary, 'primo\nsecondo');
    assert.equal(p.description, 'a\nb\nc\nd');
    assert.equal(p.attendee.cn, 'Mario Rossi ');
  });

  it('folds long lines of emoji and accented letters at 75 octets without splitting a character', () => {
    const summary = `${'😀àé'.repeat(40)}fine`;
    const ics = buildIcs(event({ summary }));
    assertWellFormed(ics);
    assert.ok(ics.split('\r\n').filter((l) => l.startsWith(' ')).length >= 4, 'folded');
    assert.equal(Buffer.from(ics, 'utf8').toString('utf8'), ics, 'valid UTF-8');
    assert.equal(parse(ics).summary, summary);
  });

  it('a cancellation has no alarm and says CANCELLED', () => {
    const ics = buildIcs(event({ method: 'CANCEL', sequence: 2 }));
    assert.match(ics, /\r\nMETHOD:CANCEL\r\n/);
    assert.match(ics, /\r\nSTATUS:CANCELLED\r\n/);
    assert.match(ics, /\r\nSEQUENCE:2\r\n/);
    assert.doesNotMatch(ics, /VALARM/);
  });

  it('reads back any summary, description, location and names as written (control characters aside), with every line ≤ 75 octets', () => {
    fc.assert(
      fc.property(longText, longText, longText, tricky, tricky, email, email, (summary, description, location, organizerName, attendeeName, orgEmail, attEmail) => {
        const ics = buildIcs(event({ summary, description, location, organizer: { name: organizerName, email: orgEmail }, attendee: { name: attendeeName, email: attEmail } }));
        assertWellFormed(ics);
        const p = parse(ics);
        assert.equal(p.summary, asText(summary));
        assert.equal(p.description, asText(description));
        assert.equal(p.location, asText(location));
        assert.equal(p.organizer.cn, asParam(organizerName));
        assert.equal(p.attendee.cn, asParam(attendeeName));
        assert.equal(p.attendees, 1);
        assert.equal(p.organizers, 1);
        assert.deepEqual(p.attendee.params, ['cn', 'role']);
        assert.deepEqual(p.organizer.params, ['cn']);
        assert.equal(p.attendee.role, 'REQ-PARTICIPANT');
        assert.equal(decodeURIComponent(p.attendee.value.replace(/^mailto:/, '')), attEmail);
        assert.equal(decodeURIComponent(p.organizer.value.replace(/^mailto:/, '')), orgEmail);
        if (/^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$/.test(attEmail)) assert.equal(p.attendee.value, `mailto:${attEmail}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('mailto addresses', () => {
  it('leaves an ordinary address as it is', () => {
    assert.equal(mailtoUri('mario.rossi+prenotazioni@example.it'), 'mailto:mario.rossi+prenotazioni@example.it');
  });

  it('percent-encodes what a mailto URI cannot carry (RFC 6068), so a quoted local part stays one value', () => {
    assert.equal(mailtoUri('"Rossi; ROLE=CHAIR:x"@example.com'), 'mailto:%22Rossi%3B%20ROLE%3DCHAIR%3Ax%22@example.com');
    assert.equal(mailtoUri('a%b#c?d@example.it'), 'mailto:a%25b%23c%3Fd@example.it');
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      'nobody',
      '@example.it',
      'mario@',
      'mario rossi@example.it',
      'mario@exa mple.it',
      'mario@example.it\r\nATTENDEE:x',
      'ma\u0000rio@example.it',
      'mario\uD800@example.it',
    ]) {
      assert.throws(() => mailtoUri(bad), RangeError, JSON.stringify(bad));
    }
  });
});

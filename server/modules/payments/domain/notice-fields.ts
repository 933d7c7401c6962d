// The payment notice's variable texts ("avviso di pagamento", pagoPA notice guide 3.x, Allegato 2):
// each placeholder with its maximum length and case, so the PDF never prints a field longer than
// its box. Pure: the PDF layout (notice-pdf.ts) only places what this returns.
import { euro } from './amounts.ts';
import { navInGroups, qrPayload } from './notice-number.ts';

/** The guide's limits (characters, spaces included). */
export const NOTICE_LIMITS = {
  subject: 90, // AVVISO.OGGETTO
  creditorName: 50, // ENTE.NOME
  creditorSector: 50, // ENTE.SETTORE
  creditorInfo: 100, // ENTE.INFO (contacts; no limit published, kept to two lines)
  fiscalCode: 16, // ENTE.CF, DESTINATARIO.CF
  debtorName: 70, // DESTINATARIO.NOMECOMPLETO
  debtorAddress: 140, // DESTINATARIO.INDIRIZZO
  noticeCode: 22, // AVVISO.CODICE: 18 digits in groups of four
} as const;

export interface NoticeInput {
  creditor: { fiscalCode: string; name: string; sector: string | null; info: string | null; cbill: string | null };
  debtor: { fiscalCode: string; name: string; address: string | null };
  description: string;
  options: { instalment: number; nav: string; amountCents: number; dueOn: string }[];
}

export interface NoticePortion {
  /** "Rata unica" or "Rata 2". */
  title: string;
  amount: string;
  dueDate: string;
  code: string;
  qr: string;
}

export interface NoticeFields {
  subject: string;
  creditor: { fiscalCode: string; name: string; sector: string | null; info: string | null; cbill: string | null };
  debtor: { fiscalCode: string; name: string; address: string | null };
  /** The whole amount and the date of the single payment (or the first instalment's). */
  amount: string;
  dueDate: string;
  /** "Puoi pagare in 3 rate" when there are instalments (and "per intero oppure" with a single option). */
  instalmentsInfo: string | null;
  portions: NoticePortion[];
}

/** At most `max` characters: cut at a word where one is near, with an ellipsis. */
export function fit(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const shouted = (text: string) => text === text.toLocaleUpperCase('it-IT') && /\p{L}{3}/u.test(text);
// In a body's name the prepositions stay small ("Comune di Bari"); in a person's they are part of
// the surname ("Di Pietro").
const BODY_PARTICLES = new Set(['di', 'del', 'della', 'dello', 'dei', 'degli', 'delle', 'e', 'ed', 'in', 'sul', 'sulla', 'al', 'alla', 'per']);

/**
 * The guide's "Iniziali Maiuscole" for a name written all in capitals ("MARIO DE' ROSSI" →
 * "Mario De' Rossi", "COMUNE DI BARI" → "Comune di Bari"); a name written otherwise is kept as written.
 */
export function initialCapitals(text: string, kind: 'person' | 'body' = 'person'): string {
  if (!shouted(text)) return text;
  const capital = text.toLocaleLowerCase('it-IT').replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('it-IT'));
  if (kind === 'person') return capital;
  return capital.replace(/(?<=\s)(\p{L}+)(?=\s)/gu, (w) => (BODY_PARTICLES.has(w.toLocaleLowerCase('it-IT')) ? w.toLocaleLowerCase('it-IT') : w));
}

/** "Pagamento retta" from "PAGAMENTO RETTA": only the first letter capital. */
export function firstCapital(text: string): string {
  const base = shouted(text) ? text.toLocaleLowerCase('it-IT') : text;
  return base.charAt(0).toLocaleUpperCase('it-IT') + base.slice(1);
}

/** dd/mm/yyyy from an ISO date. */
export function noticeDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "1.020,99": the guide prints the word "Euro" beside it. */
export function noticeAmount(cents: number): string {
  return euro(cents).replace(' €', '');
}

export function noticeFields(input: NoticeInput): NoticeFields {
  if (input.options.length === 0) throw new RangeError('a notice needs at least one option');
  const options = [...input.options].sort((a, b) => a.instalment - b.instalment);
  const single = options.find((o) => o.instalment === 0);
  const instalments = options.filter((o) => o.instalment > 0);
  const total = single ? single.amountCents : instalments.reduce((a, o) => a + o.amountCents, 0);
  const first = single ?? instalments[0]!;
  const c = input.creditor;
  return {
    subject: fit(firstCapital(input.description), NOTICE_LIMITS.subject),
    creditor: {
      fiscalCode: c.fiscalCode.toUpperCase().slice(0, NOTICE_LIMITS.fiscalCode),
      name: fit(initialCapitals(c.name, 'body'), NOTICE_LIMITS.creditorName),
      sector: c.sector ? fit(firstCapital(c.sector), NOTICE_LIMITS.creditorSector) : null,
      info: c.info ? fit(c.info, NOTICE_LIMITS.creditorInfo) : null,
      cbill: c.cbill ? c.cbill.toUpperCase() : null,
    },
    debtor: {
      fiscalCode: input.debtor.fiscalCode.toUpperCase().slice(0, NOTICE_LIMITS.fiscalCode),
      name: fit(initialCapitals(input.debtor.name), NOTICE_LIMITS.debtorName),
      address: input.debtor.address ? fit(input.debtor.address, NOTICE_LIMITS.debtorAddress) : null,
    },
    amount: noticeAmount(total),
    dueDate: noticeDate(first.dueOn),
    instalmentsInfo: instalments.length >= 2 ? (single ? `Puoi pagare per intero oppure in ${instalments.length} rate` : `Puoi pagare in ${instalments.length} rate`) : null,
    portions: options.map((o) => ({
      title: o.instalment === 0 ? 'Rata unica' : `Rata ${o.instalment}`,
      amount: noticeAmount(o.amountCents),
      dueDate: noticeDate(o.dueOn),
      code: navInGroups(o.nav),
      qr: qrPayload(o.nav, c.fiscalCode, o.amountCents),
    })),
  };
}

// The identity of a comune as the installer types it on the command line, checked field by field
// before anything is written: pure code, each check returning a sentence that says what is expected.
// The shapes follow the tenants table (migration 001) and the public registers they come from: the
// ISTAT code (6 digits: province and comune), the codice catastale (Belfiore: a letter and 3 digits),
// the codice fiscale of a body (11 digits, the same number as a partita IVA, with its check digit).
import { isValidDate } from '../../../platform/time/zoned-time.ts';

/** The tenants.slug check of migration 001: the comune's segment in every URL. */
export const SLUG = /^[a-z][a-z0-9-]{1,40}$/;

/**
 * The check digit of an 11-digit codice fiscale / partita IVA (Decreto MEF 23/12/1976, the Luhn
 * scheme): digits in odd places (1st, 3rd, …) count as they are, digits in even places are doubled
 * and lose 9 when the double exceeds 9; the eleventh digit brings the sum to a multiple of ten.
 */
export function bodyFiscalCodeCheckDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(first10[i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isBodyFiscalCode(code: string): boolean {
  return /^\d{11}$/.test(code) && bodyFiscalCodeCheckDigit(code.slice(0, 10)) === Number(code[10]);
}

/** The twenty regions, as ISTAT writes them. */
export const REGIONS = [
  'Abruzzo',
  'Basilicata',
  'Calabria',
  'Campania',
  'Emilia-Romagna',
  'Friuli-Venezia Giulia',
  'Lazio',
  'Liguria',
  'Lombardia',
  'Marche',
  'Molise',
  'Piemonte',
  'Puglia',
  'Sardegna',
  'Sicilia',
  'Toscana',
  'Trentino-Alto Adige/Südtirol',
  'Umbria',
  "Valle d'Aosta/Vallée d'Aoste",
  'Veneto',
] as const;

// "friuli venezia giulia", "Valle d'Aosta", "EMILIA ROMAGNA": letters only, no accents, either name.
const regionKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
const REGION_BY_KEY = new Map<string, string>(
  REGIONS.flatMap((r) =>
    r
      .split('/')
      .map((part) => [regionKey(part), r] as const)
      .concat([[regionKey(r), r]]),
  ),
);

/** The region's official name for what the installer typed, or undefined. */
export function canonicalRegion(input: string): string | undefined {
  return REGION_BY_KEY.get(regionKey(input));
}

/** A patron saint's day as MM-DD, a day that exists (29 February counts: it comes in leap years). */
export function isPatronDay(mmdd: string): boolean {
  return /^\d{2}-\d{2}$/.test(mmdd) && isValidDate(`2000-${mmdd}`);
}

export interface ComuneFieldsInput {
  slug?: string;
  name?: string;
  istat?: string;
  fiscalCode?: string;
  cadastral?: string;
  region?: string;
  patronDay?: string;
  patronName?: string;
  referencePrefix?: string;
  primaryColor?: string;
  website?: string;
}

export interface ComuneFields {
  slug: string;
  name: string;
  istatCode: string;
  fiscalCode: string;
  cadastralCode: string;
  region: string;
  patronDay: string;
  patronName: string;
  referencePrefix: string;
  branding: { primaryColor?: string; region: string; website?: string };
}

export interface FieldProblem {
  /** The command-line option the problem is about, e.g. "--istat". */
  option: string;
  message: string;
}

/**
 * Checks and normalises every field (trimmed; cadastral code and prefix upper-cased, colour
 * lower-cased, region spelt as ISTAT does). All problems are reported at once.
 */
export function checkComuneFields(input: ComuneFieldsInput): { fields: ComuneFields; problems: [] } | { fields?: undefined; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const t = (v: string | undefined) => v?.trim() ?? '';
  const need = (option: string, value: string, what: string) => {
    if (!value) problems.push({ option, message: `${what} is required` });
    return value;
  };
  const check = (option: string, value: string, ok: boolean, message: string) => {
    if (value && !ok) problems.push({ option, message: `${message} (got "${value}")` });
  };

  const slug = need('--slug', t(input.slug), 'the comune’s address segment (e.g. bitonto)');
  check('--slug', slug, SLUG.test(slug), 'must be 2 to 41 characters: lowercase letters, digits and "-", starting with a letter');
  const name = need('--name', t(input.name).replace(/\s+/g, ' '), 'the comune’s name (e.g. "Comune di Bitonto")');
  check('--name', name, name.length >= 2 && name.length <= 200, 'must be 2 to 200 characters');
  const istatCode = need('--istat', t(input.istat), 'the ISTAT code');
  check('--istat', istatCode, /^\d{6}$/.test(istatCode), 'the ISTAT code of a comune is 6 digits, e.g. 072011');
  const fiscalCode = need('--fiscal-code', t(input.fiscalCode), 'the comune’s codice fiscale');
  if (fiscalCode && !/^\d{11}$/.test(fiscalCode)) check('--fiscal-code', fiscalCode, false, 'the codice fiscale of a comune is 11 digits');
  else check('--fiscal-code', fiscalCode, isBodyFiscalCode(fiscalCode), 'wrong check digit: the last digit does not match the first ten (a typing error?)');
  const cadastralCode = need('--cadastral', t(input.cadastral).toUpperCase(), 'the codice catastale');
  check('--cadastral', cadastralCode, /^[A-Z]\d{3}$/.test(cadastralCode), 'the codice catastale is a letter and 3 digits, e.g. A893');
  const regionInput = need('--region', t(input.region), 'the region');
  const region = canonicalRegion(regionInput) ?? '';
  check('--region', regionInput, region !== '', `must be one of the twenty regions: ${REGIONS.join(', ')}`);
  const patronDay = need('--patron-day', t(input.patronDay), 'the patron saint’s day (MM-DD)');
  check('--patron-day', patronDay, isPatronDay(patronDay), 'must be a day of the year as MM-DD, e.g. 10-21 for 21 October');
  const patronName = need('--patron-name', t(input.patronName), 'the patron saint’s name');
  check('--patron-name', patronName, patronName.length <= 200, 'must be at most 200 characters');
  const referencePrefix = need('--reference-prefix', t(input.referencePrefix).toUpperCase(), 'the booking references’ prefix (e.g. BT)');
  check('--reference-prefix', referencePrefix, /^[A-Z]{2,6}$/.test(referencePrefix), 'must be 2 to 6 letters, e.g. BT');
  // "8a1538" too: an unquoted #8a1538 starts a comment in a shell, so it is often typed without.
  const primaryColor = t(input.primaryColor)
    .toLowerCase()
    .replace(/^(?=[0-9a-f]{6}$)/, '#');
  check('--primary-color', primaryColor, /^#[0-9a-f]{6}$/.test(primaryColor), 'must be a colour as #rrggbb, e.g. #8a1538');
  const website = t(input.website);
  check('--website', website, isWebsite(website), 'must be the comune’s web address, https://…');

  if (problems.length) return { problems };
  return {
    fields: {
      slug,
      name,
      istatCode,
      fiscalCode,
      cadastralCode,
      region,
      patronDay,
      patronName,
      referencePrefix,
      branding: { ...(primaryColor ? { primaryColor } : {}), region, ...(website ? { website } : {}) },
    },
    problems: [],
  };
}

function isWebsite(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.includes('.') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The operators.username check of migration 004. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,60}$/;

/** The first administrator: a username (lower-cased) and the person's name. */
export function checkAdminFields(input: { username?: string; displayName?: string }): { username: string; displayName: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const username = input.username?.trim().toLowerCase() ?? '';
  const displayName = input.displayName?.trim().replace(/\s+/g, ' ') ?? '';
  if (!username) problems.push({ option: '--admin-username', message: 'the first administrator’s username is required (e.g. admin.bitonto)' });
  else if (!USERNAME.test(username))
    problems.push({
      option: '--admin-username',
      message: `must be 2 to 61 characters: letters, digits, ".", "_" and "-", starting with a letter or digit (got "${input.username}")`,
    });
  if (!displayName) problems.push({ option: '--admin-name', message: 'the first administrator’s name and surname are required' });
  else if (displayName.length < 2 || displayName.length > 200) problems.push({ option: '--admin-name', message: `must be 2 to 200 characters (got "${displayName}")` });
  return { username, displayName, problems };
}

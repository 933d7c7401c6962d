// pagoPA's notice number (NAV, "codice avviso") and IUV, with aux digit 3, the one a comune that
// generates its own IUVs uses: 3 ‖ segregation code (2) ‖ base (13) ‖ check (2), where the check is
// the first 16 digits mod 93, zero-padded. The IUV is the NAV without the aux digit. The notice's QR
// code carries `PAGOPA|002|NAV|creditor fiscal code|cents`. Pure: no clock, no database.

const SEGREGATION = /^\d{2}$/;
const BASE = /^\d{13}$/;
const NAV = /^3\d{17}$/;
const CREDITOR_FISCAL_CODE = /^\d{11}$/;

/** The two check digits of the first 16 digits of a NAV (aux digit 3). */
export function checkDigits(first16: string): string {
  if (!/^\d{16}$/.test(first16)) throw new RangeError('16 digits expected');
  return (BigInt(first16) % 93n).toString().padStart(2, '0');
}

/** The NAV for a creditor's segregation code and a 13-digit base (its own running number). */
export function buildNav(segregationCode: string, base: string): string {
  if (!SEGREGATION.test(segregationCode)) throw new RangeError('segregation code: 2 digits');
  if (!BASE.test(base)) throw new RangeError('base: 13 digits');
  const first16 = `3${segregationCode}${base}`;
  return first16 + checkDigits(first16);
}

/** Whether a string is a NAV with aux digit 3 and correct check digits. */
export function isValidNav(nav: string): boolean {
  return NAV.test(nav) && checkDigits(nav.slice(0, 16)) === nav.slice(16);
}

/** The IUV of a NAV (aux digit 3): the 17 digits after it. */
export function iuvOfNav(nav: string): string {
  if (!isValidNav(nav)) throw new RangeError('not a valid notice number');
  return nav.slice(1);
}

/** The NAV of an IUV issued with aux digit 3. */
export function navOfIuv(iuv: string): string {
  const nav = `3${iuv}`;
  if (!isValidNav(nav)) throw new RangeError('not a valid IUV');
  return nav;
}

/**
 * The base for the n-th notice of a year: the year and a 9-digit running number, so numbers never
 * repeat across years (a billion notices a year per segregation code).
 */
export function noticeBase(year: number, n: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError('year');
  if (!Number.isInteger(n) || n < 1 || n > 999_999_999) throw new RangeError('running number');
  return `${year}${String(n).padStart(9, '0')}`;
}

/** The NAV as printed on the notice: groups of four digits ("3012 0240 0000 0001 64"). */
export function navInGroups(nav: string): string {
  return nav.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The notice's QR payload (pagoPA notice specification: version 002). */
export function qrPayload(nav: string, creditorFiscalCode: string, amountCents: number): string {
  if (!isValidNav(nav)) throw new RangeError('not a valid notice number');
  if (!CREDITOR_FISCAL_CODE.test(creditorFiscalCode)) throw new RangeError('creditor fiscal code: 11 digits');
  if (!Number.isSafeInteger(amountCents) || amountCents < 1) throw new RangeError('amount in cents');
  return `PAGOPA|002|${nav}|${creditorFiscalCode}|${amountCents}`;
}

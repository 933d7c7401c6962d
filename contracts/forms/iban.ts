// The IBAN (ISO 13616): country, two check digits, then the account (BBAN); valid when the number
// made by moving the first four characters to the end and letters to 10..35 is 1 modulo 97. Italian
// IBANs are 27 characters: IT, check digits, CIN letter, ABI (5), CAB (5), account (12).
const LENGTHS: Record<string, number> = { IT: 27, SM: 27, VA: 22, DE: 22, FR: 27, ES: 24, AT: 20, BE: 16, NL: 18, PT: 25, CH: 21, GB: 22, IE: 22, LU: 20 };

/** Upper case, without spaces. */
export function normalizeIban(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function ibanRemainder(iban: string): number {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rest = v >= 10 ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97;
  }
  return rest;
}

/** Whether a (normalized) IBAN has the right shape, the country's length and check digits. */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return false;
  if (iban.startsWith('IT') && !/^IT[0-9]{2}[A-Z][0-9]{10}[A-Z0-9]{12}$/.test(iban)) return false;
  return ibanRemainder(iban) === 1;
}

/** The check digits for a country and BBAN (to build valid examples). */
export function ibanCheckDigits(country: string, bban: string): string {
  return String(98 - ibanRemainder(`${country}00${bban}`)).padStart(2, '0');
}

// IBANs (ISO 13616): the mod-97 check, and the Italian length (27). Pure.
const LENGTHS: Record<string, number> = { IT: 27, SM: 27 };

/** "IT60 X054 2811 1010 0000 0123 456" → "IT60X0542811101000000123456". */
export function normalIban(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function isValidIban(text: string): boolean {
  const iban = normalIban(text);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const length = LENGTHS[iban.slice(0, 2)];
  if (length && iban.length !== length) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** pagoPA's taxonomy code of an income ("dati specifici della riscossione"): 9/ + 7 digits + 2 letters + /. */
export const isTaxonomyCode = (code: string) => /^9\/\d{7}[A-Z]{2}\/$/.test(code);

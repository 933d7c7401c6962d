// The Italian fiscal code (codice fiscale) of a person: 16 characters whose last one is a check
// letter over the first fifteen (Decreto MEF 23/12/1976). Omocodic codes, where the office replaced
// digits with letters to tell two people apart, are valid too. SPID sends it as "TINIT-<code>".

const ODD: Record<string, number> = {};
const EVEN: Record<string, number> = {};
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
for (let i = 0; i < 10; i++) {
  ODD[String(i)] = ODD_VALUES[i]!;
  EVEN[String(i)] = i;
}
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(65 + i);
  ODD[c] = ODD_VALUES[i]!;
  EVEN[c] = i;
}

// Letters in the digit places stand for digits (omocodia): L M N P Q R S T U V = 0..9.
const DIGIT_OR_OMOCODE = '[0-9LMNPQRSTUV]';
const SHAPE = new RegExp(`^[A-Z]{6}${DIGIT_OR_OMOCODE}{2}[ABCDEHLMPRST]${DIGIT_OR_OMOCODE}{2}[A-Z]${DIGIT_OR_OMOCODE}{3}[A-Z]$`);

/** The check letter of the first fifteen characters. */
export function checkLetter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i]!;
    sum += i % 2 === 0 ? ODD[c]! : EVEN[c]!;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Upper case, without spaces and without SPID's "TINIT-" prefix. */
export function normalizeFiscalCode(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/^TINIT-/, '')
    .replace(/\s+/g, '');
}

/** Whether a (normalized) code is a person's fiscal code with the right check letter. */
export function isValidFiscalCode(code: string): boolean {
  return SHAPE.test(code) && checkLetter(code.slice(0, 15)) === code[15];
}

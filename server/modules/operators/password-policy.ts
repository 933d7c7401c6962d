// Rules for every new officer password (set by an admin, or by the officer): long enough, not about
// the person, not a well-known password. Length beats composition rules (NIST SP 800-63B), so there
// is no "one capital and one symbol" requirement. Existing passwords are not re-checked at login.
import { appError } from '../../platform/http/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
const MIN_DISTINCT = 5;

export interface PasswordProblem {
  code: 'TOO_SHORT' | 'TOO_LONG' | 'PERSONAL' | 'COMMON' | 'TOO_SIMPLE';
  message: string;
}

const MESSAGES: Record<PasswordProblem['code'], string> = {
  TOO_SHORT: `La password deve avere almeno ${PASSWORD_MIN} caratteri.`,
  TOO_LONG: `La password può avere al massimo ${PASSWORD_MAX} caratteri.`,
  PERSONAL: 'La password non può contenere il nome utente né essere il nome della persona.',
  COMMON: "La password è tra le più usate e facili da indovinare: scegline un'altra, per esempio una frase di più parole.",
  TOO_SIMPLE: `La password deve contenere almeno ${MIN_DISTINCT} caratteri diversi.`,
};

/** Lower case without spaces, dots, dashes and the like: "Maria Lorusso" → "marialorusso". */
function squash(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

/** "Juventus2024!" → "juventus"; "P4ssw0rd!!" → "password": what remains once decorations go. */
function cores(password: string): string[] {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/^[^a-zà-ÿ]+|[^a-zà-ÿ]+$/g, '');
  const unleet = [...lower]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[^a-z]+$/g, '');
  return [lower, stripped, squash(lower), unleet];
}

/** "123456789012", "abcdefghijkl", "987654321098": one keyboard or alphabet run. */
function isRun(password: string): boolean {
  const chars = [...password.toLowerCase()];
  const next = (a: string, b: string, dir: 1 | -1) => (/\d/.test(a) && /\d/.test(b) ? (Number(b) - Number(a) - dir + 10) % 10 === 0 : b.charCodeAt(0) - a.charCodeAt(0) === dir);
  return ([1, -1] as const).some((dir) => chars.every((c, i) => i === 0 || next(chars[i - 1]!, c, dir)));
}

export function passwordProblems(password: string, person: { username: string; displayName: string }): PasswordProblem[] {
  const problems: PasswordProblem['code'][] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN) problems.push('TOO_SHORT');
  if (length > PASSWORD_MAX) problems.push('TOO_LONG');
  const pw = squash(password);
  const username = squash(person.username);
  const name = squash(person.displayName);
  if ((username.length >= 3 && pw.includes(username)) || (name.length >= 3 && pw === name)) problems.push('PERSONAL');
  if (cores(password).some((c) => COMMON_PASSWORDS.has(c)) || isRun(password)) problems.push('COMMON');
  if (new Set(password).size < MIN_DISTINCT) problems.push('TOO_SIMPLE');
  return problems.map((code) => ({ code, message: MESSAGES[code] }));
}

/** Throws 400 WEAK_PASSWORD naming every rule the password breaks (field: the form's field name). */
export function assertStrongPassword(password: string, person: { username: string; displayName: string }, field = 'newPassword'): void {
  const problems = passwordProblems(password, person);
  if (!problems.length) return;
  const it = problems.map((p) => p.message).join(' ');
  throw appError('WEAK_PASSWORD', {
    params: { problems: it },
    extra: {
      problems,
      fields: problems.map((p) => ({ field, message: p.message })),
    },
  });
}

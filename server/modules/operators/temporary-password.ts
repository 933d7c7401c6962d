// Temporary passwords an admin hands over (read aloud, typed once): 16 characters in groups of four
// from an alphabet without look-alikes (no 0/o, 1/l/i), about 79 bits of randomness.
import { randomInt } from 'node:crypto';
import { passwordProblems } from './password-policy.ts';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(person: { username: string; displayName: string }): string {
  for (;;) {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const candidate = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    // Astronomically unlikely to fail the policy, but an admin must never be handed one that does.
    if (!passwordProblems(candidate, person).length) return candidate;
  }
}

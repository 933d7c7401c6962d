// Booking references citizens read over the phone: the comune's prefix and eight characters from an
// alphabet without look-alikes (no 0/O, 1/I/L). Random rather than sequential, so they reveal no
// volumes and need no tenant-wide counter lock; uniqueness is a database constraint.
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newReference(prefix: string): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${s.slice(0, 4)}-${s.slice(4)}`;
}

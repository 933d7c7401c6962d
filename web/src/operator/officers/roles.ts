// Role names and the account's state as the officer pages say them.
import type { Officer } from '../../../../contracts/officers.ts';
import { time, when } from '../../shared/format.ts';

export const ROLE_OPTIONS = [
  { value: 'operator', label: 'Operatore (agenda, coda, videochiamate)' },
  { value: 'manager', label: "Responsabile d'ufficio (configura i propri uffici)" },
  { value: 'admin', label: 'Amministratore (tutto il comune, operatori e registro)' },
];

export const ROLE_NAMES: Record<string, string> = { admin: 'Amministratore', manager: "Responsabile d'ufficio", operator: 'Operatore' };

/** Short notes on the account: disabled, sign-ins held up somewhere, temporary password, second factor. */
export function accountNotes(o: Officer): string[] {
  const notes: string[] = [];
  if (!o.active) notes.push('Disattivato');
  // Never a lock of the account: some address failed too often and waits (the officer elsewhere signs in).
  if (o.lockedUntil) notes.push(`Accessi in attesa da un indirizzo fino alle ${time(o.lockedUntil)}`);
  if (o.mustChangePassword) notes.push('Password temporanea da cambiare');
  if (o.totpEnabled) notes.push('Verifica in due passaggi');
  if (o.active && !o.lockedUntil && o.passwordChangedAt) notes.push(`Password cambiata il ${when(o.passwordChangedAt)}`);
  return notes;
}

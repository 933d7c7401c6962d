// Who may do what. Officers see only their comune (the tenant check is in every query) and, when
// scoped, only their offices. Admins configure everything; managers configure their offices' services,
// desks, hours and closures; operators work the agenda.
import { appError } from '../http/errors.ts';
import type { OperatorPrincipal } from './sessions.ts';

export const forbidden = () => appError('FORBIDDEN');

export function canSeeOffice(op: OperatorPrincipal, officeId: string): boolean {
  return op.officeIds === null || op.officeIds.includes(officeId);
}

export function assertOffice(op: OperatorPrincipal, officeId: string): void {
  // Not 403: an office outside the officer's scope is reported as missing, revealing nothing.
  if (!canSeeOffice(op, officeId)) throw appError('NOT_FOUND', { variant: 'office' });
}

export function assertCanConfigureOffice(op: OperatorPrincipal, officeId: string): void {
  if (op.role === 'admin') return;
  if (op.role === 'manager' && canSeeOffice(op, officeId)) return;
  throw forbidden();
}

export function assertAdmin(op: OperatorPrincipal): void {
  if (op.role !== 'admin') throw forbidden();
}

// Which change a case allows from which state (L. 241/1990 as the office applies it). One table, so
// the routes, the console's buttons and the tests read the same rule:
// - the office takes a registered case in charge (and may pass it to a colleague while it is open);
// - it may ask for an integration while handling the case, and ask again after one arrives;
// - before rejecting it must send a notice of rejection (art. 10-bis): reject only from there;
// - it accepts a case it is handling (also after a notice, when the observations convince it);
// - the citizen withdraws, the office cancels (with a reason), any case not yet decided;
// - messages go both ways at any time after submission; they change no state.
import type { CaseState } from '../../../../contracts/statuses.ts';

export const CASE_ACTIONS = [
  'submit',
  'register',
  'take',
  'request_integration',
  'submit_integration',
  'notice_of_rejection',
  'submit_observations',
  'accept',
  'reject',
  'withdraw',
  'cancel',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who may do what: the citizen's own actions, the rest the office's. */
export const CITIZEN_ACTIONS: ReadonlySet<CaseAction> = new Set(['submit', 'submit_integration', 'submit_observations', 'withdraw']);

const OPEN: readonly CaseState[] = ['submitted', 'registered', 'in_charge', 'integration_requested', 'integration_submitted', 'rejection_notice'];
const HANDLED: readonly CaseState[] = ['in_charge', 'integration_requested', 'integration_submitted', 'rejection_notice'];

/** From each state, each allowed action and the state it leads to; what is not here is refused. */
const TABLE: Record<CaseAction, Partial<Record<CaseState, CaseState | 'same'>>> = {
  submit: { draft: 'submitted' },
  register: { submitted: 'registered' },
  // Taking a case already in hand passes it to another officer: the state stays.
  take: { registered: 'in_charge', ...Object.fromEntries(HANDLED.map((s) => [s, 'same'])) },
  request_integration: { in_charge: 'integration_requested', integration_submitted: 'integration_requested' },
  submit_integration: { integration_requested: 'integration_submitted' },
  notice_of_rejection: { in_charge: 'rejection_notice', integration_submitted: 'rejection_notice' },
  // The observations are recorded and end the notice's suspension; the case stays with its notice.
  submit_observations: { rejection_notice: 'same' },
  accept: { in_charge: 'accepted', integration_submitted: 'accepted', rejection_notice: 'accepted' },
  reject: { rejection_notice: 'rejected' },
  withdraw: Object.fromEntries(OPEN.map((s) => [s, 'withdrawn'])),
  cancel: Object.fromEntries(OPEN.map((s) => [s, 'cancelled'])),
};

/** The state after `action`, or null when the action is not allowed from `state`. */
export function nextState(state: CaseState, action: CaseAction): CaseState | null {
  const to = TABLE[action][state];
  if (to === undefined) return null;
  return to === 'same' ? state : to;
}

/** Every action allowed from a state (the console shows these buttons). */
export function allowedActions(state: CaseState): CaseAction[] {
  return CASE_ACTIONS.filter((a) => nextState(state, a) !== null);
}

export const isDecided = (s: CaseState) => s === 'accepted' || s === 'rejected' || s === 'withdrawn' || s === 'cancelled';
/** Messages to and from the office: any time after submission. */
export const acceptsMessages = (s: CaseState) => s !== 'draft';
/** The citizen is the one to act: an integration or observations are awaited. */
export const awaitsCitizen = (s: CaseState) => s === 'integration_requested' || s === 'rejection_notice';

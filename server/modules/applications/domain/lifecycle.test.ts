// Every state × every action: the allowed ones listed here, one by one, with where they lead; every
// other pair must be refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASE_STATES, type CaseState } from '../../../../contracts/statuses.ts';
import { allowedActions, CASE_ACTIONS, type CaseAction, isDecided, nextState } from './lifecycle.ts';

const ALLOWED: Array<[CaseState, CaseAction, CaseState]> = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'register', 'registered'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['submitted', 'cancel', 'cancelled'],
  ['registered', 'take', 'in_charge'],
  ['registered', 'withdraw', 'withdrawn'],
  ['registered', 'cancel', 'cancelled'],
  ['in_charge', 'take', 'in_charge'],
  ['in_charge', 'request_integration', 'integration_requested'],
  ['in_charge', 'notice_of_rejection', 'rejection_notice'],
  ['in_charge', 'accept', 'accepted'],
  ['in_charge', 'withdraw', 'withdrawn'],
  ['in_charge', 'cancel', 'cancelled'],
  ['integration_requested', 'take', 'integration_requested'],
  ['integration_requested', 'submit_integration', 'integration_submitted'],
  ['integration_requested', 'withdraw', 'withdrawn'],
  ['integration_requested', 'cancel', 'cancelled'],
  ['integration_submitted', 'take', 'integration_submitted'],
  ['integration_submitted', 'request_integration', 'integration_requested'],
  ['integration_submitted', 'notice_of_rejection', 'rejection_notice'],
  ['integration_submitted', 'accept', 'accepted'],
  ['integration_submitted', 'withdraw', 'withdrawn'],
  ['integration_submitted', 'cancel', 'cancelled'],
  ['rejection_notice', 'take', 'rejection_notice'],
  ['rejection_notice', 'submit_observations', 'rejection_notice'],
  ['rejection_notice', 'accept', 'accepted'],
  ['rejection_notice', 'reject', 'rejected'],
  ['rejection_notice', 'withdraw', 'withdrawn'],
  ['rejection_notice', 'cancel', 'cancelled'],
];

describe('case lifecycle', () => {
  it('allows exactly the listed changes, each to its state, and refuses every other pair', () => {
    let checked = 0;
    for (const state of CASE_STATES) {
      for (const action of CASE_ACTIONS) {
        const listed = ALLOWED.find(([s, a]) => s === state && a === action);
        assert.equal(nextState(state, action), listed ? listed[2] : null, `${state} + ${action}`);
        checked++;
      }
    }
    assert.equal(checked, CASE_STATES.length * CASE_ACTIONS.length);
  });

  it('rejects only after a notice of rejection (L. 241 art. 10-bis)', () => {
    for (const state of CASE_STATES) if (state !== 'rejection_notice') assert.equal(nextState(state, 'reject'), null, state);
  });

  it('lets nothing change a decided case, and nothing lead back to a draft', () => {
    for (const state of CASE_STATES.filter(isDecided)) assert.deepEqual(allowedActions(state), [], state);
    for (const state of CASE_STATES) for (const action of CASE_ACTIONS) assert.notEqual(nextState(state, action), 'draft');
  });

  it('reaches every state from a draft', () => {
    const seen = new Set<CaseState>(['draft']);
    const queue: CaseState[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of allowedActions(s)) {
        const to = nextState(s, a)!;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...CASE_STATES].sort());
  });
});

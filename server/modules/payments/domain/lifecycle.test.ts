import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allows, canCheckout, next, type PaymentAction, type PaymentState } from './lifecycle.ts';

const STATES: PaymentState[] = ['draft', 'payable', 'paid', 'expired', 'cancelled'];
const ACTIONS: PaymentAction[] = ['publish', 'pay', 'cancel', 'expire'];

// The whole table, written out: a change to the rules changes this test.
const EXPECTED: Record<PaymentState, Partial<Record<PaymentAction, PaymentState>>> = {
  draft: { publish: 'payable', pay: 'paid', cancel: 'cancelled' },
  payable: { pay: 'paid', cancel: 'cancelled', expire: 'expired' },
  expired: { pay: 'paid', cancel: 'cancelled' },
  paid: {},
  cancelled: {},
};

describe('debt position lifecycle', () => {
  it('allows exactly the changes of the table', () => {
    for (const s of STATES) {
      for (const a of ACTIONS) {
        assert.equal(next(s, a), EXPECTED[s][a] ?? null, `${s} --${a}-->`);
        assert.equal(allows(s, a), EXPECTED[s][a] !== undefined);
      }
    }
  });

  it('never leaves paid or cancelled, and pays an overdue position', () => {
    for (const a of ACTIONS) {
      assert.equal(next('paid', a), null);
      assert.equal(next('cancelled', a), null);
    }
    assert.equal(next('expired', 'pay'), 'paid');
  });

  it('lets a citizen pay what is not final', () => {
    assert.deepEqual(STATES.filter(canCheckout), ['draft', 'payable', 'expired']);
  });
});

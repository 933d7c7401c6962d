import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticketWindow } from './ticket-window.ts';

const morning = [[9 * 60, 12 * 60 + 30]] as const;

describe('ticket window', () => {
  it('opens half an hour before the office and closes with it', () => {
    assert.deepEqual(ticketWindow(morning, 8 * 60 + 30, 30), { open: true });
    assert.deepEqual(ticketWindow(morning, 12 * 60 + 29, 30), { open: true });
    assert.equal(ticketWindow(morning, 12 * 60 + 30, 30).open, false);
  });

  it('says when numbers can be taken, or that the office is closed today', () => {
    const early = ticketWindow(morning, 7 * 60, 30);
    assert.equal(early.open, false);
    assert.match(!early.open ? early.reason : '', /dalle 08:30 .*apre alle 09:00/);
    const afternoon = ticketWindow(
      [
        [9 * 60, 12 * 60],
        [15 * 60, 17 * 60],
      ],
      13 * 60,
      0,
    );
    assert.match(!afternoon.open ? afternoon.reason : '', /dalle 15:00/);
    assert.match(!ticketWindow([], 10 * 60, 30).open ? (ticketWindow([], 10 * 60, 30) as { reason: string }).reason : '', /chiuso/);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextTicketStatus, ticketNumber, type TicketAction } from './ticket-status.ts';

const ACTIONS: TicketAction[] = ['call', 'recall', 'start', 'finish', 'no-show', 'park', 'resume', 'transfer', 'leave', 'expire'];

describe('ticket states', () => {
  it('follows a ticket from the line to the desk and out', () => {
    assert.equal(nextTicketStatus('waiting', 'call'), 'called');
    assert.equal(nextTicketStatus('called', 'recall'), 'called');
    assert.equal(nextTicketStatus('called', 'start'), 'serving');
    assert.equal(nextTicketStatus('serving', 'park'), 'parked');
    assert.equal(nextTicketStatus('parked', 'resume'), 'called');
    assert.equal(nextTicketStatus('serving', 'finish'), 'done');
    assert.equal(nextTicketStatus('serving', 'transfer'), 'waiting');
  });

  it('refuses what makes no sense: calling a served ticket, a no-show while serving, leaving once called', () => {
    assert.equal(nextTicketStatus('done', 'call'), null);
    assert.equal(nextTicketStatus('serving', 'no-show'), null);
    assert.equal(nextTicketStatus('called', 'leave'), null);
    for (const terminal of ['done', 'no_show', 'left', 'expired'] as const) for (const a of ACTIONS) assert.equal(nextTicketStatus(terminal, a), null);
  });

  it('numbers tickets as the desks announce them', () => {
    assert.equal(ticketNumber('A', 1), 'A001');
    assert.equal(ticketNumber('CI', 42), 'CI042');
    assert.equal(ticketNumber('A', 1000), 'A1000');
  });
});

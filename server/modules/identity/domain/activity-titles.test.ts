import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activityBy, activityTitle } from './activity-titles.ts';

const entry = (action: string, actor: 'citizen' | 'operator' = 'citizen', details: Record<string, unknown> = {}) => ({
  actor_type: actor,
  action,
  details,
  reference: 'BA-ABCD-EFGH',
  service_name: 'Informazioni generali',
});

describe('activity titles', () => {
  it('tells who did what, in Italian', () => {
    assert.equal(activityTitle(entry('booking.create')), 'Appuntamento prenotato: «Informazioni generali» (BA-ABCD-EFGH)');
    assert.equal(activityTitle(entry('booking.cancel', 'operator')), "L'ufficio ha annullato l'appuntamento «Informazioni generali» (BA-ABCD-EFGH)");
    assert.equal(activityTitle(entry('citizen.login', 'citizen', { provider: 'cie' })), "Accesso all'area personale con CIE");
    assert.equal(activityBy('operator'), 'office');
  });

  it('leaves out what it cannot tell', () => {
    assert.equal(activityTitle(entry('desk.update', 'operator')), null);
  });
});

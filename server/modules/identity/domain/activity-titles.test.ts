import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVITY, type ActionName } from '../../../../contracts/activity.ts';
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
    assert.equal(activityTitle(entry('booking.created')), 'Appuntamento prenotato: «Informazioni generali» (BA-ABCD-EFGH)');
    assert.equal(activityTitle(entry('booking.cancelled', 'operator')), "L'ufficio ha annullato l'appuntamento «Informazioni generali» (BA-ABCD-EFGH)");
    assert.equal(activityTitle(entry('citizen.logged-in', 'citizen', { provider: 'cie' })), "Accesso all'area personale con CIE");
    assert.equal(activityTitle(entry('file.uploaded', 'citizen', { name: 'documento.pdf' })), 'Documento caricato: documento.pdf');
    assert.equal(activityBy('operator'), 'office');
  });

  it('tells entries written under the names used before the catalogue', () => {
    assert.equal(activityTitle(entry('booking.create')), 'Appuntamento prenotato: «Informazioni generali» (BA-ABCD-EFGH)');
    assert.equal(activityTitle(entry('booking.cancel', 'operator')), "L'ufficio ha annullato l'appuntamento «Informazioni generali» (BA-ABCD-EFGH)");
    assert.equal(activityTitle(entry('citizen.login', 'citizen', { provider: 'spid' })), "Accesso all'area personale con SPID");
  });

  it('speaks English when asked', () => {
    assert.equal(activityTitle(entry('booking.rescheduled'), 'en'), 'Appointment moved: «Informazioni generali» (BA-ABCD-EFGH)');
  });

  it('leaves out what it cannot tell', () => {
    assert.equal(activityTitle(entry('desk.updated', 'operator')), null);
    assert.equal(activityTitle(entry('no.such-action')), null);
  });

  it('has no wording with a placeholder it cannot fill', () => {
    for (const name of Object.keys(ACTIVITY) as ActionName[]) {
      const t = activityTitle(entry(name, 'operator', { provider: 'spid', name: 'x.pdf' }));
      if (t !== null) assert.ok(!/[{}]/.test(t), `${name}: ${t}`);
    }
  });
});

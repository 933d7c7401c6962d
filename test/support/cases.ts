// A residence change filed by a logged-in citizen through the API (with the lease attached), for the
// tests that start from a filed case.
import assert from 'node:assert/strict';
import { renderPdf } from '../../server/platform/pdf.ts';
import type { loginAs } from './citizen.ts';
import { multipart } from './multipart.ts';

type Citizen = Awaited<ReturnType<typeof loginAs>>;

const residence = (lease: string) => ({
  provenienza: { tipo: 'altro-comune', comune: 'Modugno' },
  abitazione: {
    indirizzo: { street: 'Via Sparano da Bari', number: '10', postalCode: '70121', town: 'Bari', province: 'BA' },
    titolo: 'locazione',
    contratto: 'Agenzia Entrate Bari, 3/2/2026, n. 1234',
  },
  famiglia: { familiari: [] },
  veicoli: { veicoli: [] },
  allegati: { titoloAbitazione: [lease] },
  dichiarazioni: { consapevole: true },
});

/** Files Bari's residence change as `who`; returns the application's id. */
export async function fileResidenceChange(who: Citizen): Promise<string> {
  const started = await who.request({ method: 'POST', url: '/api/v1/bari/me/applications', payload: { service: 'dichiarazione-di-cambio-di-residenza' } });
  const id = started.json().id as string;
  const lease = await renderPdf({ title: 'Contratto', author: 'test', createdAt: new Date('2026-01-01') }, (d) => d.text('Contratto di locazione'));
  const up = await who.request({
    method: 'POST',
    url: `/api/v1/bari/me/applications/${id}/attachments`,
    ...multipart([
      { name: 'field', value: 'allegati.titoloAbitazione' },
      { name: 'file', filename: 'contratto.pdf', content: lease },
    ]),
  });
  assert.equal((await who.request({ method: 'PUT', url: `/api/v1/bari/me/applications/${id}`, payload: { data: residence(up.json().id) } })).statusCode, 200);
  const done = await who.request({ method: 'POST', url: `/api/v1/bari/me/applications/${id}/submit` });
  assert.equal(done.statusCode, 200, done.body);
  return id;
}

// Submitting an online application with a 5 MB attachment: upload (multipart, typed and digested),
// then submit (checked, the PDF of what was filed made and stored, registered in the protocol, the
// receipt rendered and attached to the email), each as the citizen's browser would call them.
import type { Harness } from '../test/support/harness.ts';
import { loginAs } from '../test/support/citizen.ts';
import { multipart } from '../test/support/multipart.ts';
import { renderPdf } from '../server/platform/pdf.ts';
import { ms, msSince, percentile, type Row } from './stats.ts';

const RUNS = Number(process.env.APPLICATIONS_N ?? 30);

export async function applications(h: Harness): Promise<Row[]> {
  const citizen = await loginAs(h.app, 'bari', 'RSSMRA85T10A562S');
  const scan = Buffer.concat([await renderPdf({ title: 'scan', author: 'bench', createdAt: new Date() }, (d) => d.text('contratto')), Buffer.alloc(5 * 1024 * 1024)]);
  const data = (fileId: string) => ({
    provenienza: { tipo: 'altro-comune', comune: 'Modugno' },
    abitazione: { indirizzo: { street: 'Via Sparano da Bari', number: '10', postalCode: '70121', town: 'Bari', province: 'BA' }, titolo: 'proprieta' },
    famiglia: { familiari: [{ nome: 'Lucia', cognome: 'Rossi', codiceFiscale: 'RSSLCU10A41A662B', relazione: 'figlio' }] },
    veicoli: {},
    allegati: { titoloAbitazione: [fileId] },
    dichiarazioni: { consapevole: true },
  });
  const uploads: number[] = [];
  const submits: number[] = [];
  let failed = 0;
  for (let i = 0; i < RUNS; i++) {
    const id = (await citizen.request({ method: 'POST', url: '/api/v1/bari/me/applications', payload: { service: 'dichiarazione-di-cambio-di-residenza' } })).json().id;
    const u0 = process.hrtime.bigint();
    const up = await citizen.request({
      method: 'POST',
      url: `/api/v1/bari/me/applications/${id}/attachments`,
      ...multipart([
        { name: 'field', value: 'allegati.titoloAbitazione' },
        { name: 'file', filename: 'contratto.pdf', content: scan },
      ]),
    });
    uploads.push(msSince(u0));
    await citizen.request({ method: 'PUT', url: `/api/v1/bari/me/applications/${id}`, payload: { data: data(up.json().id) } });
    const s0 = process.hrtime.bigint();
    const res = await citizen.request({ method: 'POST', url: `/api/v1/bari/me/applications/${id}/submit` });
    submits.push(msSince(s0));
    if (up.statusCode !== 201 || res.statusCode !== 200) failed++;
  }
  return [
    { figure: `application: upload of a 5 MB attachment (${RUNS})`, value: `p50 ${ms(percentile(uploads, 50))}, p95 ${ms(percentile(uploads, 95))}` },
    {
      figure: `application: submission with it (${RUNS})`,
      value: `p50 ${ms(percentile(submits, 50))}, p95 ${ms(percentile(submits, 95))}, ${failed} failed`,
      goal: '0 failed',
      met: failed === 0,
    },
  ];
}

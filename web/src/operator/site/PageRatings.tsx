// How citizens rated the clarity of each page (admins): count, average and stars per page, the
// follow-up answers chosen, and the latest comments.
import { useState } from 'react';
import type { PageRatingSummary } from '../../../../contracts/site.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi } from '../session.tsx';
import { SelectField } from '../ui.tsx';

const average = (n: number) => n.toLocaleString('it-IT', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

export function PageRatings() {
  const [days, setDays] = useState('90');
  const summary = useOperatorApi<PageRatingSummary>(`admin/page-ratings?days=${days}`);
  return (
    <section aria-labelledby="ratings">
      <h2 className="h4" id="ratings">
        Valutazioni delle pagine
      </h2>
      <p>Le risposte a «Quanto sono chiare le informazioni su questa pagina?», anonime.</p>
      <SelectField
        label="Periodo"
        value={days}
        onChange={setDays}
        className="mb-3"
        options={[
          { value: '30', label: 'Ultimi 30 giorni' },
          { value: '90', label: 'Ultimi 90 giorni' },
          { value: '365', label: 'Ultimo anno' },
        ]}
      />
      <ErrorAlert message={summary.error} />
      {summary.loading && !summary.data ? <Loading /> : null}
      {summary.data && summary.data.pages.length === 0 ? <p>Nessuna valutazione nel periodo.</p> : null}
      {summary.data && summary.data.pages.length > 0 ? (
        <div className="table-responsive">
          <table className="table">
            <caption>Valutazioni per pagina, dalla più valutata</caption>
            <thead>
              <tr>
                <th scope="col">Pagina</th>
                <th scope="col">Valutazioni</th>
                <th scope="col">Media (1–5)</th>
                <th scope="col">Stelle: 1 · 2 · 3 · 4 · 5</th>
                <th scope="col">Risposte e commenti</th>
              </tr>
            </thead>
            <tbody>
              {summary.data.pages.map((p) => (
                <tr key={p.page}>
                  <th scope="row">
                    <a href={p.page}>{p.page}</a>
                  </th>
                  <td>{p.count}</td>
                  <td>{average(p.average)}</td>
                  <td>{p.distribution.join(' · ')}</td>
                  <td>
                    {p.aspects.length || p.comments.length ? (
                      <details>
                        <summary>
                          {p.aspects.length} risposte, {p.comments.length} commenti<span className="visually-hidden"> per {p.page}</span>
                        </summary>
                        <ul className="small mb-0">
                          {p.aspects.map((a) => (
                            <li key={a.aspect}>
                              {a.aspect}: {a.count}
                            </li>
                          ))}
                          {p.comments.map((c) => (
                            <li key={`${c.at}-${c.comment}`}>
                              «{c.comment}» ({c.rating}/5, {when(c.at)})
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

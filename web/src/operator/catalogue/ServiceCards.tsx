// "Schede servizio" (admins): every card of the comune, published or not, with its state and last
// change; create one, change it, suspend it or publish it.
import { useState } from 'react';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { type AdminServiceCard, SERVICE_CATEGORIES } from '../../../../contracts/service-cards.ts';
import { when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi } from '../session.tsx';
import { Heading, OutcomeAlert, type Outcome } from '../ui.tsx';
import { CardForm } from './CardForm.tsx';
import { FormEditor } from './FormEditor.tsx';

export function ServiceCards() {
  const cards = useOperatorApi<{ cards: AdminServiceCard[] }>('admin/service-cards');
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const [editing, setEditing] = useState<AdminServiceCard | 'new' | null>(null);
  const [formOf, setFormOf] = useState<AdminServiceCard | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const tenant = window.location.pathname.split('/')[1] ?? '';

  const saved = (card: AdminServiceCard) => {
    setEditing(null);
    setOutcome({ ok: true, message: `Scheda "${card.title}" salvata${card.published ? ' e pubblicata' : ' (non pubblicata)'}.` });
    cards.reload();
  };

  return (
    <>
      <Heading title="Schede servizio" />
      <p>Le schede dei servizi del comune, come i cittadini le leggono nella pagina "Servizi". Solo le schede pubblicate sono visibili.</p>
      <OutcomeAlert outcome={outcome} />
      {formOf ? (
        <FormEditor
          key={formOf.id}
          card={formOf}
          onClose={() => {
            setFormOf(null);
            cards.reload();
          }}
        />
      ) : null}
      {editing === null ? (
        <button type="button" className="btn btn-primary mb-3" onClick={() => setEditing('new')}>
          Nuova scheda
        </button>
      ) : null}
      {editing !== null && offices.data ? (
        <CardForm
          key={editing === 'new' ? 'new' : editing.id}
          card={editing === 'new' ? undefined : editing}
          offices={offices.data.offices}
          onSaved={saved}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ErrorAlert message={cards.error ?? offices.error} />
      {cards.loading && !cards.data ? <Loading /> : null}
      {cards.data ? (
        <div className="table-responsive mt-4">
          <table className="table" data-testid="service-cards-table">
            <caption>{cards.data.cards.length} schede servizio</caption>
            <thead>
              <tr>
                <th scope="col">Servizio</th>
                <th scope="col">Categoria</th>
                <th scope="col">Stato</th>
                <th scope="col">Aggiornata</th>
                <th scope="col">Azioni</th>
              </tr>
            </thead>
            <tbody>
              {cards.data.cards.map((c) => (
                <tr key={c.id} data-card={c.slug}>
                  <th scope="row">{c.published ? <a href={`/${tenant}/servizi/${c.slug}`}>{c.title}</a> : c.title}</th>
                  <td>{SERVICE_CATEGORIES[c.category]}</td>
                  <td>
                    {c.published ? <span className="badge bg-success">Pubblicata</span> : <span className="badge bg-secondary">Non pubblicata</span>}{' '}
                    {c.status === 'inactive' ? <span className="badge bg-warning">Non attivo</span> : null}
                  </td>
                  <td>{when(c.updatedAt)}</td>
                  <td>
                    <div className="d-flex flex-wrap gap-2">
                      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(c)} aria-label={`Modifica ${c.title}`}>
                        Modifica
                      </button>
                      <button
                        type="button"
                        className="btn btn-outline-primary btn-sm"
                        onClick={() => setFormOf(c)}
                        aria-label={`${c.online ? 'Modulo online' : 'Crea modulo online'}: ${c.title}`}
                      >
                        {c.online ? 'Modulo online' : 'Crea modulo online'}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

// "Coda": the desks the officer may work at, grouped by office, with the queues each serves and who
// is there. One click signs in at a desk and opens its console; an officer already at a desk finds
// it first on the page. Each office also links its public screens (board, kiosk, poster).
import { useEffect, useState } from 'react';
import type { OperatorDesk } from '../../../../contracts/queue.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { canConfigure, useOperatorApi, useSession } from '../session.tsx';
import { Heading, OutcomeAlert } from '../ui.tsx';
import { TakeOverConfirm, useDeskSignIn } from './DeskSignIn.tsx';
import { clearFlash, peekFlash } from './flash.ts';
import { focusLater } from './focus.ts';
import { officeScreens } from './ticket-text.ts';

export function DeskChoice() {
  const session = useSession();
  const desks = useOperatorApi<{ desks: OperatorDesk[] }>('desks');
  // Shown after mount, so the live region already exists and announces it.
  const [flash, setFlashText] = useState<string>();
  useEffect(() => {
    const m = peekFlash();
    if (m) setFlashText(m);
    clearFlash();
  }, []);
  const deskPath = (id: string) => `${session.base}/coda/${id}`;
  const signIn = useDeskSignIn((d) => navigate(deskPath(d.id)));

  const list = desks.data?.desks ?? [];
  const mine = list.find((d) => d.mine);
  const offices = [...new Map(list.map((d) => [d.office.id, d.office])).values()];

  return (
    <>
      <Heading title="Coda: scegli lo sportello" />
      <OutcomeAlert outcome={flash ? { ok: true, message: flash } : signIn.outcome} />
      {canConfigure(session) ? (
        <p>
          <Link href={`${session.base}/coda/statistiche`}>Statistiche della coda</Link>
        </p>
      ) : null}
      {desks.loading && !desks.data ? <Loading /> : null}
      <ErrorAlert message={desks.error} />

      {mine ? (
        <div className="queue-notice mb-4" data-testid="my-desk">
          <p className="mb-2">
            Sei collegato a <strong>{mine.name}</strong> ({mine.office.name}). Se scegli un altro sportello lasci questo: prima concludi o trasferisci il numero in corso.
          </p>
          <Link className="btn btn-primary" href={deskPath(mine.id)}>
            Vai al tuo sportello<span className="visually-hidden">: {mine.name}</span>
          </Link>
        </div>
      ) : null}

      {desks.data && !list.length ? (
        <p>
          Nessuno sportello dei tuoi uffici serve una coda.{' '}
          {canConfigure(session) ? (
            <>
              Configura la coda virtuale dalla pagina <Link href={`${session.base}/configurazione`}>Configurazione</Link> dell'ufficio.
            </>
          ) : (
            "Chiedi al responsabile dell'ufficio di configurare la coda virtuale."
          )}
        </p>
      ) : null}

      {offices.map((office) => {
        const ofOffice = list.filter((d) => d.office.id === office.id);
        const taken = signIn.taken && ofOffice.some((d) => d.id === signIn.taken!.id) ? signIn.taken : undefined;
        return (
          <section key={office.id} aria-labelledby={`office-${office.id}`} className="mb-5">
            <h2 className="h4" id={`office-${office.id}`}>
              {office.name}
            </h2>
            <ul className="list-inline mb-2" aria-label={`Schermi pubblici di ${office.name}`}>
              {officeScreens(session.tenant.slug, office.id).map((s) => (
                <li key={s.href} className="list-inline-item me-3">
                  <a href={s.href} target="_blank" rel="noopener">
                    {s.label}
                    <span className="visually-hidden"> di {office.name} (si apre in una nuova scheda)</span>
                  </a>
                </li>
              ))}
            </ul>
            <DeskTable desks={ofOffice} officeName={office.name} busy={signIn.busy} onSignIn={(d) => void signIn.signIn(d)} deskPath={deskPath} />
            {taken ? (
              <TakeOverConfirm
                taken={taken}
                busy={signIn.busy === taken.id}
                onConfirm={() => void signIn.signIn(taken, true)}
                onCancel={() => {
                  signIn.cancelTakeOver();
                  focusLater(`tr[data-desk-id="${taken.id}"] button`);
                }}
              />
            ) : null}
          </section>
        );
      })}
    </>
  );
}

function DeskTable({
  desks,
  officeName,
  busy,
  onSignIn,
  deskPath,
}: {
  desks: OperatorDesk[];
  officeName: string;
  busy?: string;
  onSignIn(d: OperatorDesk): void;
  deskPath(id: string): string;
}) {
  return (
    <div className="table-responsive">
      <table className="table queue-table">
        <caption>Sportelli di {officeName}</caption>
        <thead>
          <tr>
            <th scope="col">Sportello</th>
            <th scope="col">Code servite</th>
            <th scope="col">Chi c'è</th>
            <th scope="col">
              <span className="visually-hidden">Azioni</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {desks.map((d) => (
            <tr key={d.id} data-desk={d.name} data-desk-id={d.id}>
              <th scope="row">{d.name}</th>
              <td>
                <ul className="list-unstyled mb-0">
                  {d.queues.map((q) => (
                    <li key={q.id}>
                      <span className="queue-prefix">{q.prefix}</span> {q.name}
                      {q.kind === 'video' ? <span className="badge bg-primary ms-2">videochiamata</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{d.mine ? <strong>Tu</strong> : d.occupiedBy ? d.occupiedBy.name : 'Libero'}</td>
              <td>
                {d.mine ? (
                  <Link className="btn btn-primary btn-sm" href={deskPath(d.id)}>
                    Vai allo sportello<span className="visually-hidden"> {d.name}</span>
                  </Link>
                ) : (
                  <button type="button" className="btn btn-outline-primary btn-sm" aria-disabled={busy === d.id || undefined} onClick={() => !busy && onSignIn(d)}>
                    Lavora a questo sportello<span className="visually-hidden">: {d.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

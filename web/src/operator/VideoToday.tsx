// "Videochiamate di oggi": the day's video appointments and immediate rooms with who is connected
// (refreshed every 10 s), and a new immediate room for a citizen on the phone or at the desk.
import { useEffect, useRef, useState } from 'react';
import type { OperatorOffice } from '../../../contracts/operator.ts';
import type { ImmediateRoomCreated, OfficerRoomLink, VideoAppointmentList } from '../../../contracts/video.ts';
import { errorMessage } from '../shared/api.ts';
import { time } from '../shared/format.ts';
import { ErrorAlert, Loading } from '../shared/Page.tsx';
import { Link, navigate } from '../shared/router.tsx';
import { useOperatorApi, useSession } from './session.tsx';
import { Heading, SelectField, TextField } from './ui.tsx';

const PHASES: Record<string, string> = { not_yet: 'Non ancora aperta', open: 'Aperta', closed: 'Chiusa', ended: 'Conclusa', cancelled: 'Annullata' };
const REFRESH_MS = 10_000;

/** The path of an absolute link of ours (the server writes PUBLIC_URL into links). */
const pathOf = (url: string) => new URL(url, window.location.href).pathname;

export function VideoToday() {
  const session = useSession();
  const list = useOperatorApi<VideoAppointmentList>('video/appointments');
  const { reload } = list;
  useEffect(() => {
    const t = window.setInterval(() => document.visibilityState === 'visible' && reload(), REFRESH_MS);
    return () => window.clearInterval(t);
  }, [reload]);
  const waiting = list.data?.appointments.filter((a) => a.citizenWaiting && (a.phase === 'open' || a.phase === 'not_yet')).length ?? 0;
  return (
    <>
      <Heading title="Videochiamate di oggi" />
      <p>L'elenco si aggiorna da solo ogni 10 secondi.</p>
      <ErrorAlert message={list.error} />
      <p className="visually-hidden" role="status">
        {waiting ? `${waiting === 1 ? 'Un cittadino è' : `${waiting} cittadini sono`} in attesa.` : ''}
      </p>
      {!list.data ? (
        list.error ? null : (
          <Loading />
        )
      ) : list.data.appointments.length === 0 ? (
        <p>Nessuna videochiamata oggi.</p>
      ) : (
        <div className="table-responsive">
          <table className="table" data-testid="video-appointments">
            <caption className="visually-hidden">Videochiamate di oggi</caption>
            <thead>
              <tr>
                <th scope="col">Ora</th>
                <th scope="col">Cittadino</th>
                <th scope="col">Servizio</th>
                <th scope="col">Stanza</th>
                <th scope="col">Azioni</th>
              </tr>
            </thead>
            <tbody>
              {list.data.appointments.map((a) => (
                <tr key={a.roomId ?? a.bookingId} data-booking={a.reference ?? undefined} data-room={a.roomId ?? undefined}>
                  <td>
                    {time(a.start, list.data!.timeZone)}–{time(a.end, list.data!.timeZone)}
                  </td>
                  <td>
                    {a.citizenName ?? '—'}
                    {a.citizenWaiting ? <span className="badge bg-success d-table mt-1">Cittadino in attesa</span> : null}
                  </td>
                  <td>
                    {a.serviceName}
                    {a.kind === 'immediate' ? <span className="d-block small">videochiamata immediata</span> : null}
                    {a.reference ? <span className="d-block small">{a.reference}</span> : null}
                    {a.officeName ? <span className="d-block small">{a.officeName}</span> : null}
                  </td>
                  <td>
                    {PHASES[a.phase] ?? a.phase}
                    {a.officerPresent ? <span className="d-block small">operatore collegato</span> : null}
                  </td>
                  <td>
                    {a.phase === 'open' || a.phase === 'not_yet' ? (
                      <Link className="btn btn-sm btn-primary" href={a.consoleUrl}>
                        Apri stanza<span className="visually-hidden">{a.citizenName ? ` di ${a.citizenName}` : ''}</span>
                      </Link>
                    ) : a.bookingId ? (
                      <Link href={`${session.base}/prenotazioni/${a.bookingId}`}>Dettaglio</Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ImmediateRoom onCreated={reload} />
    </>
  );
}

function ImmediateRoom({ onCreated }: { onCreated(): void }) {
  const session = useSession();
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const active = (offices.data?.offices ?? []).filter((o) => o.active);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [officeId, setOfficeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ImmediateRoomCreated>();
  const [copied, setCopied] = useState<string>();
  const [error, setError] = useState<string>();
  const linkField = useRef<HTMLInputElement>(null);

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copiato negli appunti.');
    } catch {
      // No clipboard permission (or http): select the text so Ctrl+C copies it.
      linkField.current?.focus();
      linkField.current?.select();
      setCopied('Copia non riuscita: il link è selezionato, premi Ctrl+C (Cmd+C su Mac).');
    }
  };

  return (
    <section aria-labelledby="immediate-title" className="mt-5">
      <h2 id="immediate-title" className="h4">
        Nuova videochiamata immediata
      </h2>
      <p>Per un cittadino al telefono o allo sportello: la stanza si apre subito. Se indichi l'email, il link gli arriva per posta; altrimenti copialo e comunicalo.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(undefined);
          setCopied(undefined);
          setBusy(true);
          session
            .call<ImmediateRoomCreated>('rooms', {
              method: 'POST',
              body: { ...(email.trim() ? { email: email.trim() } : {}), ...(name.trim() ? { citizenName: name.trim() } : {}), ...(officeId ? { officeId } : {}) },
            })
            .then((r) => {
              setCreated(r);
              onCreated();
            })
            .catch((err: unknown) => setError(errorMessage(err)))
            .finally(() => setBusy(false));
        }}
      >
        <ErrorAlert message={error} />
        <div className="row g-3 align-items-end">
          <div className="col-md-4">
            <TextField id="immediate-name" label="Nome del cittadino (facoltativo)" value={name} maxLength={160} onChange={setName} autoComplete="off" />
          </div>
          <div className="col-md-4">
            <TextField id="immediate-email" type="email" label="Email del cittadino (facoltativa)" value={email} maxLength={254} onChange={setEmail} autoComplete="off" />
          </div>
          {active.length > 1 ? (
            <div className="col-md-4">
              <SelectField
                id="immediate-office"
                label="Ufficio"
                value={officeId}
                onChange={setOfficeId}
                options={[{ value: '', label: 'Nessuno in particolare' }, ...active.map((o) => ({ value: o.id, label: o.name }))]}
              />
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary mt-3" disabled={busy}>
          Crea la stanza
        </button>
      </form>
      <p role="status" className={created ? 'alert alert-success mt-3 mb-0' : 'mb-0'}>
        {created ? `Stanza aperta fino alle ${time(created.closesAt)}${created.emailed ? ': il link è stato inviato per email al cittadino.' : '.'}` : ''}
      </p>
      {created ? (
        <div className="border rounded p-3 mt-2" data-testid="immediate-room">
          <label htmlFor="immediate-link" className="form-label">
            Link per il cittadino
          </label>
          <div className="d-flex flex-wrap gap-2 mb-2">
            <input ref={linkField} id="immediate-link" className="form-control flex-grow-1 w-auto" readOnly value={created.citizenUrl} onFocus={(e) => e.target.select()} />
            <button type="button" className="btn btn-outline-primary" onClick={() => void copy(created.citizenUrl)}>
              Copia il link
            </button>
          </div>
          <p className="small mb-2" aria-live="polite">
            {copied}
          </p>
          <Link className="btn btn-primary" href={pathOf(created.officerUrl)}>
            Entra nella stanza
          </Link>
        </div>
      ) : null}
    </section>
  );
}

/** Console pages that get a fresh officer link for a room, then open it (replacing this page in the history). */
export function OpenRoom({ kind, id }: { kind: 'booking' | 'room'; id: string }) {
  const session = useSession();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const ctrl = new AbortController();
    session
      .call<OfficerRoomLink>(kind === 'booking' ? `bookings/${encodeURIComponent(id)}/room` : `rooms/${encodeURIComponent(id)}/link`, { method: 'POST', signal: ctrl.signal })
      .then((link) => navigate(pathOf(link.officerUrl), { replace: true }))
      .catch((err: unknown) => (err as Error).name !== 'AbortError' && setError(errorMessage(err)));
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, id]);
  return error ? (
    <>
      <Heading title="Stanza video" />
      <ErrorAlert message={error} />
      <Link href={`${session.base}/videochiamate`}>Torna alle videochiamate di oggi</Link>
    </>
  ) : (
    <Loading label="Apertura della stanza…" />
  );
}

// One booking as the desk sees it: every field, the history of changes and the actions its status
// allows. A cancellation needs a reason, which is emailed to the citizen.
import { useState } from 'react';
import { actionLabel } from './audit/action-labels.ts';
import type { Static } from 'typebox';
import type { AgendaBooking, AuditEntryView, BookingDetail as Detail } from '../../../contracts/operator.ts';
import type { RoomFile } from '../../../contracts/video.ts';
import { errorMessage } from '../shared/api.ts';
import { fileSize, localDay, time, when } from '../shared/format.ts';
import { ErrorAlert, Loading } from '../shared/Page.tsx';
import { Link } from '../shared/router.tsx';
import { agendaPath } from './Agenda.tsx';
import { useOperatorApi, useSession } from './session.tsx';
import { Heading, STATUS, StatusBadge, TextArea, type Outcome } from './ui.tsx';

type History = Array<Static<typeof AuditEntryView>>;
type DetailView = AgendaBooking & { history: History; files: RoomFile[] };

const CHANNELS: Record<string, string> = { web: 'online dal cittadino', operator: "dall'ufficio (per telefono o allo sportello)" };

type Form = 'none' | 'done' | 'cancel';

export function BookingDetail({ id }: { id: string }) {
  const session = useSession();
  const res = useOperatorApi<Static<typeof Detail>>(`bookings/${id}`);
  const b = res.data as DetailView | undefined;
  const [form, setForm] = useState<Form>('none');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  if (res.loading && !b) return <Loading />;
  if (!b) {
    return (
      <>
        <Heading title="Prenotazione non trovata" />
        <ErrorAlert message={res.error} />
        <p>
          <Link href={`${session.base}/agenda`}>Torna all'agenda</Link>
        </p>
      </>
    );
  }

  async function act(path: 'check-in' | 'no-show' | 'done' | 'confirm' | 'cancel', body: unknown, message: string) {
    setBusy(true);
    setOutcome(undefined);
    try {
      await session.call<AgendaBooking>(`bookings/${id}/${path}`, { method: 'POST', body });
      setForm('none');
      setNote('');
      setReason('');
      res.reload();
      setOutcome({ ok: true, message });
    } catch (err) {
      setOutcome({ ok: false, message: errorMessage(err) });
      res.reload();
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    if (reason.trim().length < 3) {
      setReasonError('Scrivi il motivo (almeno 3 caratteri): sarà inviato al cittadino.');
      return;
    }
    setReasonError(undefined);
    void act('cancel', { reason: reason.trim() }, "Appuntamento annullato. Il cittadino riceverà un'email con il motivo.");
  }

  const s = b.status;
  const label = statusLabel;
  const backTo = agendaPath(session.base, { officeId: b.officeId, day: localDay(b.start) });

  return (
    <>
      <p className="mb-2">
        <Link href={backTo}>← Torna all'agenda del giorno</Link>
      </p>
      <Heading title={`Prenotazione ${b.reference}`} />
      <OutcomeRegion outcome={outcome} />

      <section className="card card-bg shadow-sm mb-4" aria-labelledby="booking-data">
        <div className="card-body">
          <h2 className="h5" id="booking-data">
            Dati dell'appuntamento
          </h2>
          <p>
            Stato: <StatusBadge status={s} />
          </p>
          <dl className="summary-list row mb-0">
            <Item term="Codice prenotazione" value={b.reference} />
            <Item term="Quando" value={`${when(b.start)} – ${time(b.end)}`} />
            <Item term="Servizio" value={`${b.serviceName}${b.mode === 'video' ? ' (in videochiamata)' : ''}`} />
            <Item term="Sportello" value={b.deskName} />
            <Item term="Richiedente" value={`${b.applicant.name} ${b.applicant.surname}`} />
            <Item term="Email" value={b.applicant.email} />
            <Item term="Indirizzo" value={b.applicant.address || 'non indicato'} />
            <Item term="Motivo" value={b.reason || 'non indicato'} />
            <Item term="Note del cittadino" value={b.details || 'nessuna'} />
            <Item term="Prenotato" value={CHANNELS[b.channel] ?? b.channel} />
            {b.checkedInAt ? <Item term="Arrivo registrato" value={when(b.checkedInAt)} /> : null}
            {b.doneAt ? <Item term="Concluso" value={when(b.doneAt)} /> : null}
            {b.outcomeNote ? <Item term="Nota di chiusura" value={b.outcomeNote} /> : null}
            {s === 'cancelled' ? (
              <Item term="Annullato da" value={b.cancelledBy === 'operator' ? "l'ufficio" : b.cancelledBy === 'citizen' ? 'il cittadino' : (b.cancelledBy ?? '—')} />
            ) : null}
            {b.cancelReason ? <Item term="Motivo dell'annullamento" value={b.cancelReason} /> : null}
          </dl>
          {b.videoUrl && (s === 'confirmed' || s === 'checked_in') ? (
            <p className="mt-3 mb-0 d-flex flex-wrap align-items-center gap-2">
              <Link className="btn btn-primary" href={b.videoUrl}>
                Apri stanza video
              </Link>
              {b.videoWaiting ? <span className="badge bg-success">Cittadino in attesa</span> : null}
            </p>
          ) : null}
          {b.files?.length ? (
            <>
              <h3 className="h6 mt-4">Documenti scambiati in videochiamata</h3>
              <ul data-testid="booking-files">
                {b.files.map((f) => (
                  <li key={f.id}>
                    <a href={`${session.apiBase}/bookings/${b.id}/files/${f.id}`} download={f.name}>
                      {f.name}
                    </a>{' '}
                    <span className="small">
                      ({fileSize(f.size)}, {f.uploadedBy === 'officer' ? "dall'ufficio" : 'dal cittadino'}, {when(f.uploadedAt)})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="booking-actions" className="mb-5">
        <h2 className="h5" id="booking-actions">
          Azioni
        </h2>
        {s === 'pending' || s === 'confirmed' || s === 'checked_in' ? (
          <div className="d-flex flex-wrap gap-2">
            {s === 'pending' ? (
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void act('confirm', undefined, `Richiesta approvata: l'appuntamento è ora «${label('confirmed')}». Il cittadino riceverà la conferma per email.`)}
              >
                Conferma
              </button>
            ) : null}
            {s === 'confirmed' ? (
              <>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={() => void act('check-in', undefined, `Arrivo registrato: l'appuntamento è ora «${label('checked_in')}».`)}
                >
                  Registra arrivo
                </button>
                <button
                  type="button"
                  className="btn btn-outline-primary"
                  disabled={busy}
                  onClick={() => void act('no-show', undefined, `L'appuntamento è ora «${label('no_show')}».`)}
                >
                  Non presentato
                </button>
              </>
            ) : null}
            {s === 'confirmed' || s === 'checked_in' ? (
              <button type="button" className="btn btn-outline-primary" disabled={busy} aria-expanded={form === 'done'} onClick={() => setForm(form === 'done' ? 'none' : 'done')}>
                Concludi
              </button>
            ) : null}
            {s === 'pending' || s === 'confirmed' ? (
              <button
                type="button"
                className="btn btn-outline-danger"
                disabled={busy}
                aria-expanded={form === 'cancel'}
                onClick={() => setForm(form === 'cancel' ? 'none' : 'cancel')}
              >
                Annulla appuntamento
              </button>
            ) : null}
          </div>
        ) : (
          <p>Nessuna azione disponibile: l'appuntamento è «{label(s)}».</p>
        )}

        {form === 'done' ? (
          <form
            className="mt-4"
            aria-labelledby="done-title"
            onSubmit={(e) => {
              e.preventDefault();
              void act('done', note.trim() ? { note: note.trim() } : {}, `Appuntamento concluso: ora è «${label('done')}».`);
            }}
          >
            <h3 className="h6" id="done-title">
              Concludi l'appuntamento
            </h3>
            <TextArea
              label="Nota di chiusura (facoltativa)"
              value={note}
              onChange={setNote}
              maxLength={2000}
              hint="Resta nello storico della prenotazione; il cittadino non la riceve."
            />
            <div className="d-flex gap-2">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Conferma conclusione
              </button>
              <button type="button" className="btn btn-outline-primary" onClick={() => setForm('none')}>
                Indietro
              </button>
            </div>
          </form>
        ) : null}

        {form === 'cancel' ? (
          <form
            className="mt-4"
            aria-labelledby="cancel-title"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              cancel();
            }}
          >
            <h3 className="h6" id="cancel-title">
              Annulla l'appuntamento
            </h3>
            <p id="cancel-explain">
              Il cittadino ({b.applicant.email}) riceverà un'email che annuncia l'annullamento, con il motivo che scrivi qui. L'orario tornerà libero per altre prenotazioni.
            </p>
            <div className="form-group compact">
              <label htmlFor="cancel-reason" className="active">
                Motivo dell'annullamento *
              </label>
              <textarea
                id="cancel-reason"
                className={`form-control${reasonError ? ' is-invalid' : ''}`}
                rows={3}
                minLength={3}
                maxLength={500}
                required
                aria-invalid={reasonError ? true : undefined}
                aria-describedby={`cancel-explain${reasonError ? ' cancel-reason-error' : ''}`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              {reasonError ? (
                <div className="invalid-feedback d-block" id="cancel-reason-error" role="alert">
                  {reasonError}
                </div>
              ) : null}
            </div>
            <div className="d-flex gap-2">
              <button type="submit" className="btn btn-danger" disabled={busy}>
                Conferma annullamento
              </button>
              <button type="button" className="btn btn-outline-primary" onClick={() => setForm('none')}>
                Non annullare
              </button>
            </div>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="booking-history">
        <h2 className="h5" id="booking-history">
          Storico
        </h2>
        <HistoryTable history={b.history} />
      </section>
    </>
  );
}

function OutcomeRegion({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <>
      <div role="status" aria-live="polite">
        {outcome?.ok ? <div className="alert alert-success">{outcome.message}</div> : null}
      </div>
      {outcome && !outcome.ok ? <ErrorAlert message={outcome.message} /> : null}
    </>
  );
}

function Item({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt className="col-sm-4">{term}</dt>
      <dd className="col-sm-8">{value}</dd>
    </>
  );
}

function HistoryTable({ history }: { history: History }) {
  if (!history.length) return <p>Nessuna modifica registrata.</p>;
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>Storico delle modifiche, dalla più vecchia</caption>
        <thead>
          <tr>
            <th scope="col">Quando</th>
            <th scope="col">Chi</th>
            <th scope="col">Cosa</th>
            <th scope="col">Dettagli</th>
          </tr>
        </thead>
        <tbody>
          {history.map((h, i) => (
            <tr key={i}>
              <th scope="row">{when(h.at)}</th>
              <td>{h.actorType === 'citizen' ? 'il cittadino' : h.actorType === 'system' ? 'il sistema' : (h.actor ?? 'operatore')}</td>
              <td>{actionLabel(h.action)}</td>
              <td className="history-details">{describe(h)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function describe(h: History[number]): string {
  const d = h.details as Record<string, unknown>;
  const str = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  const parts: string[] = [];
  if (h.action === 'booking.rescheduled') {
    const from = str('from');
    const to = str('to');
    if (from && to) parts.push(`da ${when(from)} a ${when(to)}`);
  } else if (str('from') && str('to')) {
    parts.push(`da «${statusLabel(str('from')!)}» a «${statusLabel(str('to')!)}»`);
  }
  if (str('note')) parts.push(`nota: ${str('note')}`);
  if (str('reason')) parts.push(`motivo: ${str('reason')}`);
  if (h.action === 'booking.created') {
    if (str('channel')) parts.push(str('channel') === 'operator' ? "prenotato dall'ufficio" : 'prenotato online');
    if (str('start')) parts.push(`per ${when(str('start')!)}`);
  }
  return parts.join('; ') || '—';
}

/** A status named in the history (entries written long ago may name ones no longer known). */
function statusLabel(st: string): string {
  return (STATUS as Record<string, { label: string } | undefined>)[st]?.label ?? st;
}

// The agenda of an office: one day or a week (Monday to Sunday), all desks or one. The choices live
// in the address (?ufficio=&sportello=&giorno=&vista=) so a detail page can link back to the same day.
import { useEffect } from 'react';
import type { AgendaBooking, OperatorOffice } from '../../../contracts/operator.ts';
import { addDays, localDay, longDay, time } from '../shared/format.ts';
import { ErrorAlert, Loading } from '../shared/Page.tsx';
import { Link, navigate, useLocation } from '../shared/router.tsx';
import { useOperatorApi, useSession } from './session.tsx';
import { Heading, isoWeekday, SelectField, StatusBadge, TextField } from './ui.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const officeKey = (slug: string) => `sportello.operatore.${slug}.ufficio`;

export function agendaPath(base: string, q: { officeId?: string; day?: string; deskId?: string; week?: boolean }): string {
  const p = new URLSearchParams();
  if (q.officeId) p.set('ufficio', q.officeId);
  if (q.deskId) p.set('sportello', q.deskId);
  if (q.day) p.set('giorno', q.day);
  if (q.week) p.set('vista', 'settimana');
  const s = p.toString();
  return `${base}/agenda${s ? `?${s}` : ''}`;
}

export function rememberOffice(slug: string, officeId: string): void {
  try {
    localStorage.setItem(officeKey(slug), officeId);
  } catch {
    // Private browsing: nothing to remember.
  }
}

export function preferredOffice(slug: string, offices: OperatorOffice[], wanted?: string | null): OperatorOffice | undefined {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(officeKey(slug));
  } catch {
    stored = null;
  }
  return offices.find((o) => o.id === wanted) ?? offices.find((o) => o.id === stored) ?? offices[0];
}

export function Agenda() {
  const session = useSession();
  const { search } = useLocation();
  const q = new URLSearchParams(search);
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const list = offices.data?.offices ?? [];
  const office = preferredOffice(session.tenant.slug, list, q.get('ufficio'));
  const today = localDay(new Date());
  const day = DAY.test(q.get('giorno') ?? '') ? q.get('giorno')! : today;
  const week = q.get('vista') === 'settimana';
  const desk = office?.desks.find((d) => d.id === q.get('sportello'));
  const from = week ? addDays(day, 1 - isoWeekday(day)) : day;
  const to = week ? addDays(from, 6) : day;
  const agenda = useOperatorApi<{ timeZone: string; bookings: AgendaBooking[] }>(
    office ? `agenda?officeId=${office.id}&from=${from}&to=${to}${desk ? `&deskId=${desk.id}` : ''}` : null,
  );

  useEffect(() => {
    if (office) rememberOffice(session.tenant.slug, office.id);
  }, [office, session.tenant.slug]);

  const go = (patch: { officeId?: string; day?: string; deskId?: string | null; week?: boolean }) =>
    navigate(
      agendaPath(session.base, {
        officeId: patch.officeId ?? office?.id,
        day: patch.day ?? day,
        deskId: patch.deskId === null ? undefined : (patch.deskId ?? desk?.id),
        week: patch.week ?? week,
      }),
      { replace: true },
    );

  if (offices.loading && !offices.data) return <Loading />;
  if (offices.error) {
    return (
      <>
        <Heading title="Agenda" />
        <ErrorAlert message={offices.error} />
      </>
    );
  }
  if (!office) {
    return (
      <>
        <Heading title="Agenda" />
        <p>Non sei assegnato a nessun ufficio: chiedi a un amministratore del comune.</p>
      </>
    );
  }

  const bookings = agenda.data?.bookings ?? [];
  const days = week ? Array.from({ length: 7 }, (_, i) => addDays(from, i)) : [day];
  const active = bookings.filter((b) => b.status !== 'cancelled').length;
  const cancelled = bookings.length - active;
  const period = week ? `settimana da ${longDay(from)} a ${longDay(to)}` : longDay(day);
  const step = week ? 7 : 1;
  const unit = week ? 'Settimana' : 'Giorno';

  return (
    <>
      <Heading title="Agenda" />
      <form className="agenda-controls mb-3" onSubmit={(e) => e.preventDefault()} aria-label="Scelta dell'agenda">
        <SelectField
          id="agenda-office"
          label="Ufficio"
          value={office.id}
          onChange={(v) => go({ officeId: v, deskId: null })}
          options={list.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          id="agenda-desk"
          label="Sportello"
          value={desk?.id ?? ''}
          onChange={(v) => go({ deskId: v || null })}
          options={[{ value: '', label: 'Tutti gli sportelli' }, ...office.desks.map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name} (non attivo)` }))]}
        />
        <SelectField
          id="agenda-view"
          label="Vista"
          value={week ? 'settimana' : 'giorno'}
          onChange={(v) => go({ week: v === 'settimana' })}
          options={[
            { value: 'giorno', label: 'Giorno' },
            { value: 'settimana', label: 'Settimana (lunedì-domenica)' },
          ]}
        />
        <TextField id="agenda-day" label="Data" type="date" value={day} onChange={(v) => DAY.test(v) && go({ day: v })} />
      </form>
      <div className="d-flex flex-wrap gap-2 mb-4">
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => go({ day: addDays(day, -step) })}>
          {unit} precedente
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => go({ day: today })} aria-describedby="agenda-today">
          Oggi
        </button>
        <span id="agenda-today" className="visually-hidden">
          {longDay(today)}
        </span>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => go({ day: addDays(day, step) })}>
          {unit} successiv{week ? 'a' : 'o'}
        </button>
        <button type="button" className="btn btn-link btn-sm" onClick={agenda.reload}>
          Aggiorna
        </button>
      </div>

      <h2 className="h4" id="agenda-period">
        {office.name}: {period}
        {desk ? `, ${desk.name}` : ''}
      </h2>
      <p role="status" aria-live="polite" data-testid="agenda-summary">
        {agenda.loading ? 'Caricamento degli appuntamenti…' : agenda.error ? '' : summary(active, cancelled)}
      </p>
      <ErrorAlert message={agenda.error} />
      {agenda.data && !agenda.error
        ? days.map((d) => {
            const ofDay = bookings.filter((b) => localDay(b.start) === d);
            return week ? (
              <section key={d} aria-labelledby={`day-${d}`} className="mb-4">
                <h3 className="h5" id={`day-${d}`}>
                  {longDay(d)}
                </h3>
                <DayTable day={d} bookings={ofDay} />
              </section>
            ) : ofDay.length ? (
              // A day without appointments says so once, in the summary above.
              <DayTable key={d} day={d} bookings={ofDay} />
            ) : null;
          })
        : null}
      {agenda.loading && !agenda.data ? <Loading label="Caricamento degli appuntamenti…" /> : null}
    </>
  );
}

function summary(active: number, cancelled: number): string {
  const a = active === 0 ? 'Nessun appuntamento' : active === 1 ? '1 appuntamento' : `${active} appuntamenti`;
  return cancelled ? `${a} (più ${cancelled} ${cancelled === 1 ? 'annullato' : 'annullati'}).` : `${a}.`;
}

function DayTable({ day, bookings }: { day: string; bookings: AgendaBooking[] }) {
  const { base } = useSession();
  if (!bookings.length) return <p>Nessun appuntamento {longDay(day)}.</p>;
  return (
    <div className="table-responsive">
      <table className="table agenda-table">
        <caption>Appuntamenti di {longDay(day)}</caption>
        <thead>
          <tr>
            <th scope="col">Orario</th>
            <th scope="col">Sportello</th>
            <th scope="col">Servizio</th>
            <th scope="col">Richiedente</th>
            <th scope="col">Stato</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id} data-booking={b.reference}>
              <th scope="row">
                {time(b.start)}–{time(b.end)}
              </th>
              <td>{b.deskName}</td>
              <td>
                {b.serviceName}
                {b.mode === 'video' ? <span className="d-block small">in videochiamata</span> : null}
                {b.videoWaiting ? <span className="badge bg-success">Cittadino in attesa</span> : null}
                {b.videoUrl ? (
                  <Link className="d-block small" href={b.videoUrl}>
                    Apri stanza video
                    <span className="visually-hidden">
                      {' '}
                      di {b.applicant.name} {b.applicant.surname}
                    </span>
                  </Link>
                ) : null}
              </td>
              <td>
                <Link href={`${base}/prenotazioni/${b.id}`}>
                  {b.applicant.name} {b.applicant.surname}
                </Link>
                <span className="d-block small">{b.reference}</span>
              </td>
              <td>
                <StatusBadge status={b.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

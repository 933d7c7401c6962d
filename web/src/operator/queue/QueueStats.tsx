// Statistics of an office's queue for managers and admins: today at a glance (cards) and, for a
// period, one row per day, service and desk, with the same figures as a CSV for a spreadsheet.
// The choices live in the address (?ufficio=&dal=&al=) so a page can be bookmarked or shared.
import { useEffect, useState, type FormEvent } from 'react';
import type { StatsResponse, TodayFigures } from '../../../../contracts/queue.ts';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { localDay, longDay } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link, navigate, useLocation } from '../../shared/router.tsx';
import { preferredOffice, rememberOffice } from '../Agenda.tsx';
import { canConfigure, useOperatorApi, useSession } from '../session.tsx';
import { Heading, SelectField, TextField } from '../ui.tsx';
import { StatsTable } from './StatsTable.tsx';
import { minutes } from './ticket-text.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TITLE = 'Statistiche della coda';

export function QueueStats() {
  const session = useSession();
  if (!canConfigure(session)) {
    return (
      <>
        <Heading title={TITLE} />
        <div className="alert alert-warning" role="alert">
          Non hai i permessi per vedere le statistiche della coda: sono riservate ai responsabili d'ufficio e agli amministratori.
        </div>
        <Link href={`${session.base}/coda`}>Torna agli sportelli</Link>
      </>
    );
  }
  return <StatsPage />;
}

function StatsPage() {
  const session = useSession();
  const { search } = useLocation();
  const q = new URLSearchParams(search);
  const offices = useOperatorApi<{ offices: OperatorOffice[] }>('offices');
  const list = offices.data?.offices ?? [];
  const office = preferredOffice(session.tenant.slug, list, q.get('ufficio'));
  const today = localDay(new Date());
  const from = DAY.test(q.get('dal') ?? '') ? q.get('dal')! : today;
  const to = DAY.test(q.get('al') ?? '') ? q.get('al')! : from;
  const query = office ? `officeId=${office.id}&from=${from}&to=${to}` : null;
  const stats = useOperatorApi<StatsResponse>(query ? `queue/stats?${query}` : null);

  // The form edits a draft; the address (and so the request) changes on "Mostra".
  const [draft, setDraft] = useState({ officeId: '', from, to });
  useEffect(() => setDraft({ officeId: office?.id ?? '', from, to }), [office?.id, from, to]);
  useEffect(() => {
    if (office) rememberOffice(session.tenant.slug, office.id);
  }, [office, session.tenant.slug]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const p = new URLSearchParams({ ufficio: draft.officeId, dal: draft.from, al: draft.to });
    navigate(`${session.base}/coda/statistiche?${p}`, { replace: true });
  }

  if (offices.loading && !offices.data) return <Loading />;
  if (!office) {
    return (
      <>
        <Heading title={TITLE} />
        <ErrorAlert message={offices.error ?? 'Non sei assegnato a nessun ufficio.'} />
      </>
    );
  }

  const period = from === to ? longDay(from) : `dal ${longDay(from)} al ${longDay(to)}`;
  return (
    <>
      <p className="mb-2">
        <Link href={`${session.base}/coda`}>← Sportelli della coda</Link>
      </p>
      <Heading title={TITLE} />
      <form className="agenda-controls mb-4" onSubmit={submit} aria-label="Scelta dell'ufficio e del periodo">
        <SelectField
          id="stats-office"
          label="Ufficio"
          value={draft.officeId}
          onChange={(v) => setDraft((d) => ({ ...d, officeId: v }))}
          options={list.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextField id="stats-from" label="Dal" type="date" value={draft.from} onChange={(v) => setDraft((d) => ({ ...d, from: v }))} />
        <TextField id="stats-to" label="Al" type="date" value={draft.to} onChange={(v) => setDraft((d) => ({ ...d, to: v }))} />
        <button type="submit" className="btn btn-primary">
          Mostra
        </button>
      </form>
      <ErrorAlert message={stats.error} />
      <p role="status" className="visually-hidden">
        {stats.loading ? 'Caricamento delle statistiche…' : stats.data ? `Statistiche di ${office.name}, ${period}.` : ''}
      </p>
      {stats.loading && !stats.data ? <Loading label="Caricamento delle statistiche…" /> : null}
      {stats.data && !stats.error ? (
        <>
          <section aria-labelledby="stats-today" className="mb-5">
            <h2 className="h4" id="stats-today">
              Oggi in {office.name}
            </h2>
            <TodayCards f={stats.data.today} />
          </section>
          <section aria-labelledby="stats-period" className="mb-5">
            <h2 className="h4" id="stats-period">
              Periodo: {period}
            </h2>
            <p>
              <a className="btn btn-outline-primary btn-sm" href={`${session.apiBase}/queue/stats.csv?${query}`} download data-testid="stats-csv">
                Scarica CSV
                <span className="visually-hidden">
                  {' '}
                  delle statistiche di {office.name}, {period}
                </span>
              </a>
            </p>
            <StatsTable rows={stats.data.rows} caption={`${office.name}: numeri per giorno, servizio e sportello, ${period}`} />
          </section>
        </>
      ) : null}
    </>
  );
}

function TodayCards({ f }: { f: TodayFigures }) {
  const cards: Array<[string, string]> = [
    ['Numeri presi', String(f.taken)],
    ['In attesa', String(f.waiting)],
    ['In servizio', String(f.inService)],
    ['Serviti', String(f.served)],
    ['Non presentati', String(f.noShows)],
    ['Abbandonati', String(f.abandoned)],
    ['Attesa media', minutes(f.avgWaitMinutes)],
    ['Servizio medio', minutes(f.avgServiceMinutes)],
    ['Sportelli aperti', String(f.openDesks)],
  ];
  return (
    <ul className="stats-cards list-unstyled" data-testid="stats-today">
      {cards.map(([label, value]) => (
        <li key={label} className="stats-card">
          {/* Label first for screen readers ("Serviti 12"); CSS shows the figure above it. */}
          <span className="stats-label">{label}</span>
          <span className="stats-value">{value}</span>
        </li>
      ))}
    </ul>
  );
}

// The Scrivania: the cases waiting for the citizen's answer (when there are), the latest messages,
// the next appointments, the next deadlines and the latest activities at a glance, each with the way
// to its whole section.
import { useEffect } from 'react';
import type { ApplicationList } from '../../../../../contracts/applications.ts';
import type { Dashboard } from '../../../../../contracts/identity.ts';
import { CASE_STATE_WORDS } from '../../../../../contracts/statuses.ts';
import { applicationPagePath } from '../../applications/paths.ts';
import { time, when } from '../../../shared/format.ts';
import { ErrorAlert, Loading } from '../../../shared/Page.tsx';
import { Link } from '../../../shared/router.tsx';
import { useApi } from '../../../shared/useApi.ts';
import { setUnreadMessages } from '../../session.ts';
import { bookingPath, useTenant } from '../../tenant.ts';
import type { SectionProps } from '../AreaPage.tsx';
import { ActivityList, DeadlineList } from '../lists.tsx';
import { areaPath } from '../sections.ts';
import { DeskCard } from './DeskCard.tsx';

export default function DeskSection({ me }: SectionProps) {
  const t = useTenant();
  const res = useApi<Dashboard>(`/api/v1/${t.slug}/me/dashboard`);
  const cases = useApi<ApplicationList>(`/api/v1/${t.slug}/me/applications`);
  const waiting = (cases.data?.applications ?? []).filter((a) => a.state === 'integration_requested' || a.state === 'rejection_notice');
  useEffect(() => {
    if (res.data) setUnreadMessages(res.data.unread);
  }, [res.data]);
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorAlert message={res.error} />;
  const d = res.data;
  const messages = areaPath(t.slug, 'messaggi');
  return (
    <>
      <p className="lead">
        Ciao {me.citizen.givenName}, qui trovi i messaggi del {t.name}, i tuoi appuntamenti, le scadenze e tutto quello che hai fatto online.
      </p>
      <div className="row g-4">
        <DeskCard
          id="desk-messages"
          title="Ultimi messaggi"
          icon="it-mail"
          more={{ href: messages, label: d.unread ? `Tutti i messaggi (${d.unread} non letti)` : 'Tutti i messaggi' }}
        >
          {d.messages.length ? (
            <ul className="list-unstyled mb-0" data-testid="desk-messages">
              {d.messages.map((m) => (
                <li key={m.id} className="border-bottom py-2">
                  <span className="d-block small">
                    <time dateTime={m.at}>{when(m.at)}</time> · {m.read ? 'letto' : <strong>non letto</strong>}
                  </span>
                  <Link href={`${messages}?apri=${encodeURIComponent(m.id)}`} className={m.read ? '' : 'fw-bold'}>
                    {m.subject}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-0">Non hai messaggi.</p>
          )}
        </DeskCard>
        <DeskCard id="desk-appointments" title="Prossimi appuntamenti" icon="it-calendar" more={{ href: areaPath(t.slug, 'appuntamenti'), label: 'Tutti i tuoi appuntamenti' }}>
          {d.appointments.length ? (
            <ul className="list-unstyled mb-0" data-testid="desk-appointments">
              {d.appointments.map((a) => (
                <li key={a.id} className="border-bottom py-2">
                  <span className="d-block small fw-semibold">
                    <time dateTime={a.start}>{when(a.start)}</time> – {time(a.end)}
                  </span>
                  {a.serviceName} · {a.mode === 'video' ? 'in videochiamata' : a.officeName}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-0">
              Non hai appuntamenti in programma. <Link href={bookingPath(t.slug)}>Prenota un appuntamento</Link>
            </p>
          )}
        </DeskCard>
        {waiting.length ? (
          <DeskCard
            id="desk-cases"
            title="Pratiche che attendono una tua risposta"
            icon="it-warning-circle"
            more={{ href: areaPath(t.slug, 'pratiche'), label: 'Tutte le pratiche' }}
          >
            <ul className="list-unstyled mb-0" data-testid="desk-cases">
              {waiting.map((a) => (
                <li key={a.id} className="mb-2">
                  <Link href={applicationPagePath(t.slug, a.id)}>{a.service.title}</Link>
                  <span className="d-block small">
                    {CASE_STATE_WORDS[a.state].it} · prot. {a.protocol?.label}
                  </span>
                </li>
              ))}
            </ul>
          </DeskCard>
        ) : null}
        <DeskCard id="desk-deadlines" title="Prossime scadenze" icon="it-clock" more={{ href: areaPath(t.slug, 'scadenze'), label: 'Tutte le scadenze' }}>
          {d.deadlines.length ? <DeadlineList deadlines={d.deadlines} /> : <p className="mb-0">Non hai scadenze in programma.</p>}
        </DeskCard>
        <DeskCard id="desk-activities" title="Ultime attività" icon="it-list" more={{ href: areaPath(t.slug, 'attivita'), label: 'Tutte le attività' }}>
          {d.activities.length ? <ActivityList activities={d.activities} /> : <p className="mb-0">Non ci sono ancora attività.</p>}
        </DeskCard>
      </div>
    </>
  );
}

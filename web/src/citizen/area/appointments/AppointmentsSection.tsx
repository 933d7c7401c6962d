// "Appuntamenti": upcoming and past. "Gestisci" asks the server for a fresh manage link of that
// booking and opens the usual manage page, where the appointment can be moved or cancelled.
import { useState } from 'react';
import type { CitizenAppointments } from '../../../../../contracts/identity.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { Icon } from '../../../shared/Icon.tsx';
import { ErrorAlert, Loading } from '../../../shared/Page.tsx';
import { Link, navigate } from '../../../shared/router.tsx';
import { useApi } from '../../../shared/useApi.ts';
import { bookingPath, useTenant } from '../../tenant.ts';
import { AppointmentCard } from './AppointmentCard.tsx';

export default function AppointmentsSection() {
  const t = useTenant();
  const res = useApi<CitizenAppointments>(`/api/v1/${t.slug}/me/appointments`);
  const [opening, setOpening] = useState<string>();
  const [error, setError] = useState<string>();

  async function manage(id: string): Promise<void> {
    setOpening(id);
    setError(undefined);
    try {
      const { manageUrl } = await api<{ manageUrl: string }>(`/api/v1/${t.slug}/me/appointments/${encodeURIComponent(id)}/manage-link`, { method: 'POST' });
      navigate(manageUrl);
    } catch (err) {
      setError(errorMessage(err));
      setOpening(undefined);
    }
  }

  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorAlert message={res.error} />;
  const { upcoming, past } = res.data;
  return (
    <>
      <p>
        <Link href={bookingPath(t.slug)} className="btn btn-primary">
          <Icon name="it-plus-circle" className="icon-white me-1" />
          Prenota un nuovo appuntamento
        </Link>
      </p>
      <ErrorAlert message={error} />
      <h2 className="h4 mt-4">In programma</h2>
      {upcoming.length ? (
        <ul className="list-unstyled" data-testid="upcoming-appointments">
          {upcoming.map((a) => (
            <AppointmentCard key={a.id} appointment={a} action="Gestisci" busy={opening === a.id} onOpen={() => void manage(a.id)} />
          ))}
        </ul>
      ) : (
        <p>Non hai appuntamenti in programma.</p>
      )}
      <h2 className="h4 mt-5">Passati e annullati</h2>
      {past.length ? (
        <ul className="list-unstyled" data-testid="past-appointments">
          {past.map((a) => (
            <AppointmentCard key={a.id} appointment={a} action="Vedi dettagli" busy={opening === a.id} onOpen={() => void manage(a.id)} />
          ))}
        </ul>
      ) : (
        <p>Non ci sono appuntamenti passati.</p>
      )}
    </>
  );
}

// "Scadenze": the citizen's deadlines (an identity card to renew…) and appointments, by date.
import type { Deadline } from '../../../../contracts/identity.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { bookingPath, useTenant } from '../tenant.ts';
import { DeadlineList } from './lists.tsx';

export default function DeadlinesSection() {
  const t = useTenant();
  const res = useApi<{ deadlines: Deadline[] }>(`/api/v1/${t.slug}/me/deadlines`);
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorAlert message={res.error} />;
  const { deadlines } = res.data;
  return (
    <>
      <p>Le prossime scadenze e i tuoi appuntamenti, dal più vicino.</p>
      {deadlines.length ? (
        <DeadlineList deadlines={deadlines} />
      ) : (
        <p>
          Non hai scadenze né appuntamenti in programma. <Link href={bookingPath(t.slug)}>Prenota un appuntamento</Link>
        </p>
      )}
    </>
  );
}

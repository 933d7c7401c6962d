// Pagamenti: not online yet at this comune. Said plainly, with what can be done today.
import { Link } from '../../shared/router.tsx';
import { bookingPath, useTenant } from '../tenant.ts';

function ComingSoon({ what }: { what: string }) {
  const t = useTenant();
  return (
    <div className="callout note">
      <div className="callout-title">Servizio non ancora attivo</div>
      <p>Qui troverai {what} quando il Comune attiverà il servizio online.</p>
      <p className="mb-0">
        Nel frattempo puoi <Link href={bookingPath(t.slug)}>prenotare un appuntamento</Link> con l'ufficio che se ne occupa.
      </p>
    </div>
  );
}

export function PaymentsSection() {
  return <ComingSoon what="i tuoi pagamenti" />;
}

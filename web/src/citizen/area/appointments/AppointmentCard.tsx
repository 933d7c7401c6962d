// One appointment of the list: what, when, where, its status in words, and the button to open it.
import type { CitizenAppointment } from '../../../../../contracts/identity.ts';
import { time, when } from '../../../shared/format.ts';
import { bookingStatus } from '../../booking-status.ts';

export function AppointmentCard({ appointment: a, action, busy, onOpen }: { appointment: CitizenAppointment; action: string; busy: boolean; onOpen(): void }) {
  const status = bookingStatus(a.status);
  const titleId = `appointment-${a.id}`;
  return (
    <li className="card card-bg shadow-sm no-after mb-3">
      <div className="card-body">
        <h3 className="h5 card-title" id={titleId}>
          {a.serviceName}
        </h3>
        <dl className="summary-list mb-2">
          <dt>Quando</dt>
          <dd>
            <time dateTime={a.start}>{when(a.start)}</time> – {time(a.end)}
          </dd>
          <dt>Dove</dt>
          <dd>{a.mode === 'video' ? `In videochiamata con ${a.officeName}` : a.officeName}</dd>
          <dt>Stato</dt>
          <dd>
            <span className={`badge ${status.badge}`}>{status.label}</span>
          </dd>
          <dt>Codice prenotazione</dt>
          <dd>{a.reference}</dd>
        </dl>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onOpen} disabled={busy} aria-describedby={titleId}>
          {busy ? 'Apertura in corso…' : action}
        </button>
        {a.canChange ? <span className="small ms-2">Puoi ancora spostarlo o annullarlo online.</span> : null}
      </div>
    </li>
  );
}

// The page after confirming: reference, summary, "Aggiungi al tuo calendario" and the manage link.
import type { BookingCreated } from '../../../../contracts/booking.ts';
import type { Office, Service } from '../../../../contracts/catalogue.ts';
import { Icon } from '../../shared/Icon.tsx';
import { PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { time, when } from '../../shared/format.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';

export const CONFIRMATION_KEY = 'sportello:conferma';

export interface ConfirmationState {
  booking: BookingCreated;
  email: string;
  serviceName: string;
  mode: string;
  whatToBring: string;
  officeName: string;
  officeAddress: string;
}

export function confirmationState(booking: BookingCreated, email: string, service: Service | undefined, office: Office | undefined): ConfirmationState {
  return {
    booking,
    email,
    serviceName: service?.name ?? '',
    mode: service?.mode ?? 'in_person',
    whatToBring: service?.whatToBring ?? '',
    officeName: office?.name ?? '',
    officeAddress: office?.address ?? '',
  };
}

/** The manage token is the last segment of the manage URL; the page and the .ics use the same-origin path. */
export function managePath(manageUrl: string): string {
  return new URL(manageUrl).pathname;
}

export function Confirmation() {
  const t = useTenant();
  const citizen = useCitizen();
  let state: ConfirmationState | null = null;
  try {
    state = JSON.parse(sessionStorage.getItem(CONFIRMATION_KEY) ?? 'null') as ConfirmationState | null;
  } catch {
    state = null;
  }
  if (!state) {
    return (
      <>
        <PageHeading title="Prenotazione" />
        <p>
          Non troviamo una prenotazione appena confermata in questa scheda. Controlla l'email di conferma, oppure{' '}
          <Link href={`/${t.slug}/prenota-appuntamento`}>prenota un appuntamento</Link>.
        </p>
      </>
    );
  }
  const { booking } = state;
  const token = managePath(booking.manageUrl).split('/').pop()!;
  const pending = booking.status === 'pending';
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Prenotazione appuntamento' }]} />
      <div className="d-flex align-items-center gap-2">
        <Icon name="it-check-circle" className="icon-success" size="lg" />
        <PageHeading title={pending ? 'Richiesta di appuntamento inviata' : 'Appuntamento confermato'} className="mb-0" />
      </div>
      <p className="lead mt-3">
        {pending
          ? "L'ufficio deve approvare la richiesta: ti scriveremo appena lo farà."
          : `Ti abbiamo inviato un'email all'indirizzo ${state.email} con il riepilogo e il link per spostare o annullare l'appuntamento.`}
      </p>
      <section className="card card-bg shadow-sm mb-4">
        <div className="card-body">
          <dl className="summary-list mb-0">
            <dt>Codice prenotazione</dt>
            <dd className="h4" data-testid="booking-reference">
              {booking.reference}
            </dd>
            <dt>Servizio</dt>
            <dd>{state.serviceName}</dd>
            <dt>Quando</dt>
            <dd>
              {when(booking.start)} – {time(booking.end)}
            </dd>
            <dt>Dove</dt>
            <dd>{state.mode === 'video' ? 'In videochiamata: il link è nell\u2019email e nella pagina di gestione' : `${state.officeName}, ${state.officeAddress}`}</dd>
            {state.whatToBring ? (
              <>
                <dt>Cosa portare</dt>
                <dd>{state.whatToBring}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </section>
      <div className="d-flex flex-wrap gap-3">
        <a className="btn btn-primary" href={`/api/v1/${t.slug}/bookings/manage/${token}/calendar.ics`} download={`appuntamento-${booking.reference}.ics`}>
          <Icon name="it-calendar" className="icon-white me-1" />
          Aggiungi al tuo calendario
        </a>
        <Link className="btn btn-outline-primary" href={managePath(booking.manageUrl)}>
          Gestisci l'appuntamento
        </Link>
        {citizen.status === 'signed-in' ? (
          <Link className="btn btn-outline-primary" href={`/${t.slug}/area-personale/appuntamenti`}>
            Vedi i tuoi appuntamenti nell'area personale
          </Link>
        ) : null}
        <Link className="btn btn-link" href={`/${t.slug}`}>
          Torna alla home
        </Link>
      </div>
    </>
  );
}

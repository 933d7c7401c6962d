// Step 1, Luogo: the office, then the service (each with its duration and whether it is by video).
import type { Office, Service } from '../../../../contracts/catalogue.ts';
import { minutesLabel } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';

export function StepPlace(props: {
  offices: Office[] | undefined;
  services: Service[] | undefined;
  loadError: string | undefined;
  officeId: string | undefined;
  serviceId: string | undefined;
  errors: { office?: string; service?: string };
  onOffice(id: string): void;
  onService(id: string): void;
}) {
  const { offices, services, officeId, serviceId, errors } = props;
  return (
    <>
      <ErrorAlert message={props.loadError} />
      <fieldset className="mb-4" aria-describedby={errors.office ? 'office-error' : undefined}>
        <legend className="h5">Ufficio</legend>
        {errors.office ? (
          <p className="text-danger fw-semibold" id="office-error">
            {errors.office}
          </p>
        ) : null}
        {!offices ? <Loading /> : null}
        {offices?.map((o) => (
          <div className="form-check" key={o.id}>
            <input type="radio" name="office" id={`office-${o.id}`} checked={officeId === o.id} onChange={() => props.onOffice(o.id)} />
            <label htmlFor={`office-${o.id}`}>
              <span className="fw-semibold">{o.name}</span>
              <br />
              <span className="small">{o.address}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {officeId ? (
        <fieldset className="mb-2" aria-describedby={errors.service ? 'service-error' : undefined}>
          <legend className="h5">Servizio</legend>
          {errors.service ? (
            <p className="text-danger fw-semibold" id="service-error">
              {errors.service}
            </p>
          ) : null}
          {!services ? <Loading /> : null}
          {services?.length === 0 ? <p>Questo ufficio non ha servizi prenotabili online.</p> : null}
          {services?.map((s) => (
            <div className="form-check" key={s.id}>
              <input type="radio" name="service" id={`service-${s.id}`} checked={serviceId === s.id} onChange={() => props.onService(s.id)} />
              <label htmlFor={`service-${s.id}`}>
                <span className="fw-semibold">{s.name}</span>
                <br />
                <span className="small">
                  Durata {minutesLabel(s.durationMinutes)} · {s.mode === 'video' ? 'in videochiamata' : 'in presenza'}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

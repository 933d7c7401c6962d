// The kiosk's start screen: one large button per service, the priority toggle, "Ho un appuntamento".
// Video queues are left out: the kiosk hands out a paper number and goes back to the start, so it
// cannot follow a video call (that is the kiosk's own video capability, not the queue's).
import { useState } from 'react';
import type { OfficeQueueInfo } from '../../../../contracts/queue.ts';
import { Icon } from '../../shared/Icon.tsx';
import { waitingText, waitRangeText } from '../ticket-words.ts';

export function KioskStart(props: {
  info: OfficeQueueInfo;
  busy: boolean;
  error: string | undefined;
  onTake(serviceId: string, serviceName: string, priority: string | undefined): void;
  onAppointment(): void;
}) {
  const { info, busy } = props;
  const classes = info.priorityClasses;
  const [priorityOn, setPriorityOn] = useState(false);
  const [priority, setPriority] = useState<string>();
  const [needClass, setNeedClass] = useState(false);
  const queues = info.queues.filter((q) => q.kind === 'in_person' && q.services.length);

  function toggle() {
    const on = !priorityOn;
    setPriorityOn(on);
    setNeedClass(false);
    setPriority(on && classes.length === 1 ? classes[0]!.code : undefined);
  }

  function take(serviceId: string, serviceName: string) {
    if (priorityOn && !priority) {
      setNeedClass(true);
      return;
    }
    props.onTake(serviceId, serviceName, priorityOn ? priority : undefined);
  }

  return (
    <div className="kiosk-body">
      {props.error ? (
        <div className="alert alert-danger kiosk-alert" role="alert">
          {props.error}
        </div>
      ) : null}
      {info.open ? (
        <section aria-labelledby="kiosk-services-title">
          <h2 className="kiosk-h2" id="kiosk-services-title">
            Tocca il servizio per prendere il numero
          </h2>
          {queues.length === 0 ? <p>A questo totem non si prende il numero per i servizi di questo ufficio: chiedi al personale.</p> : null}
          <div className="kiosk-services">
            {queues.flatMap((q) =>
              q.services.map((s) => (
                <button type="button" key={s.id} className="btn btn-primary kiosk-service" disabled={busy} onClick={() => take(s.id, s.name)}>
                  <span className="kiosk-service-name">{s.name}</span>
                  <span className="kiosk-service-meta">
                    {waitingText(q.waiting)} · attesa {waitRangeText(q.estimatedWait)}
                  </span>
                  <span className="kiosk-service-action">Prendi il numero</span>
                </button>
              )),
            )}
          </div>
          {classes.length ? (
            <div className="kiosk-priority">
              <button type="button" className={`btn kiosk-toggle ${priorityOn ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={priorityOn} onClick={toggle}>
                <Icon name={priorityOn ? 'it-check-circle' : 'it-plus-circle'} className={`me-2 ${priorityOn ? 'icon-white' : 'icon-primary'}`} />
                Ho diritto alla precedenza
              </button>
              {priorityOn && classes.length > 1 ? (
                <fieldset className="kiosk-classes" aria-describedby={needClass ? 'kiosk-class-error' : 'kiosk-class-help'}>
                  <legend className="kiosk-legend">Perché hai diritto alla precedenza?</legend>
                  {needClass ? (
                    <p className="kiosk-error" id="kiosk-class-error" role="alert">
                      Scegli il motivo, poi tocca di nuovo il servizio.
                    </p>
                  ) : (
                    <p id="kiosk-class-help" className="mb-2">
                      È una tua dichiarazione: allo sportello potranno chiederti di mostrarne il motivo.
                    </p>
                  )}
                  {classes.map((c) => (
                    <label key={c.code} className={`kiosk-class${priority === c.code ? ' is-checked' : ''}`}>
                      <input
                        type="radio"
                        name="kiosk-priority"
                        value={c.code}
                        checked={priority === c.code}
                        onChange={() => {
                          setPriority(c.code);
                          setNeedClass(false);
                        }}
                      />
                      {c.label}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {priorityOn && classes.length === 1 ? (
                <p className="mt-2 mb-0">{classes[0]!.label}: è una tua dichiarazione, allo sportello potranno chiederti di mostrarne il motivo.</p>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : (
        <div className="alert alert-warning kiosk-alert" role="status">
          <p className="fw-semibold mb-1">In questo momento non si può prendere il numero.</p>
          <p className="mb-1">{info.closedReason ?? "L'ufficio è chiuso."}</p>
          {info.office.openingHours ? <p className="mb-0">Orari: {info.office.openingHours}</p> : null}
        </div>
      )}
      <section className="kiosk-appointment" aria-labelledby="kiosk-appointment-title">
        <h2 className="kiosk-h2" id="kiosk-appointment-title">
          Hai prenotato?
        </h2>
        <button type="button" className="btn btn-outline-primary kiosk-big" disabled={busy} onClick={props.onAppointment}>
          <Icon name="it-calendar" className="icon-primary me-2" />
          Ho un appuntamento
        </button>
        <p className="mt-2 mb-0">Oppure avvicina al lettore il codice QR dell'email di conferma.</p>
      </section>
    </div>
  );
}

// The number just taken (or the arrival just registered), large enough to read from a step back,
// with a "Stampa" for the kiosk's printer. The screen returns to the start by itself: the next person
// should not find someone else's number.
import { useEffect, useRef, useState } from 'react';
import type { TicketCreated } from '../../../../contracts/queue.ts';
import { when } from '../../shared/format.ts';
import { Icon } from '../../shared/Icon.tsx';
import { positionText, waitRangeText } from '../ticket-words.ts';

export type KioskOutcome = { kind: 'ticket'; created: TicketCreated; serviceName: string } | { kind: 'check-in'; created: TicketCreated | null };

const BACK_AFTER_S = 20;

export function KioskResult({ outcome, officeName, tenantName, onDone }: { outcome: KioskOutcome; officeName: string; tenantName: string; onDone(): void }) {
  const [left, setLeft] = useState(BACK_AFTER_S);
  const heading = useRef<HTMLHeadingElement>(null);
  const done = useRef(onDone);
  done.current = onDone;
  const takenAt = useRef(new Date()).current;

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const timer = window.setInterval(() => setLeft((n) => n - 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) done.current();
  }, [left]);
  // Someone still reading or printing gets the full time again at each touch (WCAG 2.2.1).
  useEffect(() => {
    const more = () => setLeft(BACK_AFTER_S);
    window.addEventListener('pointerdown', more);
    window.addEventListener('keydown', more);
    return () => {
      window.removeEventListener('pointerdown', more);
      window.removeEventListener('keydown', more);
    };
  }, []);

  const t = outcome.created;
  return (
    <section className="kiosk-body kiosk-result" aria-labelledby="kiosk-result-title">
      <div className="kiosk-ticket">
        <p className="kiosk-print-only kiosk-ticket-head">
          {tenantName}
          <br />
          {officeName}
        </p>
        <h2 className="kiosk-h2" id="kiosk-result-title" ref={heading} tabIndex={-1}>
          {outcome.kind === 'check-in' ? 'Arrivo registrato' : 'Il tuo numero'}
        </h2>
        {t ? (
          <>
            <p className="kiosk-number" data-testid="kiosk-number">
              {t.number}
            </p>
            {outcome.kind === 'ticket' ? <p className="kiosk-line">{outcome.serviceName}</p> : <p className="kiosk-line">Appuntamento: passerai avanti all'orario previsto.</p>}
            <p className="kiosk-line fw-semibold">{positionText(t.position)}</p>
            <p className="kiosk-line">Attesa stimata: {waitRangeText(t.estimatedWait)}</p>
            <p className="kiosk-line">Guarda il tabellone: il tuo numero comparirà con lo sportello a cui andare.</p>
          </>
        ) : (
          <p className="kiosk-line">Accomodati: l'ufficio ti chiamerà all'orario del tuo appuntamento.</p>
        )}
        <p className="kiosk-print-only">{when(takenAt)}</p>
      </div>
      <div className="kiosk-actions kiosk-noprint">
        {t ? (
          <button type="button" className="btn btn-primary kiosk-big" onClick={() => window.print()}>
            <Icon name="it-print" className="icon-white me-2" />
            Stampa
          </button>
        ) : null}
        <button type="button" className="btn btn-outline-primary kiosk-big" onClick={onDone}>
          Fine
        </button>
      </div>
      <p className="kiosk-noprint mt-3">La schermata torna all'inizio tra {Math.max(left, 0)} secondi.</p>
    </section>
  );
}

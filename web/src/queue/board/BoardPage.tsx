// The display board on the office's TV: the latest call (number → desk) very large, the previous
// calls, how many wait in each queue, the time. Every new call chimes and is spoken in Italian.
// Browsers keep sound off until someone touches the page: "Attiva l'audio" stays until then (a TV
// started with --autoplay-policy=no-user-gesture-required never shows it).
import { useCallback, useEffect, useState } from 'react';
import type { BoardCall } from '../../../../contracts/queue.ts';
import { useTenant } from '../../citizen/tenant.ts';
import { longDate, time } from '../../shared/format.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { BareFrame } from '../BareFrame.tsx';
import { audioRunning, playChime, unlockAudio } from '../chime.ts';
import { waitingText } from '../ticket-words.ts';
import { announceCall, speak } from './announcer.ts';
import { useBoardLive } from './useBoardLive.ts';
import './board.css';

export default function BoardPage({ officeId }: { officeId: string }) {
  const t = useTenant();
  const [audio, setAudio] = useState(audioRunning);
  const onCall = useCallback((c: BoardCall) => announceCall(c.number, c.deskName), []);
  const { board, connection, fresh, notFound } = useBoardLive(t.slug, officeId, onCall);
  const tz = board?.timeZone;
  const [latest, ...previous] = board?.calls ?? [];

  async function enableAudio() {
    const ok = await unlockAudio();
    setAudio(ok);
    if (ok) {
      playChime();
      void speak('Audio attivo.');
    }
  }

  if (notFound) {
    return (
      <BareFrame className="board-page">
        <header className="board-top">
          <div>
            <p className="board-comune">{t.name}</p>
            <PageHeading title="Ufficio non trovato" className="board-office" />
          </div>
        </header>
        <p className="board-empty">L'indirizzo del tabellone non corrisponde a nessun ufficio: controlla il link aperto su questo schermo.</p>
      </BareFrame>
    );
  }

  return (
    <BareFrame className="board-page">
      <header className="board-top">
        <div>
          <p className="board-comune">{board?.tenantName ?? t.name}</p>
          <PageHeading title={board?.office.name ?? 'Tabellone'} className="board-office" />
        </div>
        <BoardClock tz={tz} />
      </header>

      <div className="board-grid">
        <section className={`board-latest${latest && fresh === `${latest.ticketId}:${latest.callCount}` ? ' board-latest-new' : ''}`} aria-labelledby="board-latest-title">
          <h2 className="board-label" id="board-latest-title">
            Ultima chiamata
          </h2>
          <div aria-live="polite" aria-atomic="true" data-testid="board-latest">
            {latest ? (
              <p className="board-call">
                <span className="board-call-number">{latest.number}</span>
                <span className="board-call-desk">
                  <span className="board-call-arrow" aria-hidden="true">
                    →{' '}
                  </span>
                  <span className="visually-hidden">vai a </span>
                  {latest.deskName}
                </span>
              </p>
            ) : (
              <p className="board-empty">Nessuna chiamata per ora</p>
            )}
          </div>
        </section>

        <div className="board-side">
          <section aria-labelledby="board-previous-title">
            <h2 className="board-label" id="board-previous-title">
              Chiamate precedenti
            </h2>
            {previous.length ? (
              <table className="board-table">
                <thead>
                  <tr>
                    <th scope="col">Numero</th>
                    <th scope="col">Sportello</th>
                    <th scope="col">Ora</th>
                  </tr>
                </thead>
                <tbody>
                  {previous.slice(0, 6).map((c) => (
                    <tr key={`${c.ticketId}:${c.callCount}`}>
                      <td className="board-table-number">{c.number}</td>
                      <td>{c.deskName}</td>
                      <td>{time(c.at, tz)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="board-empty-small">Nessuna</p>
            )}
          </section>
          <section aria-labelledby="board-waiting-title">
            <h2 className="board-label" id="board-waiting-title">
              In attesa
            </h2>
            <ul className="board-queues">
              {board?.queues.map((q) => (
                <li key={q.prefix}>
                  <span className="board-queue-prefix">{q.prefix}</span>
                  <span className="board-queue-name">{q.name}</span>
                  <span className="board-queue-count">{waitingText(q.waiting)}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>

      {connection === 'reconnecting' || !audio ? (
        <div className="board-foot">
          {connection === 'reconnecting' ? (
            <p className="board-reconnecting" role="status">
              Riconnessione…
            </p>
          ) : null}
          {!audio ? (
            <button type="button" className="btn btn-light board-audio" onClick={() => void enableAudio()}>
              Attiva l'audio
            </button>
          ) : null}
        </div>
      ) : null}
    </BareFrame>
  );
}

/** Hours and minutes in the comune's time zone; redrawn often enough that the minute is never late. */
function BoardClock({ tz }: { tz: string | undefined }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 5_000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <p className="board-clock">
      <span className="board-clock-time">{time(now, tz)}</span>
      <span className="board-clock-date">{longDate(now, tz)}</span>
    </p>
  );
}

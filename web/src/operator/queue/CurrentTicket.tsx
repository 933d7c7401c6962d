// The ticket in hand at this desk, shown big (the officer reads it from a step away), with what can
// be done to it now. Only the actions its state allows are offered, so a wrong click cannot happen;
// the server checks again anyway and its message is shown if the state moved meanwhile.
import { useRef, useState } from 'react';
import type { DeskLine, LineTicket } from '../../../../contracts/queue.ts';
import { time } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { TextArea } from '../ui.tsx';
import { KIND_LABEL, laneText, pathOf, TICKET_STATUS } from './ticket-text.ts';
import { TransferForm, type TransferChoice } from './TransferForm.tsx';

export type TicketAction = 'recall' | 'start' | 'finish' | 'no-show' | 'park';

interface Props {
  ticket: LineTicket;
  tz: string;
  targets: DeskLine['transferTargets'];
  /** The officer's link to the video room minted when this desk called the ticket, if still known. */
  freshVideoUrl?: string;
  /** False while looking at a desk one is not signed in at: the ticket is shown, not handled. */
  canAct: boolean;
  onAction(action: TicketAction, note?: string): void;
  onTransfer(c: TransferChoice): void;
}

export function CurrentTicket({ ticket: t, tz, targets, freshVideoUrl, canAct, onAction, onTransfer }: Props) {
  const session = useSession();
  const [note, setNote] = useState('');
  const [transferring, setTransferring] = useState(false);
  const transferButton = useRef<HTMLButtonElement>(null);
  const called = t.status === 'called';
  const videoHref = freshVideoUrl ? pathOf(freshVideoUrl) : t.roomId ? `${session.base}/stanze/${encodeURIComponent(t.roomId)}/video` : undefined;

  return (
    <div className="card card-bg shadow-sm current-ticket" data-testid="current-ticket" data-status={t.status}>
      <div className="card-body">
        <div className="d-flex flex-wrap align-items-baseline gap-3">
          <p className="ticket-number mb-0" data-testid="current-number">
            <span className="visually-hidden">Numero </span>
            {t.number}
          </p>
          <span className={`badge ticket-state state-${t.status}`}>{TICKET_STATUS[t.status] ?? t.status}</span>
          {t.kind === 'video' ? <span className="badge bg-primary">{KIND_LABEL.video}</span> : null}
        </div>
        <dl className="ticket-facts mt-3">
          <div>
            <dt>Servizio</dt>
            <dd>
              {t.serviceName} <span className="text-muted-accessible">({t.queueName})</span>
            </dd>
          </div>
          <div>
            <dt>Accesso</dt>
            <dd>{laneText(t, tz)}</dd>
          </div>
          {t.calledAt ? (
            <div>
              <dt>Chiamato alle</dt>
              <dd>
                {time(t.calledAt, tz)} ({t.callCount === 1 ? '1 chiamata' : `${t.callCount} chiamate`})
              </dd>
            </div>
          ) : null}
          {t.servingSince ? (
            <div>
              <dt>In servizio dalle</dt>
              <dd>{time(t.servingSince, tz)}</dd>
            </div>
          ) : null}
          <div>
            <dt>Preso alle</dt>
            <dd>
              {time(t.takenAt, tz)}
              {t.hasEmail ? ' — avvisato per email' : ''}
            </dd>
          </div>
        </dl>

        {t.kind === 'video' && videoHref ? (
          <p>
            <a className="btn btn-success" href={videoHref} target="_blank" rel="noopener" data-testid="open-video">
              Apri videochiamata<span className="visually-hidden"> con il numero {t.number} (si apre in una nuova scheda)</span>
            </a>
          </p>
        ) : null}

        {canAct ? (
          <>
            <TextArea label="Nota sul servizio (facoltativa, salvata con «Termina»)" value={note} onChange={setNote} maxLength={2000} rows={2} />
            {/* biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not a form fieldset */}
            <div className="d-flex flex-wrap gap-2" role="group" aria-label={`Azioni sul numero ${t.number}`}>
              {called ? (
                <>
                  <button type="button" className="btn btn-outline-primary" onClick={() => onAction('recall')}>
                    Richiama
                  </button>
                  <button type="button" className="btn btn-primary" onClick={() => onAction('start')}>
                    Inizia servizio
                  </button>
                </>
              ) : null}
              <button type="button" className={`btn ${called ? 'btn-outline-primary' : 'btn-primary'}`} onClick={() => onAction('finish', note.trim() || undefined)}>
                Termina
              </button>
              {called ? (
                <button type="button" className="btn btn-outline-primary" onClick={() => onAction('no-show')}>
                  Non presentato
                </button>
              ) : null}
              <button type="button" className="btn btn-outline-primary" onClick={() => onAction('park')}>
                Sospendi
              </button>
              <button ref={transferButton} type="button" className="btn btn-outline-primary" aria-expanded={transferring} onClick={() => setTransferring((x) => !x)}>
                Trasferisci
              </button>
            </div>
            {transferring ? (
              <TransferForm
                ticket={t}
                targets={targets}
                onCancel={() => {
                  setTransferring(false);
                  // The form goes away: give focus back to the button that opened it.
                  window.requestAnimationFrame(() => transferButton.current?.focus());
                }}
                onSubmit={onTransfer}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

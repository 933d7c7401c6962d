// The console of one desk: the ticket in hand, "Chiama il prossimo", the parked tickets and the
// waiting line, kept live by the desk's WebSocket. Every action is one request; its outcome is
// announced in a polite live region and the line is fetched again (the server is the only truth).
import { useEffect, useRef, useState } from 'react';
import type { CallNextResponse, LineTicket } from '../../../../contracts/queue.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, type Outcome } from '../ui.tsx';
import { CurrentTicket, type TicketAction } from './CurrentTicket.tsx';
import { TakeOverConfirm, useDeskSignIn } from './DeskSignIn.tsx';
import { setFlash } from './flash.ts';
import { focusLater } from './focus.ts';
import { LiveIndicator } from './LiveIndicator.tsx';
import { TransferForm, type TransferChoice } from './TransferForm.tsx';
import { useDeskLine } from './useDeskLine.ts';
import { ParkedTickets, QueueCounts, WaitingLine } from './WaitingLine.tsx';

const DONE: Record<TicketAction, (n: string, t: LineTicket) => string> = {
  recall: (n, t) => `Numero ${n} richiamato (${t.callCount}ª chiamata).`,
  start: (n) => `Servizio del numero ${n} iniziato.`,
  finish: (n) => `Numero ${n} servito.`,
  'no-show': (n) => `Numero ${n} segnato come non presentato.`,
  park: (n) => `Numero ${n} sospeso: lo trovi tra i numeri sospesi.`,
};

export function DeskConsole({ deskId }: { deskId: string }) {
  const session = useSession();
  const { line, error, live, reload } = useDeskLine(deskId);
  const [outcome, setOutcome] = useState<Outcome>();
  const [fresh, setFresh] = useState<{ ticketId: string; url: string }>();
  const [parkedTransfer, setParkedTransfer] = useState<LineTicket>();
  const running = useRef(false);
  const callNextButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const wasMine = useRef<boolean | undefined>(undefined);
  const path = `desks/${encodeURIComponent(deskId)}`;
  const signIn = useDeskSignIn((d) => {
    setOutcome({ ok: true, message: `Sei collegato a ${d.name}: puoi chiamare i numeri.` });
    void reload();
  });

  const mine = line?.desk.mine;
  // Someone took over this desk while the officer was working at it: say so, do not just hide buttons.
  useEffect(() => {
    if (wasMine.current === true && mine === false)
      setOutcome({ ok: false, message: 'Non sei più collegato a questo sportello: un altro operatore è subentrato o lo hai lasciato da un’altra scheda.' });
    if (mine !== undefined) wasMine.current = mine;
  }, [mine]);

  // The button just pressed may have gone with the ticket (Termina, Sospendi…): keep the keyboard on
  // the page by moving focus to "Chiama il prossimo", the usual next step.
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    const a = document.activeElement;
    if (!a || a === document.body) callNextButton.current?.focus();
  }, [line]);

  async function run(work: () => Promise<string>): Promise<void> {
    if (running.current) return;
    running.current = true;
    setOutcome(undefined);
    try {
      setOutcome({ ok: true, message: await work() });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      refocus.current = true;
      await reload();
      running.current = false;
    }
  }

  const called = (r: CallNextResponse, how: string) => {
    if (r.officerVideoUrl) setFresh({ ticketId: r.ticket.id, url: r.officerVideoUrl });
    return `${how} il numero ${r.ticket.number}${r.ticket.kind === 'video' ? ' (videochiamata): usa «Apri videochiamata»' : ''}.`;
  };

  const callNext = () =>
    run(async () => {
      const before = line?.current?.number;
      const r = await session.call<CallNextResponse | undefined>(`${path}/call-next`, { method: 'POST' });
      const closed = before ? `Numero ${before} servito. ` : '';
      return r ? `${closed}${called(r, 'Chiamato')}` : `${closed}Nessuno in attesa.`;
    });
  const callOne = (t: LineTicket) => run(async () => called(await session.call<CallNextResponse>(`${path}/call/${t.id}`, { method: 'POST' }), 'Chiamato'));
  const resume = (t: LineTicket) => run(async () => called(await session.call<CallNextResponse>(`${path}/resume/${t.id}`, { method: 'POST' }), 'Ripreso e chiamato di nuovo'));
  const ticketAction = (action: TicketAction, note?: string) =>
    run(async () => {
      const r = await session.call<CallNextResponse>(`${path}/${action}`, { method: 'POST', ...(action === 'finish' ? { body: note ? { note } : {} } : {}) });
      return DONE[action](r.ticket.number, r.ticket);
    });
  const transfer = (c: TransferChoice) =>
    run(async () => {
      const r = await session.call<CallNextResponse>(`${path}/transfer`, { method: 'POST', body: c.body });
      setParkedTransfer(undefined);
      return `Numero ${r.ticket.number} trasferito a ${c.target}${c.body.keepPlace === false ? ', in fondo alla coda' : ', mantenendo il posto'}.`;
    });
  const leave = () =>
    run(async () => {
      await session.call(`${path}/session`, { method: 'DELETE' });
      setFlash(`Hai lasciato ${line?.desk.name ?? 'lo sportello'}.`);
      navigate(`${session.base}/coda`);
      return 'Hai lasciato lo sportello.';
    });

  const back = (
    <p className="mb-2">
      <Link href={`${session.base}/coda`}>← Tutti gli sportelli</Link>
    </p>
  );
  if (!line) {
    return (
      <>
        {back}
        <Heading title="Sportello" />
        {error ? <ErrorAlert message={error} /> : <Loading />}
      </>
    );
  }

  const { desk, current } = line;
  const canAct = desk.mine;
  return (
    <>
      {back}
      <Heading title={`${desk.name} — ${desk.office.name}`} />
      <div className="d-flex flex-wrap justify-content-between align-items-center gap-2 mb-2">
        <LiveIndicator state={live} onRefresh={() => void reload()} />
        {canAct ? (
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void leave()}>
            Lascia lo sportello
          </button>
        ) : null}
      </div>
      {error ? <ErrorAlert message={`Aggiornamento non riuscito: ${error} I dati mostrati potrebbero non essere aggiornati.`} /> : null}
      <OutcomeAlert outcome={outcome ?? signIn.outcome} />

      {!canAct ? (
        <div className="queue-notice my-3" data-testid="not-at-desk">
          <p>
            Non sei collegato a questo sportello{desk.occupiedBy ? `: ci lavora ${desk.occupiedBy.name}` : ''}. Puoi vedere la coda, ma per chiamare i numeri devi lavorare qui.
          </p>
          <button type="button" className="btn btn-primary" data-testid="sign-in-here" onClick={() => void signIn.signIn(desk)}>
            Lavora a questo sportello
          </button>
          {signIn.taken ? (
            <TakeOverConfirm
              taken={signIn.taken}
              busy={Boolean(signIn.busy)}
              onConfirm={() => void signIn.signIn(desk, true)}
              onCancel={() => {
                signIn.cancelTakeOver();
                focusLater('[data-testid="sign-in-here"]');
              }}
            />
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="in-hand" className="mb-5">
        <h2 className="h4 mt-3" id="in-hand">
          Numero in corso
        </h2>
        {canAct ? (
          <div className="d-flex flex-wrap align-items-center gap-3 mb-3">
            <button ref={callNextButton} type="button" className="btn btn-primary btn-lg" aria-describedby="call-next-hint" onClick={() => void callNext()}>
              Chiama il prossimo
            </button>
            <span id="call-next-hint" className="small">
              {current ? `Il numero ${current.number} verrà segnato come servito. ` : ''}
              {line.waiting.length === 0 ? 'Nessuno in attesa.' : line.waiting.length === 1 ? '1 numero in attesa.' : `${line.waiting.length} numeri in attesa.`}
            </span>
          </div>
        ) : null}
        {current ? (
          <CurrentTicket
            key={current.id}
            ticket={current}
            tz={line.timeZone}
            targets={line.transferTargets}
            freshVideoUrl={fresh?.ticketId === current.id ? fresh.url : undefined}
            canAct={canAct}
            onAction={(a, note) => void ticketAction(a, note)}
            onTransfer={(c) => void transfer(c)}
          />
        ) : (
          <p data-testid="no-current">Nessun numero in corso a questo sportello.</p>
        )}
      </section>

      <section aria-labelledby="waiting-title" className="mb-5">
        <h2 className="h4" id="waiting-title">
          In attesa
        </h2>
        <QueueCounts line={line} />
        <WaitingLine line={line} canAct={canAct} onCall={(t) => void callOne(t)} />
      </section>

      <section aria-labelledby="parked-title" className="mb-5">
        <h2 className="h4" id="parked-title">
          Numeri sospesi
        </h2>
        <ParkedTickets line={line} canAct={canAct} onResume={(t) => void resume(t)} onTransfer={setParkedTransfer} />
        {parkedTransfer && line.parked.some((t) => t.id === parkedTransfer.id) ? (
          <TransferForm
            key={parkedTransfer.id}
            ticket={parkedTransfer}
            targets={line.transferTargets}
            parked
            onSubmit={(c) => void transfer(c)}
            onCancel={() => {
              setParkedTransfer(undefined);
              focusLater(`tr[data-ticket-id="${parkedTransfer.id}"] .parked-transfer`);
            }}
          />
        ) : null}
      </section>
    </>
  );
}

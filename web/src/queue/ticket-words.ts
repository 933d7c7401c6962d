// How the queue speaks to citizens: waits, places in line and ticket states in plain Italian.
import type { TicketStatus, WaitRange } from '../../../contracts/queue.ts';
import { minutesLabel } from '../shared/format.ts';

/** "da 5 a 10 minuti", "fino a 2 minuti", "circa 5 minuti", "da 45 minuti a 1 ora e 10 minuti". */
export function waitRangeText(w: WaitRange): string {
  if (w.maxMinutes <= 1) return 'meno di un minuto';
  if (w.minMinutes === w.maxMinutes) return `circa ${minutesLabel(w.minMinutes)}`;
  if (w.minMinutes === 0) return `fino a ${minutesLabel(w.maxMinutes)}`;
  if (w.maxMinutes < 60) return `da ${w.minMinutes} a ${w.maxMinutes} minuti`;
  return `da ${minutesLabel(w.minMinutes)} a ${minutesLabel(w.maxMinutes)}`;
}

/** `position` 1 is the next to be called; with no desk open, nobody is called yet. */
export function positionText(position: number, desksOpen = true): string {
  const ahead = position - 1;
  if (ahead <= 0) return desksOpen ? 'Sei il prossimo' : 'Sei il primo in fila: sarai chiamato appena apre uno sportello';
  return `Prima di te: ${ahead} ${ahead === 1 ? 'persona' : 'persone'}`;
}

/** The wait in words; with no desk open there is nothing to estimate it from yet. */
export function estimatedWaitText(w: WaitRange | null, openDesks: number): string | null {
  if (openDesks === 0) return 'si potrà stimare quando apre uno sportello';
  return w ? waitRangeText(w) : null;
}

export function waitingText(n: number): string {
  if (n === 0) return 'Nessuno in attesa';
  return `${n} ${n === 1 ? 'persona' : 'persone'} in attesa`;
}

export const STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: 'In attesa',
  called: 'Chiamato: è il tuo turno',
  serving: 'Allo sportello',
  parked: 'In pausa: ti richiameranno',
  done: 'Servizio concluso',
  no_show: 'Non presentato alla chiamata',
  left: 'Uscito dalla coda',
  expired: 'Numero non più valido',
};

/** What a finished ticket means, and what to do next. */
export const ENDED_EXPLANATION: Partial<Record<TicketStatus, string>> = {
  done: 'Il servizio è concluso. Grazie per essere venuto in ufficio.',
  no_show:
    'Sei stato chiamato ma non ti sei presentato allo sportello, quindi il numero è stato chiuso. Se sei ancora in ufficio, rivolgiti al personale oppure prendi un nuovo numero.',
  left: 'Sei uscito dalla coda: questo numero non sarà più chiamato. Se cambi idea, prendi un nuovo numero.',
  expired: "Il numero non è più valido: la giornata di apertura dell'ufficio è finita. Se hai ancora bisogno, prendi un nuovo numero.",
};

export function isEnded(status: TicketStatus): boolean {
  return status === 'done' || status === 'no_show' || status === 'left' || status === 'expired';
}

/** The video queue is offered as what it is for the citizen. */
export const VIDEO_QUEUE_TITLE = 'Parla ora con un operatore in videochiamata';

// How the desk console puts a ticket into words: its state, why it stands where it stands in the
// line (the "lane"), and the addresses of an office's public screens. Words, not colours: every
// badge on screen says what it means.
import type { LineTicket } from '../../../../contracts/queue.ts';
import type { TicketStatus } from '../../../../contracts/statuses.ts';
import { time } from '../../shared/format.ts';

export const TICKET_STATUS: Record<TicketStatus, string> = {
  waiting: 'In attesa',
  called: 'Chiamato',
  serving: 'In servizio',
  parked: 'Sospeso',
  done: 'Servito',
  no_show: 'Non presentato',
  left: 'Uscito dalla coda',
  expired: 'Scaduto',
};

/** "Appuntamento delle 10:15 (Lucia Ferri)", "Precedenza: donna in gravidanza", … */
export function laneText(t: LineTicket, tz: string): string {
  switch (t.lane) {
    case 'appointment': {
      if (!t.appointment) return 'Appuntamento';
      const who = t.appointment.applicant ? ` — ${t.appointment.applicant}` : '';
      return `Appuntamento delle ${time(t.appointment.start, tz)}${who}${t.appointment.late ? ' (arrivato in ritardo)' : ''}`;
    }
    case 'priority':
      return `Precedenza: ${t.priority ?? 'sì'}`;
    case 'desk':
      return 'Trasferito a questo sportello';
    default:
      return 'In coda';
  }
}

/** A short lane name for the waiting table, where the details sit in their own cell. */
export const LANE_SHORT: Record<LineTicket['lane'], string> = {
  appointment: 'Appuntamento',
  priority: 'Precedenza',
  desk: 'Trasferito qui',
  walk_in: 'In coda',
};

export const KIND_LABEL = { in_person: 'Di persona', video: 'Videochiamata' } as const;

/** The office's public screens (the citizen pages): display board, kiosk and printable poster. */
export function officeScreens(slug: string, officeId: string) {
  const base = `/${slug}/uffici/${encodeURIComponent(officeId)}`;
  return [
    { href: `${base}/tabellone`, label: 'Tabellone' },
    { href: `${base}/chiosco`, label: 'Chiosco' },
    { href: `${base}/locandina`, label: 'Locandina con QR code' },
  ];
}

/** The path of an absolute link of ours (the server writes PUBLIC_URL into links). */
export const pathOf = (url: string) => {
  const u = new URL(url, window.location.href);
  return `${u.pathname}${u.search}`;
};

const number1 = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** "4,5 min"; "—" when there is nothing to average. */
export function minutes(n: number | null): string {
  return n === null ? '—' : `${number1.format(n)} min`;
}

// The views of a snapshot: the citizen's ticket, the office's queue page, the display board and the
// officer's line. Pure functions of an OfficeSnapshot (plus the citizen's own token for links).
import type { BoardView, DeskLine, LineTicket as LineTicketView, OfficeQueueInfo, OperatorDesk, TicketView } from '../../../contracts/queue.ts';
import type { Config } from '../../config.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { deskLine, laneOf } from './domain/line-order.ts';
import { toLineTicket, waitingOf, desksFor, type OfficeSnapshot } from './office-snapshot.ts';
import { placements, waitFor, waitForNewcomer, type Placement } from './line-positions.ts';
import type { DeskRow, LineRow } from './repository.ts';
import type { TicketWindow } from './domain/ticket-window.ts';

const iso = (s: OfficeSnapshot, ms: number | null) => (ms === null ? null : formatInstant(ms, s.tenant.time_zone));

function serviceName(s: OfficeSnapshot, serviceId: string): string {
  for (const q of s.queues) for (const sv of q.services) if (sv.id === serviceId) return sv.name;
  return 'Servizio';
}

function queueOf(s: OfficeSnapshot, queueId: string) {
  return s.queues.find((q) => q.id === queueId);
}

function priorityLabel(s: OfficeSnapshot, code: string | null): string | null {
  if (!code) return null;
  return s.tenant.priority_classes.find((c) => c.code === code)?.label ?? code;
}

export function ticketPageUrl(config: Config, slug: string, ticketId: string, token: string): string {
  return `${config.publicUrl}/${slug}/biglietto/${ticketId}?token=${token}`;
}

/** The video room of a called video ticket: the ticket's own token is the citizen's credential. */
export function ticketVideoUrl(config: Config, slug: string, token: string): string {
  return `${config.publicUrl}/${slug}/video/${token}`;
}

/** `place`: where the ticket stands when the snapshot left the line out (counted in SQL instead). */
export function ticketView(s: OfficeSnapshot, t: LineRow, config: Config, token: string, place?: Placement): TicketView {
  const queue = queueOf(s, t.queue_id);
  const waitingToday = t.status === 'waiting' && t.service_day === s.day;
  if (waitingToday && !place && s.complete) place = placements(s).get(t.id);
  const atDesk = t.status === 'called' || t.status === 'serving' || t.status === 'parked';
  const desk = atDesk && t.desk_id ? s.desks.find((d) => d.id === t.desk_id) : undefined;
  return {
    id: t.id,
    number: t.number,
    status: waitingToday || t.status !== 'waiting' ? t.status : 'expired',
    kind: queue?.kind ?? 'in_person',
    officeId: s.office.id,
    officeName: s.office.name,
    officeAddress: s.office.address,
    queueName: queue?.name ?? '',
    serviceName: serviceName(s, t.service_id),
    takenAt: iso(s, t.created_at)!,
    appointment: t.appointment_at ? { reference: t.booking_reference ?? '', start: iso(s, t.appointment_at)!, late: t.late } : null,
    priority: priorityLabel(s, t.priority_class),
    position: waitingToday ? (place?.position ?? null) : null,
    estimatedWait: waitingToday && place ? waitFor(s, t, place) : null,
    almostYourTurn: place !== undefined && waitingToday && place.position - 1 <= s.office.queue_alert_ahead,
    openDesks: t.target_desk_id ? (s.desks.find((d) => d.id === t.target_desk_id)?.operator ? 1 : 0) : desksFor(s, t.queue_id).open,
    desk: desk ? { name: desk.name } : null,
    calledAt: iso(s, t.last_called_at),
    callCount: t.call_count,
    videoUrl: queue?.kind === 'video' && t.room_id && (t.status === 'called' || t.status === 'serving') ? ticketVideoUrl(config, s.tenant.slug, token) : null,
    timeZone: s.tenant.time_zone,
  };
}

export function officeQueueInfo(s: OfficeSnapshot, window: TicketWindow, config: Config): OfficeQueueInfo {
  return {
    office: { id: s.office.id, name: s.office.name, address: s.office.address, openingHours: s.office.opening_hours },
    open: window.open && s.office.active,
    closedReason: !s.office.active ? "L'ufficio non è attivo." : window.open ? null : window.reason,
    queues: s.queues
      .filter((q) => q.active && q.services.some((sv) => sv.active))
      .map((q) => {
        const { waiting, wait } = waitForNewcomer(s, q.id);
        return {
          id: q.id,
          name: q.name,
          prefix: q.prefix,
          kind: q.kind,
          services: q.services.filter((sv) => sv.active).map((sv) => ({ id: sv.id, name: sv.name, durationMinutes: sv.duration_min })),
          waiting,
          estimatedWait: wait,
          openDesks: desksFor(s, q.id).open,
        };
      }),
    priorityClasses: s.tenant.priority_classes,
    takeTicketUrl: `${config.publicUrl}/${s.tenant.slug}/uffici/${s.office.id}/coda?origine=qr`,
  };
}

export function boardView(s: OfficeSnapshot, calls: Array<{ id: string; number: string; last_called_at: Date | null; call_count: number; desk_name: string }>): BoardView {
  const waiting = waitingOf(s);
  return {
    office: { id: s.office.id, name: s.office.name },
    tenantName: s.tenant.name,
    calls: calls.map((c) => ({
      ticketId: c.id,
      number: c.number,
      deskName: c.desk_name,
      at: iso(s, c.last_called_at ? c.last_called_at.getTime() : null)!,
      callCount: c.call_count,
    })),
    queues: s.queues.filter((q) => q.active).map((q) => ({ name: q.name, prefix: q.prefix, waiting: waiting.filter((t) => t.queueId === q.id).length })),
    timeZone: s.tenant.time_zone,
  };
}

// ---- officer ----

export function operatorDesk(s: OfficeSnapshot, d: DeskRow, operatorId: string): OperatorDesk {
  return {
    id: d.id,
    name: d.name,
    takesVideo: d.takes_video,
    office: { id: s.office.id, name: s.office.name },
    queues: s.queues
      .filter((q) => d.queueIds.includes(q.id) && q.active && (q.kind === 'in_person' || d.takes_video))
      .map((q) => ({ id: q.id, name: q.name, prefix: q.prefix, kind: q.kind })),
    occupiedBy: d.operator,
    mine: d.operator?.id === operatorId,
  };
}

export function lineTicketView(s: OfficeSnapshot, t: LineRow, deskId: string | undefined): LineTicketView {
  const queue = queueOf(s, t.queue_id);
  return {
    id: t.id,
    number: t.number,
    status: t.status,
    kind: queue?.kind ?? 'in_person',
    queueId: t.queue_id,
    queueName: queue?.name ?? '',
    serviceName: serviceName(s, t.service_id),
    takenAt: iso(s, t.created_at)!,
    lane: laneOf(toLineTicket(t), s.now, s.rules, deskId),
    appointment: t.appointment_at ? { reference: t.booking_reference ?? '', start: iso(s, t.appointment_at)!, applicant: t.citizen_name ?? '', late: t.late } : null,
    priority: priorityLabel(s, t.priority_class),
    calledAt: iso(s, t.last_called_at),
    callCount: t.call_count,
    servingSince: iso(s, t.serve_started_at),
    hasEmail: t.has_email,
    roomId: t.room_id,
  };
}

export function deskLineView(s: OfficeSnapshot, desk: DeskRow, operatorId: string): DeskLine {
  const queueIds = new Set(operatorDesk(s, desk, operatorId).queues.map((q) => q.id));
  const waiting = waitingOf(s);
  const order = deskLine(waiting, desk.id, queueIds, s.now, s.rules);
  const byId = new Map(s.tickets.map((t) => [t.id, t]));
  const current = s.tickets.find((t) => t.desk_id === desk.id && (t.status === 'called' || t.status === 'serving'));
  return {
    desk: operatorDesk(s, desk, operatorId),
    current: current ? lineTicketView(s, current, desk.id) : null,
    parked: s.tickets.filter((t) => t.desk_id === desk.id && t.status === 'parked').map((t) => lineTicketView(s, t, desk.id)),
    waiting: order.map((t) => lineTicketView(s, byId.get(t.id)!, desk.id)),
    transferTargets: {
      queues: s.queues.filter((q) => q.active).map((q) => ({ id: q.id, name: q.name, prefix: q.prefix, kind: q.kind })),
      desks: s.desks.filter((d) => d.active && d.id !== desk.id).map((d) => ({ id: d.id, name: d.name })),
    },
    timeZone: s.tenant.time_zone,
  };
}

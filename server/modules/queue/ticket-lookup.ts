// One citizen's ticket, for the answers of the HTTP API (taking a number, reading it, leaving):
// the office's set-up and the tickets at the desks from a snapshot without the waiting line, and
// the ticket's place counted by the database. Cheap however long the line; the live channels use
// full snapshots instead (one per change, shared by every screen of the office).
import type { TicketCreated, TicketView } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import { ticketNotFound } from './errors.ts';
import { waitFor, type Placement } from './line-positions.ts';
import type { QueueLiveHub } from './live-hub.ts';
import type { OfficeSnapshot, SnapshotTenant } from './office-snapshot.ts';
import { ticketsAheadByService, type LineRow } from './repository.ts';
import { ticketPageUrl, ticketView } from './views.ts';

async function placeOf(ctx: AppContext, s: OfficeSnapshot, ticketId: string): Promise<Placement | undefined> {
  const ahead = await ticketsAheadByService(ctx.db, ticketId, s.day, new Date(s.now + s.office.queue_early_min * 60_000));
  if (!ahead) return undefined;
  return { position: 1 + ahead.reduce((n, r) => n + r.n, 0), aheadMinutes: ahead.reduce((m, r) => m + r.n * s.handlingMinutes(r.service_id), 0) };
}

async function load(
  ctx: AppContext,
  hub: QueueLiveHub,
  tenant: SnapshotTenant,
  officeId: string,
  ticketId: string,
): Promise<{ s: OfficeSnapshot; t: LineRow; place: Placement | undefined }> {
  const s = await hub.snapshot(tenant, officeId, [ticketId], { withWaiting: false });
  const t = s?.tickets.find((x) => x.id === ticketId);
  if (!s || !t) throw ticketNotFound();
  return { s, t, place: await placeOf(ctx, s, ticketId) };
}

export async function loadTicketView(ctx: AppContext, hub: QueueLiveHub, tenant: SnapshotTenant, officeId: string, ticketId: string, token: string): Promise<TicketView> {
  const { s, t, place } = await load(ctx, hub, tenant, officeId, ticketId);
  return ticketView(s, t, ctx.config, token, place);
}

export async function loadTicketCreated(ctx: AppContext, hub: QueueLiveHub, tenant: SnapshotTenant, officeId: string, ticketId: string, token: string): Promise<TicketCreated> {
  const { s, t, place } = await load(ctx, hub, tenant, officeId, ticketId);
  return {
    id: t.id,
    number: t.number,
    position: place?.position ?? 1,
    estimatedWait: place ? waitFor(s, t, place) : { minMinutes: 0, maxMinutes: 2 },
    trackUrl: ticketPageUrl(ctx.config, tenant.slug, t.id, token),
    token,
  };
}

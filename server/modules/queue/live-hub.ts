// Live screens of the queue on this node: display boards, citizens' ticket pages and officers' desk
// consoles, by office. Every change of an office's line is an event on the bus (ticket, desk and
// queue events carry the office) and every node refreshes the offices it has screens for: one snapshot read per
// office, then each screen gets its own view. Refreshes of one office never overlap; notices that
// arrive meanwhile fold into one more refresh. A periodic refresh follows the clock (an appointment
// enters its lane 15 minutes before its time with nothing else happening).
import type { WebSocket } from 'ws';
import type { LiveMessage } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import { HandlingTimes, loadOfficeSnapshot, OfficeSetups, type OfficeSnapshot, type QueueCaches, type SnapshotTenant } from './office-snapshot.ts';
import { recentCalls } from './repository.ts';
import { boardView, ticketView } from './views.ts';

const BOARD_CALLS = 8;
const CLOCK_REFRESH_MS = 30_000;

type Screen =
  | { kind: 'board'; socket: WebSocket; last?: string }
  | { kind: 'ticket'; socket: WebSocket; ticketId: string; token: string; last?: string }
  | { kind: 'desk'; socket: WebSocket };

interface OfficeScreens {
  tenant: SnapshotTenant;
  screens: Set<Screen>;
  running: boolean;
  again: boolean;
}

export class QueueLiveHub {
  readonly caches: QueueCaches = { handling: new HandlingTimes(), setups: new OfficeSetups() };
  private readonly offices = new Map<string, OfficeScreens>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {}

  /** An event changed an office's line (or its set-up, which is read again first). */
  officeChanged(officeId: string, setup: boolean): void {
    if (setup) this.caches.setups.forget(officeId);
    if (this.offices.has(officeId)) void this.refresh(officeId);
  }

  /** The notification channel was down: every screen is brought up to date, set-ups read again. */
  resync(): void {
    this.caches.setups.forget();
    for (const id of this.offices.keys()) void this.refresh(id);
  }

  async start(): Promise<void> {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      for (const id of this.offices.keys()) void this.refresh(id);
    }, CLOCK_REFRESH_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const o of this.offices.values()) for (const s of o.screens) s.socket.close(1001, 'server shutting down');
    this.offices.clear();
  }

  /** Screens connected to this node (metrics, tests, benchmarks). */
  get screens(): number {
    let n = 0;
    for (const o of this.offices.values()) n += o.screens.size;
    return n;
  }

  snapshot(tenant: SnapshotTenant, officeId: string, alsoTicketIds: readonly string[] = [], opts: { withWaiting?: boolean } = {}): Promise<OfficeSnapshot | null> {
    return loadOfficeSnapshot(this.ctx, this.caches, tenant, officeId, alsoTicketIds, opts);
  }

  /** This node changed an office's set-up: read it again at once (other nodes hear the notice). */
  forgetSetups(): void {
    this.caches.setups.forget();
  }

  /** Adds a screen and sends it its first view at once. */
  attach(tenant: SnapshotTenant, officeId: string, screen: Screen): void {
    let office = this.offices.get(officeId);
    if (!office) this.offices.set(officeId, (office = { tenant, screens: new Set(), running: false, again: false }));
    office.screens.add(screen);
    screen.socket.on('message', (data) => {
      if (data.toString() === '{"type":"ping"}') send(screen.socket, { type: 'pong' });
    });
    screen.socket.on('close', () => {
      office.screens.delete(screen);
      if (!office.screens.size) this.offices.delete(officeId);
    });
    screen.socket.on('error', () => undefined);
    if (screen.kind === 'desk') send(screen.socket, { type: 'changed', at: this.ctx.clock.now().toISOString() });
    else void this.refresh(officeId);
  }

  private async refresh(officeId: string): Promise<void> {
    const office = this.offices.get(officeId);
    if (!office) return;
    if (office.running) {
      office.again = true;
      return;
    }
    office.running = true;
    try {
      do {
        office.again = false;
        await this.push(office, officeId);
      } while (office.again && this.offices.has(officeId));
    } catch (err) {
      this.ctx.log.warn({ err, officeId }, 'queue live refresh failed');
    } finally {
      office.running = false;
    }
  }

  private async push(office: OfficeScreens, officeId: string): Promise<void> {
    const screens = [...office.screens];
    const ticketIds = screens.flatMap((s) => (s.kind === 'ticket' ? [s.ticketId] : []));
    const snap = await this.snapshot(office.tenant, officeId, ticketIds);
    if (!snap) return;
    const byId = new Map(snap.tickets.map((t) => [t.id, t]));
    let board: string | undefined;
    if (screens.some((s) => s.kind === 'board')) {
      board = JSON.stringify({ type: 'board', board: boardView(snap, await recentCalls(this.ctx.db, officeId, snap.day, BOARD_CALLS)) } satisfies LiveMessage);
    }
    const changed = JSON.stringify({ type: 'changed', at: new Date(snap.now).toISOString() } satisfies LiveMessage);
    for (const s of screens) {
      if (s.kind === 'board') sendOnce(s, board!);
      else if (s.kind === 'desk') sendRaw(s.socket, changed);
      else {
        const t = byId.get(s.ticketId);
        if (t) sendOnce(s, JSON.stringify({ type: 'ticket', ticket: ticketView(snap, t, this.ctx.config, s.token) } satisfies LiveMessage));
      }
    }
  }
}

function send(socket: WebSocket, m: LiveMessage): void {
  sendRaw(socket, JSON.stringify(m));
}

function sendRaw(socket: WebSocket, text: string): void {
  if (socket.readyState === socket.OPEN) socket.send(text);
}

/** Boards and ticket pages get a message only when their view changed. */
function sendOnce(s: { socket: WebSocket; last?: string }, text: string): void {
  if (s.last === text) return;
  s.last = text;
  sendRaw(s.socket, text);
}

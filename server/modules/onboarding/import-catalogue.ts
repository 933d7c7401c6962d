// Imports a catalogue into a comune in one transaction, matching offices by name within the comune
// and services and desks by name within their office (case-insensitive): a record not there is
// created, one whose given fields differ is updated, one that matches is left alone, so running the
// same file twice changes nothing the second time. Records missing from the file are never deleted
// (the console disables them). Each change is audited as the console's would be, by the system actor
// "cli". The comune's row is locked first, so two imports into one comune run one after the other and
// cannot both create the same office. Any problem rolls everything back; a dry run rolls back on
// purpose after writing, so what it reports is exactly what a real run would do.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { CLI_ACTOR } from './create-comune.ts';
import { OnboardingError } from './errors.ts';
import type { CatalogueSpec, DeskSpec, Hours, OfficeSpec } from './import-format.ts';

export interface ImportReport {
  comune: { slug: string; name: string };
  dryRun: boolean;
  /** One line per change: "+ …" created, "~ …" changed. */
  changes: string[];
  counts: { offices: Counts; services: Counts; desks: Counts; hours: number };
}
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

const OFFICE_COLUMNS = { description: 'description', address: 'address', phone: 'phone', email: 'email', openingHours: 'opening_hours', active: 'active' } as const;
const SERVICE_COLUMNS = {
  description: 'description',
  topic: 'topic',
  durationMinutes: 'duration_min',
  bufferMinutes: 'buffer_min',
  minNoticeMinutes: 'min_notice_min',
  horizonDays: 'horizon_days',
  cutoffMinutes: 'cutoff_min',
  mode: 'mode',
  whatToBring: 'what_to_bring',
  maxActivePerCitizen: 'max_active_per_citizen',
  requiresApproval: 'requires_approval',
  videoOpensBeforeMinutes: 'video_opens_before_min',
  videoClosesAfterMinutes: 'video_closes_after_min',
  active: 'active',
} as const;

type Changes = Record<string, { from: unknown; to: unknown }>;
const key = (name: string) => name.trim().toLowerCase();
const clean = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v) : String(v));
const describe = (changes: Changes) =>
  Object.entries(changes)
    .map(([f, c]) => `${f} ${shown(c.from)} → ${shown(c.to)}`)
    .join(', ');

/** The columns to write and the changes to audit: given fields whose value differs from the row's. */
function diff(spec: Record<string, unknown>, row: Record<string, unknown> | undefined, columns: Record<string, string>): { cols: Record<string, unknown>; changes: Changes } {
  const cols: Record<string, unknown> = {};
  const changes: Changes = {};
  if (row && spec.name !== undefined && clean(spec.name) !== row.name) {
    cols.name = clean(spec.name);
    changes.name = { from: row.name, to: cols.name };
  }
  for (const [field, column] of Object.entries(columns)) {
    if (spec[field] === undefined) continue;
    const to = clean(spec[field]);
    if (row && row[column] === to) continue;
    cols[column] = to;
    if (row) changes[field] = { from: row[column], to };
  }
  return { cols, changes };
}

const DAY = ['', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'];
const sortHours = (h: Hours) => [...h].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
const hoursText = (h: Hours) =>
  h.length
    ? sortHours(h)
        .map((i) => `${DAY[i.weekday]} ${i.start}-${i.end}`)
        .join(', ')
    : 'none';
const sameHours = (a: Hours, b: Hours) => JSON.stringify(sortHours(a)) === JSON.stringify(sortHours(b));

class DryRunRollback extends Error {}

export async function importCatalogue(ctx: AppContext, slug: string, spec: CatalogueSpec, opts: { dryRun?: boolean; source: string }): Promise<ImportReport> {
  let report: ImportReport | undefined;
  try {
    await ctx.bus.transaction(ctx.db, async (trx) => {
      const tenant = await trx.selectFrom('tenants').select(['id', 'name']).where('slug', '=', slug).forUpdate().executeTakeFirst();
      if (!tenant) throw new OnboardingError(`No comune with the slug "${slug}": create it first with "comune create" (see "comune list").`);
      const run = new ImportRun(ctx, trx, tenant.id, opts.source);
      for (const office of spec.offices) await run.office(office);
      if (run.problems.length) throw new OnboardingError(`Nothing was imported into ${tenant.name}:`, run.problems);
      report = { comune: { slug, name: tenant.name }, dryRun: Boolean(opts.dryRun), changes: run.changes, counts: run.counts };
      if (opts.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return report!;
}

class ImportRun {
  readonly problems: string[] = [];
  readonly changes: string[] = [];
  readonly counts = { offices: counts(), services: counts(), desks: counts(), hours: 0 };

  constructor(
    private readonly ctx: AppContext,
    private readonly trx: Transaction<DB>,
    private readonly tenantId: string,
    private readonly source: string,
  ) {}

  private record(action: 'office.created' | 'office.updated' | 'service.created' | 'service.updated', entityId: string, officeId: string, details: Record<string, unknown>) {
    return this.ctx.bus.record(this.trx, { tenantId: this.tenantId, actor: CLI_ACTOR, action, entityId, details: { ...details, import: this.source }, payload: { officeId } });
  }

  private recordDesk(action: 'desk.created' | 'desk.updated' | 'desk.hours-changed', deskId: string, officeId: string, details: Record<string, unknown>) {
    return this.ctx.bus.record(this.trx, {
      tenantId: this.tenantId,
      actor: CLI_ACTOR,
      action,
      entityId: deskId,
      details: { ...details, import: this.source },
      payload: { officeId, deskId },
    });
  }

  async office(spec: OfficeSpec): Promise<void> {
    const { where, services, desks, ...fields } = spec;
    const rows = await this.trx.selectFrom('offices').selectAll().where('tenant_id', '=', this.tenantId).execute();
    const matches = rows.filter((r) => key(r.name) === key(spec.name));
    if (matches.length > 1) return void this.problems.push(`${where}: the comune has ${matches.length} offices named "${spec.name}"; rename one in the console first`);
    let row = matches[0];
    const { cols, changes } = diff(fields, row, OFFICE_COLUMNS);
    if (!row) {
      if (!spec.address?.trim()) return void this.problems.push(`${where}: "${spec.name}" is a new office: its address is required`);
      row = await this.trx
        .insertInto('offices')
        .values({ tenant_id: this.tenantId, name: spec.name.trim(), address: spec.address.trim(), ...cols })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.record('office.created', row.id, row.id, { ...fields });
      this.changes.push(`+ office "${row.name}"`);
      this.counts.offices.created++;
    } else if (Object.keys(changes).length) {
      await this.trx.updateTable('offices').set(cols).where('id', '=', row.id).execute();
      await this.record('office.updated', row.id, row.id, { changes });
      this.changes.push(`~ office "${row.name}": ${describe(changes)}`);
      this.counts.offices.updated++;
    } else this.counts.offices.unchanged++;
    for (const service of services) await this.service(row.id, row.name, service);
    for (const desk of desks) await this.desk(row.id, row.name, desk);
  }

  private async service(officeId: string, officeName: string, spec: OfficeSpec['services'][number]): Promise<void> {
    const { where, ...fields } = spec;
    const rows = await this.trx.selectFrom('services').selectAll().where('office_id', '=', officeId).execute();
    const matches = rows.filter((r) => key(r.name) === key(spec.name));
    if (matches.length > 1) return void this.problems.push(`${where}: the office has ${matches.length} services named "${spec.name}"; rename one in the console first`);
    const row = matches[0];
    const { cols, changes } = diff(fields, row, SERVICE_COLUMNS);
    if (!row) {
      if (spec.durationMinutes === undefined) return void this.problems.push(`${where}: "${spec.name}" is a new service: its durationMinutes is required`);
      const created = await this.trx
        .insertInto('services')
        .values({ tenant_id: this.tenantId, office_id: officeId, name: spec.name.trim(), duration_min: spec.durationMinutes, ...cols })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.record('service.created', created.id, officeId, { ...fields });
      this.changes.push(`+ service "${spec.name.trim()}" (${officeName})`);
      this.counts.services.created++;
    } else if (Object.keys(changes).length) {
      await this.trx.updateTable('services').set(cols).where('id', '=', row.id).execute();
      await this.record('service.updated', row.id, officeId, { changes });
      this.changes.push(`~ service "${row.name}" (${officeName}): ${describe(changes)}`);
      this.counts.services.updated++;
    } else this.counts.services.unchanged++;
  }

  private async desk(officeId: string, officeName: string, spec: DeskSpec): Promise<void> {
    const services = await this.trx.selectFrom('services').select(['id', 'name']).where('office_id', '=', officeId).execute();
    const serviceIds: string[] = [];
    for (const name of spec.services ?? []) {
      const found = services.filter((s) => key(s.name) === key(name));
      if (found.length === 1) serviceIds.push(found[0]!.id);
      else this.problems.push(`${spec.where}: ${found.length ? 'more than one service' : 'no service'} named "${name}" in the office "${officeName}"`);
    }
    const rows = await this.trx.selectFrom('desks').select(['id', 'name', 'active']).where('office_id', '=', officeId).execute();
    const matches = rows.filter((r) => key(r.name) === key(spec.name));
    if (matches.length > 1) return void this.problems.push(`${spec.where}: the office has ${matches.length} desks named "${spec.name}"; rename one in the console first`);
    const row = matches[0];
    const label = `desk "${row?.name ?? spec.name.trim()}" (${officeName})`;
    if (!row) {
      // A new desk offers what the file says, or every service of its office.
      const offered = spec.services ? serviceIds : services.map((s) => s.id);
      const desk = await this.trx
        .insertInto('desks')
        .values({ tenant_id: this.tenantId, office_id: officeId, name: spec.name.trim(), ...(spec.active !== undefined ? { active: spec.active } : {}) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.replaceServices(desk.id, offered);
      await this.recordDesk('desk.created', desk.id, officeId, { name: spec.name.trim(), serviceIds: offered, active: spec.active ?? true });
      if (spec.hours?.length) await this.replaceHours(desk.id, officeId, spec.hours);
      this.changes.push(`+ ${label}: ${offered.length} service(s), hours ${hoursText(spec.hours ?? [])}`);
      this.counts.desks.created++;
      return;
    }
    const changes: Changes = {};
    if (spec.name.trim() !== row.name) changes.name = { from: row.name, to: spec.name.trim() };
    if (spec.active !== undefined && spec.active !== row.active) changes.active = { from: row.active, to: spec.active };
    if (spec.services) {
      const current = (await this.trx.selectFrom('desk_services').select('service_id').where('desk_id', '=', row.id).execute()).map((r) => r.service_id);
      const nameOf = (id: string) => services.find((s) => s.id === id)?.name ?? id;
      if ([...current].sort().join() !== [...new Set(serviceIds)].sort().join()) {
        changes.services = { from: current.map(nameOf).sort(), to: serviceIds.map(nameOf).sort() };
        await this.replaceServices(row.id, serviceIds);
      }
    }
    if (Object.keys(changes).length) {
      const cols = { ...(changes.name ? { name: spec.name.trim() } : {}), ...(changes.active ? { active: spec.active } : {}) };
      if (Object.keys(cols).length) await this.trx.updateTable('desks').set(cols).where('id', '=', row.id).execute();
      await this.recordDesk('desk.updated', row.id, officeId, { changes });
      this.changes.push(`~ ${label}: ${describe(changes)}`);
      this.counts.desks.updated++;
    } else this.counts.desks.unchanged++;
    if (spec.hours) {
      const current = await this.trx.selectFrom('desk_hours').select(['weekday', 'start_time', 'end_time']).where('desk_id', '=', row.id).execute();
      const before = current.map((h) => ({ weekday: h.weekday, start: h.start_time, end: h.end_time }));
      if (!sameHours(before, spec.hours)) {
        await this.replaceHours(row.id, officeId, spec.hours);
        this.changes.push(`~ ${label} hours: ${hoursText(before)} → ${hoursText(spec.hours)}`);
      }
    }
  }

  private async replaceServices(deskId: string, serviceIds: string[]): Promise<void> {
    await this.trx.deleteFrom('desk_services').where('desk_id', '=', deskId).execute();
    const unique = [...new Set(serviceIds)];
    if (unique.length)
      await this.trx
        .insertInto('desk_services')
        .values(unique.map((id) => ({ tenant_id: this.tenantId, desk_id: deskId, service_id: id })))
        .execute();
  }

  private async replaceHours(deskId: string, officeId: string, hours: Hours): Promise<void> {
    await this.trx.deleteFrom('desk_hours').where('desk_id', '=', deskId).execute();
    if (hours.length)
      await this.trx
        .insertInto('desk_hours')
        .values(hours.map((h) => ({ tenant_id: this.tenantId, desk_id: deskId, weekday: h.weekday, start_time: h.start, end_time: h.end })))
        .execute();
    await this.recordDesk('desk.hours-changed', deskId, officeId, { hours });
    this.counts.hours++;
  }
}

function counts(): Counts {
  return { created: 0, updated: 0, unchanged: 0 };
}

// Admins create and change service cards. A change that changes nothing is no change: no audit
// entry, and "last updated" (what citizens read as "Pagina aggiornata il") keeps its date. The office
// and the appointment service must be the comune's (the composite foreign keys guard it; a missing
// one is a 404 here, not a 500); a taken address is a 409.
import type { FormDefinition } from '../../../contracts/forms/definition.ts';
import { definitionProblems } from '../../../contracts/forms/problems.ts';
import type { NewServiceCard, ServiceCardPatch } from '../../../contracts/service-cards.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { findOffice, findService } from '../scheduling/index.ts';
import { type FormVersion, insertFormVersion } from './forms-repository.ts';
import { lockCard, type CardRow } from './repository.ts';
import { findCreditor } from '../payments/index.ts';

const SECTIONS = {
  audience: 'audience',
  description: 'description',
  howTo: 'how_to',
  whatYouNeed: 'what_you_need',
  whatYouGet: 'what_you_get',
  timesAndDeadlines: 'times_and_deadlines',
  costs: 'costs',
  linkedProcedures: 'linked_procedures',
  accessOnline: 'access_online',
  accessInPerson: 'access_in_person',
  moreInfo: 'more_info',
  specialCases: 'special_cases',
  conditions: 'conditions',
} as const;

const SCALARS = {
  title: 'title',
  summary: 'summary',
  category: 'category',
  active: 'active',
  inactiveReason: 'inactive_reason',
  published: 'published',
  maxDays: 'max_days',
  topics: 'topics',
  officeId: 'office_id',
  bookingServiceId: 'booking_service_id',
} as const;

const COLUMNS: Record<string, string> = { ...SECTIONS, ...SCALARS };

type Columns = Partial<Record<string, unknown>>;

/** The API's fields as columns; text trimmed at the ends (a section's inner lines are kept). */
function toColumns(body: Partial<ServiceCardPatch>): Columns {
  const out: Columns = {};
  for (const [field, value] of Object.entries(body)) {
    const column = COLUMNS[field];
    if (!column || value === undefined) continue;
    out[column] = typeof value === 'string' ? value.trim() : Array.isArray(value) ? value.map((v) => String(v).trim()) : value;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function assertReferences(ctx: AppContext, tenantId: string, c: Columns): Promise<void> {
  if (typeof c.office_id === 'string' && !(await findOffice(ctx.db, tenantId, c.office_id))) throw appError('NOT_FOUND', { variant: 'office' });
  if (typeof c.booking_service_id === 'string' && !(await findService(ctx.db, tenantId, c.booking_service_id))) throw appError('NOT_FOUND', { variant: 'service' });
}

function inactiveNeedsReason(row: { active: boolean; inactive_reason: string | null }): void {
  if (!row.active && !row.inactive_reason) {
    throw appError('VALIDATION', { params: { fields: 'inactiveReason' }, extra: { fields: [{ field: 'inactiveReason', message: 'indica perché il servizio non è attivo' }] } });
  }
}

/** A published card must carry what the Modello Comuni card shows (and its checker reads). */
const NEEDED_TO_PUBLISH: Array<[string, string]> = [
  ['audience', 'audience'],
  ['how_to', 'howTo'],
  ['what_you_need', 'whatYouNeed'],
  ['what_you_get', 'whatYouGet'],
];

function publishable(row: Record<string, unknown>): void {
  if (!row.published) return;
  const missing = NEEDED_TO_PUBLISH.filter(([column]) => !String(row[column] ?? '').trim()).map(([, field]) => field);
  if (!String(row.times_and_deadlines ?? '').trim() && !row.max_days) missing.push('timesAndDeadlines');
  if (!Array.isArray(row.topics) || !row.topics.length) missing.push('topics');
  if (missing.length)
    throw appError('VALIDATION', {
      params: { fields: missing.join(', ') },
      extra: { fields: missing.map((field) => ({ field, message: 'obbligatorio per pubblicare la scheda' })) },
    });
}

function slugTaken(err: unknown, slug: string): unknown {
  return (err as { code?: string }).code === '23505' ? appError('SLUG_TAKEN', { params: { slug } }) : err;
}

export async function createCard(ctx: AppContext, officer: OperatorPrincipal, body: NewServiceCard): Promise<string> {
  const columns = toColumns(body);
  inactiveNeedsReason({ active: (columns.active as boolean | undefined) ?? true, inactive_reason: (columns.inactive_reason as string | null | undefined) ?? null });
  publishable(columns);
  await assertReferences(ctx, officer.tenantId, columns);
  const now = ctx.clock.now();
  try {
    return await ctx.bus.transaction(ctx.db, async (trx) => {
      const row = await trx
        .insertInto('service_cards')
        .values({ ...(columns as object), tenant_id: officer.tenantId, slug: body.slug, created_at: now, updated_at: now } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.bus.record(trx, {
        tenantId: officer.tenantId,
        actor: { type: 'operator', id: officer.id },
        action: 'card.created',
        entityType: 'service_card',
        entityId: row.id,
        details: { slug: body.slug, title: body.title, published: body.published ?? false },
      });
      return row.id;
    });
  } catch (err) {
    throw slugTaken(err, body.slug);
  }
}

/** Applies the fields that differ; returns the names of those that changed (none: nothing written). */
export async function updateCard(ctx: AppContext, officer: OperatorPrincipal, id: string, patch: ServiceCardPatch): Promise<string[]> {
  const wanted = toColumns(patch);
  await assertReferences(ctx, officer.tenantId, wanted);
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const current = await lockCard(trx, officer.tenantId, id);
    if (!current) throw appError('NOT_FOUND', { variant: 'serviceCard' });
    const changes = Object.fromEntries(Object.entries(wanted).filter(([column, value]) => !same(current[column as keyof CardRow], value)));
    const changed = Object.keys(changes);
    if (!changed.length) return [];
    inactiveNeedsReason({ ...current, ...(changes as Partial<CardRow>) });
    publishable({ ...current, ...changes });
    await trx
      .updateTable('service_cards')
      .set({ ...(changes as object), updated_at: ctx.clock.now() } as never)
      .where('tenant_id', '=', officer.tenantId)
      .where('id', '=', id)
      .execute();
    const fields = Object.entries(COLUMNS)
      .filter(([, column]) => changed.includes(column))
      .map(([field]) => field);
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: { type: 'operator', id: officer.id },
      action: 'card.updated',
      entityType: 'service_card',
      entityId: id,
      details: { slug: current.slug, fields },
    });
    return fields;
  });
}

/** Saves a new version of the card's online form (never changes an old one: drafts keep theirs). */
/** A fee is collected with pagoPA: the comune must have set it up, with the fee's kind of income. */
async function feeProblems(ctx: AppContext, tenantId: string, definition: FormDefinition): Promise<string[]> {
  if (!definition.fee) return [];
  const creditor = await findCreditor(ctx.db, tenantId);
  if (!creditor) return ['il costo si paga con pagoPA: imposta prima i dati pagoPA del Comune (Pagamenti → Impostazioni pagoPA)'];
  const kind = definition.fee.kind ?? 'diritti-segreteria';
  return creditor.kinds.some((k) => k.code === kind) ? [] : [`il tipo di entrata "${kind}" del costo non è tra quelli del Comune (Impostazioni pagoPA)`];
}

export async function saveCardForm(ctx: AppContext, officer: OperatorPrincipal, id: string, definition: FormDefinition): Promise<FormVersion> {
  const problems = [...definitionProblems(definition), ...(await feeProblems(ctx, officer.tenantId, definition))];
  if (problems.length) throw appError('FORM_DEFINITION_INVALID', { params: { problems: problems.join('; ') }, extra: { problems } });
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const card = await lockCard(trx, officer.tenantId, id);
    if (!card) throw appError('NOT_FOUND', { variant: 'serviceCard' });
    const saved = await insertFormVersion(trx, officer.tenantId, id, definition, officer.id);
    // The form is part of what citizens read on the card: its "last updated" moves too.
    await trx.updateTable('service_cards').set({ updated_at: ctx.clock.now() }).where('tenant_id', '=', officer.tenantId).where('id', '=', id).execute();
    await ctx.bus.record(trx, {
      tenantId: officer.tenantId,
      actor: { type: 'operator', id: officer.id },
      action: 'card.form-changed',
      entityType: 'service_card',
      entityId: id,
      details: { slug: card.slug, version: saved.version, steps: definition.steps.length },
    });
    return saved;
  });
}

// Cases as the office's and the citizen's APIs give them: the history as a timeline (the citizen's
// without the office's internal notes), the term, the documents, the actions allowed now.
import type { CaseDocumentKind, OperatorCase, OperatorCaseSummary, TimelineEntry } from '../../../contracts/cases.ts';
import { CASE_STATE_WORDS } from '../../../contracts/statuses.ts';
import { daysBetween, formatInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { protocolLabel } from '../protocol/index.ts';
import type { CaseFileRow } from './case-files.ts';
import type { CaseEventRow, CaseRow } from './case-repository.ts';
import { termOf } from './case-term.ts';
import { acceptsMessages, allowedActions, CITIZEN_ACTIONS, isDecided } from './domain/lifecycle.ts';
import { NEAR_TERM_DAYS } from './domain/terms.ts';

const iso = (d: Date | string, tz: string) => formatInstant(new Date(d).getTime(), tz);

export function toTimeline(events: CaseEventRow[], tz: string, files: CaseFileRow[] = [], filesUrl = ''): TimelineEntry[] {
  return events.map((e) => ({
    id: String(e.id),
    at: iso(e.at, tz),
    kind: e.kind,
    action: e.action,
    fromState: e.from_state,
    toState: e.to_state,
    by: e.actor_type === 'citizen' ? 'citizen' : e.actor_type === 'operator' ? 'office' : 'system',
    author: e.author,
    text: e.text,
    dueOn: e.due_on,
    asked: e.asked,
    data: e.data,
    files: files.filter((f) => String(f.event_id) === String(e.id)).map((f) => ({ id: f.id, name: f.name, mediaType: f.media_type, size: f.size, url: `${filesUrl}/${f.id}` })),
  }));
}

type Tz = Pick<Tenant, 'time_zone' | 'patron_day' | 'patron_name' | 'slug'>;

function protocolOf(row: CaseRow, tz: string) {
  if (row.protocol_number === null || row.protocol_year === null || !row.protocol_registered_at) return null;
  return { number: row.protocol_number, year: row.protocol_year, label: protocolLabel(row.protocol_number, row.protocol_year), registeredAt: iso(row.protocol_registered_at, tz) };
}

/** The inbox's flag from the stored term: no need to recount the history for a list. */
function flagOf(row: CaseRow, today: string): OperatorCaseSummary['flag'] {
  if (row.suspended || !row.due_on) return 'suspended';
  const left = daysBetween(today, row.due_on);
  return left < 0 ? 'past' : left <= NEAR_TERM_DAYS ? 'near' : 'on_time';
}

export function toCaseSummary(row: CaseRow, tz: string, today: string): OperatorCaseSummary {
  return {
    id: row.id,
    state: row.state,
    service: { slug: row.card_slug, title: row.card_title },
    applicant: { fiscalCode: row.fiscal_code, name: `${row.given_name} ${row.family_name}` },
    officeId: row.office_id,
    assignee: row.assigned_to ? { id: row.assigned_to, name: row.assignee_name ?? '' } : null,
    protocol: protocolOf(row, tz),
    submittedAt: iso(row.submitted_at!, tz),
    dueOn: isDecided(row.state) ? null : row.due_on,
    suspended: row.suspended,
    flag: isDecided(row.state) ? 'on_time' : flagOf(row, today),
  };
}

export function caseDocuments(row: CaseRow, base: string): Array<{ kind: CaseDocumentKind; name: string; url: string; protocol: string | null }> {
  const filed = protocolOf(row, 'UTC')?.label ?? null;
  return [
    { kind: 'filed', name: `domanda-${row.card_slug}.pdf`, url: `${base}/summary`, protocol: filed },
    ...(row.response_key ? [{ kind: 'response' as const, name: `provvedimento-${row.card_slug}.pdf`, url: `${base}/response`, protocol: row.response_protocol }] : []),
  ];
}

export function caseTermView(tenant: Tz, row: CaseRow, events: CaseEventRow[], now: Date) {
  if (isDecided(row.state) || !row.protocol_registered_at) return null;
  return termOf(tenant, row.protocol_registered_at, row.term_days, events, now);
}

/** The case's part of the citizen's application page. */
export function citizenCaseFields(tenant: Tz, row: CaseRow, events: CaseEventRow[], files: CaseFileRow[], now: Date) {
  const timeline = toTimeline(events, tenant.time_zone, files, `/api/v1/${tenant.slug}/me/applications/${row.id}/files`);
  const term = caseTermView(tenant, row, events, now);
  const lastRequest = [...events].reverse().find((e) => e.action === 'request_integration');
  const base = `/api/v1/${tenant.slug}/me/applications/${row.id}`;
  const actions = allowedActions(row.state).filter((a) => CITIZEN_ACTIONS.has(a) && a !== 'submit') as Array<'submit_integration' | 'submit_observations' | 'withdraw'>;
  // Observations are sent once per notice: the last of the two says whether they are still awaited.
  const observed = [...events].reverse().find((e) => e.action === 'notice_of_rejection' || e.action === 'submit_observations')?.action === 'submit_observations';
  return {
    state: row.state,
    stateWords: CASE_STATE_WORDS[row.state].it,
    term,
    expectedBy: term?.expectedBy ?? null,
    timeline,
    messages: timeline.filter((e) => e.kind === 'message'),
    documents: [...caseDocuments(row, base), { kind: 'receipt' as const, name: 'ricevuta.pdf', url: `${base}/receipt`, protocol: protocolOf(row, 'UTC')?.label ?? null }],
    outcome: row.outcome,
    integration:
      row.state === 'integration_requested' && lastRequest?.text && lastRequest.due_on
        ? { text: lastRequest.text, dueOn: lastRequest.due_on, fields: lastRequest.asked ?? [] }
        : null,
    actions: [...actions.filter((a) => a !== 'submit_observations' || !observed), ...(acceptsMessages(row.state) ? (['message'] as const) : [])],
  };
}

export function operatorCase(
  tenant: Tz,
  row: CaseRow,
  events: CaseEventRow[],
  files: CaseFileRow[],
  now: Date,
  today: string,
): Omit<OperatorCase, 'form' | 'data' | 'attachments'> {
  const base = `/api/v1/${tenant.slug}/operator/applications/${row.id}`;
  return {
    ...toCaseSummary(row, tenant.time_zone, today),
    term: caseTermView(tenant, row, events, now),
    applicantContacts: { email: row.email ?? row.identity_email, phone: row.phone },
    timeline: toTimeline(events, tenant.time_zone, files, `${base}/files`),
    outcome: row.outcome,
    documents: caseDocuments(row, base),
    actions: [...allowedActions(row.state).filter((a) => !CITIZEN_ACTIONS.has(a) && a !== 'register'), 'message', 'note'],
  };
}

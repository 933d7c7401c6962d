// The one way a case changes (L. 241/1990): under the case's lock, the rule (domain/lifecycle.ts)
// decides whether the action is allowed from the current state (else 409 with the state); the history
// gets its entry; the term is recounted (domain/terms.ts); a decision gets its document, registered
// as outgoing in the protocol; the change is audited; and the other side is told: the citizen by
// email and in the personal area for the office's actions, the office by email for the citizen's.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { CASE_STATE_WORDS, type CaseState } from '../../../contracts/statuses.ts';
import type { ActionName } from '../../../contracts/activity.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import type { CitizenNotice } from '../../platform/notices.ts';
import { officerServesOffice } from '../../platform/staff/office-members.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { addDays, localDate, localToInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { protocolLabel, protocolSystem } from '../protocol/index.ts';
import { assertFileKinds, attachCaseFiles } from './case-files.ts';
import { caseEvents, type CaseRow, type CaseViewer, lockCase } from './case-repository.ts';
import { fillDecision } from '../../../contracts/forms/decision-template.ts';
import { askableFields, fileIdsIn, subsetForm } from '../../../contracts/forms/subset.ts';
import type { FileKind, FormData } from '../../../contracts/forms/definition.ts';
import { validateForm } from '../../platform/forms/validator.ts';
import { formById } from '../catalogue/index.ts';
import { termOf } from './case-term.ts';
import { responsePdf } from './documents.ts';
import { applicationNotFound, fieldErrors } from './drafts.ts';
import { CITIZEN_ACTIONS, type CaseAction, isDecided, nextState } from './domain/lifecycle.ts';
import { OBSERVATION_DAYS } from './domain/terms.ts';

export type CaseChange =
  | { action: 'take'; assigneeId?: string | undefined }
  | { action: 'request_integration'; text: string; dueOn: string; fields?: string[] | undefined }
  | { action: 'notice_of_rejection' | 'accept' | 'reject' | 'cancel'; text: string }
  | { action: 'submit_integration'; text: string; fileIds?: string[] | undefined; data?: FormData | undefined }
  | { action: 'submit_observations'; text: string; fileIds?: string[] | undefined }
  | { action: 'withdraw'; text?: string | undefined }
  | { action: 'message'; text: string; fileIds?: string[] | undefined }
  | { action: 'note'; text: string };

export type CaseActor = { officer: OperatorPrincipal } | { citizen: CitizenPrincipal };

const ACTIVITY: Record<CaseChange['action'], ActionName> = {
  take: 'case.taken',
  request_integration: 'case.integration-requested',
  submit_integration: 'case.integration-submitted',
  notice_of_rejection: 'case.rejection-noticed',
  submit_observations: 'case.observations-submitted',
  accept: 'case.accepted',
  reject: 'case.rejected',
  withdraw: 'case.withdrawn',
  cancel: 'case.cancelled',
  message: 'case.message-sent',
  note: 'case.note-added',
};

const conflict = (state: CaseState) => appError('CASE_STATE_CONFLICT', { params: { state: CASE_STATE_WORDS[state] }, extra: { state } });
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** What the citizen reads about an office's action (email and personal area). */
function citizenLines(change: CaseChange, row: CaseRow, office: string, expectedBy: string | null): string[] | null {
  const what = `«${row.card_title}» (prot. ${protocolLabel(row.protocol_number!, row.protocol_year!)})`;
  switch (change.action) {
    case 'take':
      return [`La tua pratica ${what} è stata presa in carico: ${office}.`, ...(expectedBy ? [`Si concluderà entro il ${dmy(expectedBy)}.`] : [])];
    case 'request_integration':
      return [
        `L'ufficio chiede di integrare la tua pratica ${what}:`,
        '',
        change.text,
        '',
        `Rispondi entro il ${dmy(change.dueOn)} dalla tua area personale. Finché non rispondi il termine del procedimento è sospeso.`,
      ];
    case 'notice_of_rejection':
      return [
        `Preavviso di rigetto (art. 10-bis della legge 241/1990) per la tua pratica ${what}. Motivi:`,
        '',
        change.text,
        '',
        'Entro 10 giorni puoi presentare le tue osservazioni, anche con documenti, dalla tua area personale. Il termine del procedimento è sospeso fino alle osservazioni, e per 10 giorni al massimo.',
      ];
    case 'accept':
    case 'reject':
      return [
        `La tua pratica ${what} è stata ${change.action === 'accept' ? 'accolta' : 'respinta'}:`,
        '',
        change.text,
        '',
        'In allegato il provvedimento, che trovi anche nella tua area personale.',
      ];
    case 'cancel':
      return [`L'ufficio ha annullato la tua pratica ${what}:`, '', change.text];
    case 'message':
      return [`Nuovo messaggio dall'ufficio sulla tua pratica ${what}:`, '', change.text, '', 'Puoi rispondere dalla tua area personale.'];
    default:
      return null;
  }
}

/** What the office reads about a citizen's action. */
function officeLines(change: CaseChange, row: CaseRow): string[] | null {
  const who = `${row.given_name} ${row.family_name} (${row.fiscal_code})`;
  const what = `«${row.card_title}», prot. ${protocolLabel(row.protocol_number!, row.protocol_year!)}`;
  const text = 'text' in change && change.text ? ['', change.text] : [];
  switch (change.action) {
    case 'submit_integration':
      return [`${who} ha inviato l'integrazione richiesta per la pratica ${what}.`, ...text];
    case 'submit_observations':
      return [`${who} ha presentato osservazioni al preavviso di rigetto per la pratica ${what}.`, ...text];
    case 'withdraw':
      return [`${who} ha ritirato la pratica ${what}.`, ...text];
    case 'message':
      return [`${who} ha scritto sulla pratica ${what}:`, ...text];
    default:
      return null;
  }
}

export async function changeCase(ctx: AppContext, tenant: Tenant, actor: CaseActor, id: string, change: CaseChange): Promise<{ state: CaseState }> {
  const byCitizen = 'citizen' in actor;
  const viewer: CaseViewer = byCitizen ? { citizenId: actor.citizen.citizen.id } : { officer: actor.officer };
  const text = 'text' in change && typeof change.text === 'string' ? change.text.trim() : '';
  if ('text' in change && change.action !== 'withdraw' && !text) throw invalidField(change.action === 'notice_of_rejection' ? 'reasons' : 'text', 'scrivi il testo');
  const now = ctx.clock.now();
  const today = localDate(now.getTime(), tenant.time_zone);
  if (change.action === 'request_integration' && (change.dueOn < today || change.dueOn > addDays(today, 365))) throw invalidField('dueDate', 'una data da oggi a un anno');

  let stored: string | undefined;
  try {
    return await ctx.bus.transaction(ctx.db, async (trx) => {
      const row = await lockCase(trx, tenant.id, viewer, id);
      if (!row) throw applicationNotFound();
      const isState = change.action !== 'message' && change.action !== 'note';
      // Who may do what: notes are the office's; each side has its own actions.
      if (isState && CITIZEN_ACTIONS.has(change.action as CaseAction) !== byCitizen) throw applicationNotFound();
      if (change.action === 'note' && byCitizen) throw applicationNotFound();
      const from = row.state;
      const to = isState ? nextState(from, change.action as CaseAction) : from;
      if (!to) throw conflict(from);

      // The form's fields an integration asks again, and the citizen's answer to them (same engine).
      let asked: string[] | null = null;
      let answer: FormData | null = null;
      let answerFiles: Array<{ id: string; accept: readonly FileKind[] }> = [];
      if (change.action === 'request_integration' && change.fields?.length) {
        const form = await formById(trx, tenant.id, row.form_id);
        const known = new Set(form ? askableFields(form.definition).map((f) => f.path) : []);
        const unknown = change.fields.filter((f) => !known.has(f));
        if (unknown.length) throw invalidField('fields', `campi non presenti nel modulo: ${unknown.join(', ')}`);
        asked = change.fields;
      }
      if (change.action === 'submit_integration') {
        const request = (await caseEvents(trx, row.id, { internal: false })).findLast((e) => e.action === 'request_integration');
        const fields = request?.asked ?? [];
        if (fields.length) {
          const form = await formById(trx, tenant.id, row.form_id);
          if (!form) throw applicationNotFound();
          const sub = subsetForm(form.definition, fields);
          const { data, errors } = validateForm(sub, change.data ?? {}, 'submit', `${form.id}:integration:${fields.join(',')}`);
          if (errors.length) throw fieldErrors(errors);
          answer = data;
          answerFiles = fileIdsIn(sub, data);
        } else if (change.data && Object.keys(change.data).length) throw invalidField('data', "l'ufficio non ha chiesto campi del modulo");
      }

      const office = row.office_id ? await trx.selectFrom('offices').select(['name', 'email']).where('id', '=', row.office_id).executeTakeFirst() : undefined;
      const set: Record<string, unknown> = { state: to, updated_at: now };
      if (to !== from) set.state_changed_at = now;
      if (change.action === 'take') {
        const officer = (actor as { officer: OperatorPrincipal }).officer;
        const assignee = change.assigneeId ?? officer.id;
        // Two officers taking the same case: the second finds it taken (passing it on is explicit).
        if (row.assigned_to && !change.assigneeId) throw appError('CASE_ALREADY_TAKEN', { params: { name: row.assignee_name ?? '' } });
        if (row.assigned_to && row.assigned_to !== officer.id && officer.role === 'operator') throw appError('CASE_ALREADY_TAKEN', { params: { name: row.assignee_name ?? '' } });
        if (!row.office_id || !(await officerServesOffice(trx, tenant.id, assignee, row.office_id)))
          throw invalidField('assignee', "non è un operatore dell'ufficio della pratica");
        set.assigned_to = assignee;
        set.taken_at = row.taken_at ?? now;
      }
      if (isDecided(to) && !isDecided(from)) {
        set.decided_at = now;
        set.outcome = text || null;
      }
      const author = byCitizen ? `${actor.citizen.citizen.given_name} ${actor.citizen.citizen.family_name}` : actor.officer.displayName;
      let attachment: { filename: string; content: Buffer } | undefined;
      if (change.action === 'accept' || change.action === 'reject') {
        // The service's own decision text, from the form version the case was filed with.
        const decision = (await formById(trx, tenant.id, row.form_id))?.definition.decision;
        const template = change.action === 'accept' ? decision?.accepted : decision?.rejected;
        const filedOn = localDate(new Date(row.protocol_registered_at ?? row.submitted_at!).getTime(), tenant.time_zone);
        const body = template
          ? fillDecision(template, {
              richiedente: `${row.given_name} ${row.family_name}`,
              codiceFiscale: row.fiscal_code,
              servizio: row.card_title,
              protocollo: protocolLabel(row.protocol_number!, row.protocol_year!),
              dataDomanda: dmy(filedOn),
              testo: text,
            })
          : undefined;
        const pdf = await responsePdf({
          body,
          tenantName: tenant.name,
          tz: tenant.time_zone,
          serviceTitle: row.card_title,
          applicant: { givenName: row.given_name, familyName: row.family_name, fiscalCode: row.fiscal_code },
          filedProtocol: protocolLabel(row.protocol_number!, row.protocol_year!),
          filedAt: row.protocol_registered_at ?? row.submitted_at!,
          outcome: change.action === 'accept' ? 'accepted' : 'rejected',
          text,
          officer: author,
          office: office?.name ?? '',
          at: now,
        });
        stored = `${tenant.id}/applications/${randomUUID()}`;
        await ctx.storage.put(stored, Readable.from([pdf]), { maxBytes: pdf.length });
        const name = `provvedimento-${row.card_slug}.pdf`;
        const receipt = await protocolSystem(ctx).register(trx, {
          tenantId: tenant.id,
          timeZone: tenant.time_zone,
          direction: 'outgoing',
          correspondent: `${row.given_name} ${row.family_name} (${row.fiscal_code})`.slice(0, 300),
          subject: `Esito della domanda: ${row.card_title}`.slice(0, 1000),
          applicationId: row.id,
          documents: [{ name, mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf), storageKey: stored }],
          by: { type: 'operator', operatorId: (actor as { officer: OperatorPrincipal }).officer.id },
        });
        Object.assign(set, { response_key: stored, response_sha256: sha256(pdf), response_size: pdf.length, response_protocol: receipt.label });
        attachment = { filename: name, content: pdf };
      }

      const event = await trx
        .insertInto('application_events')
        .values({
          tenant_id: tenant.id,
          application_id: row.id,
          at: now,
          kind: change.action === 'message' ? 'message' : change.action === 'note' ? 'note' : 'state',
          action: isState ? change.action : null,
          from_state: isState ? from : null,
          to_state: isState ? to : null,
          actor_type: byCitizen ? 'citizen' : 'operator',
          actor_id: byCitizen ? actor.citizen.citizen.id : actor.officer.id,
          author,
          text: text || null,
          due_on: change.action === 'request_integration' ? change.dueOn : null,
          asked: asked ? JSON.stringify(asked) : null,
          data: answer ? JSON.stringify(answer) : null,
          internal: change.action === 'note',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sentFiles = [...('fileIds' in change ? (change.fileIds ?? []) : []), ...answerFiles.map((f) => f.id)];
      if (sentFiles.length) {
        if (!byCitizen) throw invalidField('fileIds', 'solo il cittadino allega file qui');
        await attachCaseFiles(trx, row.id, actor.citizen.citizen.id, String(event.id), sentFiles);
        // A form's file field keeps its kinds (a PDF where a PDF is asked), as in the application.
        if (answerFiles.length) await assertFileKinds(trx, row.id, answerFiles);
      }
      // The citizen's deadlines in the personal area: what the office awaits, by when; done once answered.
      const source = `case:${row.id}`;
      const awaited =
        change.action === 'request_integration'
          ? { title: `Integrazione per la pratica «${row.card_title}»`, day: change.dueOn }
          : change.action === 'notice_of_rejection'
            ? { title: `Osservazioni al preavviso di rigetto «${row.card_title}»`, day: addDays(today, OBSERVATION_DAYS) }
            : null;
      if (isState && (to !== from || change.action === 'submit_observations')) {
        await trx.updateTable('citizen_deadlines').set({ done_at: now }).where('tenant_id', '=', tenant.id).where('source', '=', source).where('done_at', 'is', null).execute();
      }
      if (awaited) {
        const dueAt = new Date(localToInstant(awaited.day, 23 * 60 + 59, tenant.time_zone) ?? now.getTime());
        await trx
          .insertInto('citizen_deadlines')
          .values({ tenant_id: tenant.id, fiscal_code: row.fiscal_code, title: awaited.title, due_at: dueAt, link: `/${tenant.slug}/domande/${row.id}`, source })
          .execute();
      }
      // The term, recounted from the whole history (the new entry included).
      const events = await caseEvents(trx, row.id, { internal: false });
      const term = termOf(tenant, row.protocol_registered_at ?? row.submitted_at!, row.term_days, events, now);
      set.due_on = term.expectedBy;
      set.suspended = term.expectedBy === null || term.suspended;
      await trx.updateTable('applications').set(set).where('id', '=', row.id).execute();

      const name = `${row.card_title} (prot. ${protocolLabel(row.protocol_number!, row.protocol_year!)})`;
      const brand = { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl };
      const link = `/${tenant.slug}/domande/${row.id}`;
      const notices: CitizenNotice[] = [];
      const toCitizen = byCitizen ? null : citizenLines(change, row, office?.name ?? "l'ufficio competente", term.expectedBy);
      if (toCitizen) {
        const email = row.notify_email ? (row.email ?? row.identity_email) : null;
        notices.push({
          dedupeKey: `case:${row.id}:${change.action}:${events.length}`,
          subject: `Pratica ${name}: ${change.action === 'message' ? 'nuovo messaggio' : CASE_STATE_WORDS[to].it}`,
          lines: [...toCitizen, '', `${ctx.config.publicUrl}${link}`],
          ...(email
            ? {
                email: {
                  to: email,
                  brand,
                  ...(attachment ? { attachments: [{ filename: attachment.filename, contentType: 'application/pdf', content: attachment.content.toString('base64') }] } : {}),
                },
              }
            : {}),
          inbox: { fiscalCode: row.fiscal_code, link, operatorId: (actor as { officer: OperatorPrincipal }).officer.id, at: now },
        });
      }
      const toOffice = byCitizen ? officeLines(change, row) : null;
      // The officer holding the case hears of the citizen's reply; nobody yet: the office's address.
      const holder = row.assigned_to
        ? await trx.selectFrom('operators').select('email').where('id', '=', row.assigned_to).where('active', '=', true).executeTakeFirst()
        : undefined;
      const officeTo = holder?.email ?? office?.email;
      if (toOffice && officeTo) {
        notices.push({
          dedupeKey: `case:${row.id}:${change.action}:${events.length}:office`,
          subject: `Pratica ${name}: ${change.action === 'message' ? 'messaggio del cittadino' : CASE_STATE_WORDS[to].it}`,
          lines: [...toOffice, '', `${ctx.config.publicUrl}/${tenant.slug}/operatore/pratiche/${row.id}`],
          email: { to: officeTo, brand },
        });
      }
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: byCitizen ? { type: 'citizen', id: actor.citizen.citizen.id } : { type: 'operator', id: actor.officer.id },
        action: ACTIVITY[change.action],
        entityType: 'application',
        entityId: row.id,
        details: { name, from, to, ...(text && change.action !== 'note' ? { text } : {}), ...(change.action === 'take' ? { assignee: set.assigned_to } : {}) },
        notices,
      });
      return { state: to };
    });
  } catch (err) {
    if (stored) await ctx.storage.remove(stored).catch(() => undefined);
    throw err;
  }
}

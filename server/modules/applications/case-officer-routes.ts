// Case handling for officers (their offices' cases): the inbox and its CSV, the workload, a case with
// its attachments, and each action the state allows (409 with the state when it does not).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CaseCancel,
  CaseIntegrationRequest,
  CaseParams,
  CaseReasons,
  CaseTake,
  CaseText,
  CaseWorkload,
  OperatorCase,
  OperatorCaseList,
  OperatorCaseQuery,
} from '../../../contracts/cases.ts';
import { errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import { CASE_STATE_WORDS } from '../../../contracts/statuses.ts';
import type { AppContext } from '../../platform/context.ts';
import { csvDocument } from '../../platform/csv.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { fileNotFound } from '../../platform/files/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { forbidden } from '../../platform/staff/policy.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import { formById } from '../catalogue/index.ts';
import type { CaseActor } from './change-case.ts';
import { caseFiles } from './case-files.ts';
import { caseEvents, findCase, inbox, inboxCounts, workload } from './case-repository.ts';
import { operatorCase, toCaseSummary } from './case-views.ts';
import { applicationNotFound } from './drafts.ts';
import { listAttachments } from './repository.ts';
import { toAttachment } from './views.ts';
import { action, AttachmentOfCase, authErrors, CSV_MAX_ROWS, documentRoutes, sendStored } from './case-route-kit.ts';

export function officerCaseRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator/applications';
    app.get(
      base,
      {
        schema: {
          tags: ['applications'],
          summary: "The office's cases: filtered by state, service, assignee, term (near or past) and words; the most urgent first; with counters per state",
          params: TenantParams,
          querystring: OperatorCaseQuery,
          response: { 200: OperatorCaseList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const today = localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
        const q = req.query;
        const assignee = q.assignee === 'me' ? req.operator.id : q.assignee;
        const [{ rows, total }, counts] = await Promise.all([
          inbox(ctx.db, req.tenant.id, req.operator, { ...q, assignee, today, offset: q.offset ?? 0, limit: q.limit ?? 50 }),
          inboxCounts(ctx.db, req.tenant.id, req.operator),
        ]);
        return { cases: rows.map((r) => toCaseSummary(r, req.tenant.time_zone, today)), total, counts };
      },
    );
    app.get(
      `${base}.csv`,
      {
        schema: {
          tags: ['applications'],
          summary: 'The inbox as CSV: every case the filters find (at most 10,000), in the same order; the export is audited',
          params: TenantParams,
          querystring: Type.Omit(OperatorCaseQuery, ['offset', 'limit']),
          response: { 200: FileResponse('Cases (CSV)', ['text/csv'], Type.String()), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const today = localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
        const q = req.query;
        const assignee = q.assignee === 'me' ? req.operator.id : q.assignee;
        const { rows, total } = await inbox(ctx.db, req.tenant.id, req.operator, { ...q, assignee, today, offset: 0, limit: CSV_MAX_ROWS });
        await ctx.bus.record(ctx.db, {
          tenantId: req.tenant.id,
          actor: { type: 'operator', id: req.operator.id },
          action: 'case.list-exported',
          details: { filters: q, rows: rows.length, total },
        });
        const csv = csvDocument(
          ['Protocollo', 'Presentata il', 'Servizio', 'Richiedente', 'Codice fiscale', 'Stato', 'Assegnata a', 'Termine', 'Termine sospeso'],
          rows.map((r) => {
            const c = toCaseSummary(r, req.tenant.time_zone, today);
            return [
              c.protocol?.label ?? '',
              c.submittedAt.slice(0, 10),
              c.service.title,
              c.applicant.name,
              c.applicant.fiscalCode,
              CASE_STATE_WORDS[c.state].it,
              c.assignee?.name ?? '',
              c.dueOn,
              c.suspended ? 'sì' : 'no',
            ];
          }),
        );
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="pratiche-${today}.csv"`).send(csv);
      },
    );
    app.get(
      `${base}/workload`,
      {
        schema: {
          tags: ['applications'],
          summary: "Managers and admins: their offices' open cases per officer (past term too) and the average days to a decision per service",
          params: TenantParams,
          response: { 200: CaseWorkload, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        if (req.operator.role === 'operator') throw forbidden();
        return workload(ctx.db, req.tenant.id, req.operator, localDate(ctx.clock.now().getTime(), req.tenant.time_zone));
      },
    );
    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['applications'],
          summary: 'A case: the data as filed (with its form version), attachments, protocol, term, timeline with internal notes, allowed actions',
          params: CaseParams,
          response: { 200: OperatorCase, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const row = await findCase(ctx.db, req.tenant.id, { officer: req.operator }, req.params.id);
        if (!row) throw applicationNotFound();
        const [form, attachments, events, files] = await Promise.all([
          formById(ctx.db, req.tenant.id, row.form_id),
          listAttachments(ctx.db, row.id),
          caseEvents(ctx.db, row.id, { internal: true }),
          caseFiles(ctx.db, row.id),
        ]);
        if (!form) throw applicationNotFound();
        const now = ctx.clock.now();
        const base = `/api/v1/${req.tenant.slug}/operator/applications/${row.id}`;
        return {
          ...operatorCase(req.tenant, row, events, files, now, localDate(now.getTime(), req.tenant.time_zone)),
          form: { version: form.version, definition: form.definition },
          data: row.data,
          attachments: attachments.map((a) => ({ ...toAttachment(req.tenant.slug, a), url: `${base}/attachments/${a.id}` })),
        };
      },
    );
    app.get(
      `${base}/:id/attachments/:attachmentId`,
      {
        schema: {
          tags: ['applications'],
          summary: "One of the case's filed attachments",
          params: AttachmentOfCase,
          response: { 200: FileResponse('The attachment', DOCUMENT_MEDIA_TYPES), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const row = await findCase(ctx.db, req.tenant.id, { officer: req.operator }, req.params.id);
        const file = row && (await listAttachments(ctx.db, row.id)).find((a) => a.id === req.params.attachmentId);
        if (!file) throw fileNotFound();
        return sendStored(ctx, reply, file.storage_key, file.name, file.media_type);
      },
    );
    await app.register(documentRoutes(ctx, base, (req) => ({ officer: (req as { operator: never }).operator })));

    const officer = (req: never): CaseActor => ({ officer: (req as { operator: never }).operator });
    const routes: Array<[string, ReturnType<typeof action>]> = [
      [
        'take',
        action(
          ctx,
          'Take the case in charge (oneself, or a colleague of the office: `assignee`)',
          CaseTake,
          (b: { assignee?: string }) => ({ action: 'take', assigneeId: b.assignee }),
          officer,
        ),
      ],
      ['message', action(ctx, 'Write to the citizen (email and personal area)', CaseText, (b: { text: string }) => ({ action: 'message', text: b.text }), officer)],
      ['notes', action(ctx, 'Add an internal note (never shown to the citizen)', CaseText, (b: { text: string }) => ({ action: 'note', text: b.text }), officer)],
      [
        'request-integration',
        action(
          ctx,
          'Ask the citizen for an integration by a date (suspends the term); `fields` of the form to fill in again',
          CaseIntegrationRequest,
          (b: { text: string; dueDate: string; fields?: string[] }) => ({ action: 'request_integration', text: b.text, dueOn: b.dueDate, fields: b.fields }),
          officer,
        ),
      ],
      [
        'notice-of-rejection',
        action(
          ctx,
          'Send a notice of rejection (L. 241 art. 10-bis: 10 days for observations, the term suspended)',
          CaseReasons,
          (b: { reasons: string }) => ({ action: 'notice_of_rejection', text: b.reasons }),
          officer,
        ),
      ],
      [
        'accept',
        action(
          ctx,
          'Accept: the decision as a PDF, registered as outgoing and sent to the citizen',
          CaseText,
          (b: { text: string }) => ({ action: 'accept', text: b.text }),
          officer,
        ),
      ],
      [
        'reject',
        action(
          ctx,
          'Reject (after a notice of rejection): the decision as a PDF, registered as outgoing and sent',
          CaseText,
          (b: { text: string }) => ({ action: 'reject', text: b.text }),
          officer,
        ),
      ],
      ['cancel', action(ctx, 'Cancel the case, with the reason', CaseCancel, (b: { reason: string }) => ({ action: 'cancel', text: b.reason }), officer)],
    ];
    for (const [path, r] of routes) app.post(`${base}/:id/${path}`, { schema: r.schema as never }, r.handler as never);
  };
}

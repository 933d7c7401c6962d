// The officer side of the queue: desks, signing in at one, its line (and a live channel), the desk
// actions, statistics with CSV, and the queue configuration. Session cookie + CSRF as the console.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, FileResponse, TenantParams, Uuid } from '../../../contracts/common.ts';
import {
  CallNextResponse,
  DeskLine,
  DeskParams,
  DeskQueuesInput,
  DeskTicketParams,
  FinishRequest,
  OfficeQueueConfig,
  OfficeQueueSettings,
  OperatorDeskList,
  PriorityClassList,
  QueueInput,
  QueuePatch,
  StatsQuery,
  StatsResponse,
  TransferRequest,
} from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import { validateRange } from '../booking/index.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertCanConfigureOffice, assertOffice, canSeeOffice, forbidden } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import { callNext, finishServing, noShow, park, recall, resume, startServing, transfer, type DeskActionResult } from './desk-actions.ts';
import { signInAtDesk, signOutOfDesk } from './desk-sessions.ts';
import { deskNotFound, officeNotFound } from './errors.ts';
import type { QueueLiveHub } from './live-hub.ts';
import { createQueue, getPriorityClasses, getQueueConfig, putDeskQueues, putPriorityClasses, putQueueSettings, updateQueue } from './queue-config.ts';
import { statsCsv, statsRows, todayFigures } from './stats.ts';
import type { QueueTenant } from './take-ticket.ts';
import { deskLineView, lineTicketView, operatorDesk } from './views.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };
const actionResponses = { 200: CallNextResponse, 409: ErrorResponse, ...authErrors, ...errorResponses };
const OfficeIdParams = Type.Intersect([TenantParams, Type.Object({ officeId: Uuid })]);

export function queueOperatorRoutes(ctx: AppContext, hub: QueueLiveHub): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    const base = '/api/v1/:tenant/operator';

    async function deskOffice(op: OperatorPrincipal, deskId: string): Promise<string> {
      const desk = await ctx.db.selectFrom('desks').select('office_id').where('tenant_id', '=', op.tenantId).where('id', '=', deskId).executeTakeFirst();
      if (!desk || !canSeeOffice(op, desk.office_id)) throw deskNotFound();
      return desk.office_id;
    }

    async function line(tenant: QueueTenant, op: OperatorPrincipal, deskId: string) {
      const snap = await hub.snapshot(tenant, await deskOffice(op, deskId));
      const desk = snap?.desks.find((d) => d.id === deskId);
      if (!snap || !desk) throw deskNotFound();
      return deskLineView(snap, desk, op.id);
    }

    async function answer(tenant: QueueTenant, deskId: string, r: DeskActionResult): Promise<CallNextResponse> {
      const ticket = r.ticket!;
      // The action is committed: its answer must not fail for want of a view (the desk's office exists).
      const snap = await hub.snapshot(tenant, ticket.office_id, [ticket.id], { withWaiting: false });
      const row = snap?.tickets.find((t) => t.id === ticket.id);
      if (!snap || !row) throw deskNotFound();
      return { ticket: lineTicketView(snap, row, deskId), ...(r.officerVideoUrl ? { officerVideoUrl: r.officerVideoUrl } : {}) };
    }

    app.get(
      `${base}/desks`,
      {
        schema: {
          tags: ['queue'],
          summary: 'The desks the officer may work at, with their office, queues and who is at them',
          params: TenantParams,
          response: { 200: OperatorDeskList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        let offices = ctx.db.selectFrom('offices').select('id').where('tenant_id', '=', req.tenant.id).where('active', '=', true);
        if (req.operator.officeIds) offices = offices.where('id', 'in', req.operator.officeIds.length ? req.operator.officeIds : ['00000000-0000-0000-0000-000000000000']);
        const desks = [];
        for (const { id } of await offices.orderBy('position').execute()) {
          const snap = await hub.snapshot(req.tenant, id, [], { withWaiting: false });
          if (!snap?.queues.length) continue;
          desks.push(...snap.desks.filter((d) => d.active && d.queueIds.length).map((d) => operatorDesk(snap, d, req.operator.id)));
        }
        return { desks };
      },
    );

    app.post(
      `${base}/desks/:deskId/session`,
      {
        schema: {
          tags: ['queue'],
          summary: 'Sign in at a desk (leaving any other); takeOver: replace the officer signed in there',
          params: DeskParams,
          body: Type.Union([Type.Object({ takeOver: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), Type.Null()]),
          response: { 200: DeskLine, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        await signInAtDesk(ctx, req.operator, req.params.deskId, req.body?.takeOver === true);
        return line(req.tenant, req.operator, req.params.deskId);
      },
    );

    app.delete(
      `${base}/desks/:deskId/session`,
      {
        schema: { tags: ['queue'], summary: 'Leave the desk', params: DeskParams, response: { 204: Type.Null(), 409: ErrorResponse, ...authErrors, ...errorResponses } },
      },
      async (req, reply) => {
        await signOutOfDesk(ctx, req.operator, req.params.deskId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/desks/:deskId/line`,
      {
        schema: {
          tags: ['queue'],
          summary: "The desk's line: the ticket in hand, parked tickets and the waiting tickets in call order",
          params: DeskParams,
          response: { 200: DeskLine, ...authErrors, ...errorResponses },
        },
      },
      async (req) => line(req.tenant, req.operator, req.params.deskId),
    );

    app.get(
      `${base}/desks/:deskId/live`,
      {
        websocket: true,
        schema: { tags: ['queue'], summary: 'Live channel of a desk (WebSocket): { type: "changed" } whenever the office’s line changes', params: DeskParams },
      },
      (socket, req) => {
        const { deskId } = req.params as { deskId: string };
        void deskOffice(req.operator, deskId).then(
          (officeId) => hub.attach(req.tenant, officeId, { kind: 'desk', socket }),
          () => socket.close(4404, 'desk not found'),
        );
      },
    );

    app.post(
      `${base}/desks/:deskId/call-next`,
      {
        schema: {
          tags: ['queue'],
          summary: 'Call the next ticket (what the desk had in hand is finished); 204 when the line is empty',
          params: DeskParams,
          response: { ...actionResponses, 204: Type.Null() },
        },
      },
      async (req, reply) => {
        const r = await callNext(ctx, req.tenant, req.operator, req.params.deskId);
        return r.ticket ? answer(req.tenant, req.params.deskId, r) : reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/desks/:deskId/call/:ticketId`,
      {
        schema: { tags: ['queue'], summary: 'Call a chosen waiting ticket of this desk’s line', params: DeskTicketParams, response: actionResponses },
      },
      async (req) => answer(req.tenant, req.params.deskId, await callNext(ctx, req.tenant, req.operator, req.params.deskId, req.params.ticketId)),
    );

    const simple = (path: string, summary: string, fn: typeof recall) =>
      app.post(`${base}/desks/:deskId/${path}`, { schema: { tags: ['queue'], summary, params: DeskParams, response: actionResponses } }, async (req) =>
        answer(req.tenant, req.params.deskId, await fn(ctx, req.tenant, req.operator, req.params.deskId)),
      );
    simple('recall', 'Call the current ticket again (board, sound, email)', recall);
    simple('start', 'The citizen is at the desk: start serving', startServing);
    simple('no-show', 'The citizen did not come', noShow);
    simple('park', 'Park the current ticket (the citizen steps away); resume it later', park);

    app.post(
      `${base}/desks/:deskId/finish`,
      {
        schema: {
          tags: ['queue'],
          summary: 'Finish serving the current ticket (optional note)',
          params: DeskParams,
          body: Type.Union([FinishRequest, Type.Null()]),
          response: actionResponses,
        },
      },
      async (req) => answer(req.tenant, req.params.deskId, await finishServing(ctx, req.tenant, req.operator, req.params.deskId, req.body?.note)),
    );

    app.post(
      `${base}/desks/:deskId/resume/:ticketId`,
      {
        schema: { tags: ['queue'], summary: 'Resume a ticket parked at this desk (it is called again)', params: DeskTicketParams, response: actionResponses },
      },
      async (req) => answer(req.tenant, req.params.deskId, await resume(ctx, req.tenant, req.operator, req.params.deskId, req.params.ticketId)),
    );

    app.post(
      `${base}/desks/:deskId/transfer`,
      {
        schema: {
          tags: ['queue'],
          summary: 'Transfer the current ticket (or a parked one: ticketId) to another queue and/or desk of the office',
          params: DeskParams,
          body: Type.Intersect([TransferRequest, Type.Object({ ticketId: Type.Optional(Uuid) })]),
          response: actionResponses,
        },
      },
      async (req) => answer(req.tenant, req.params.deskId, await transfer(ctx, req.tenant, req.operator, req.params.deskId, req.body)),
    );

    // ---- statistics ----

    async function stats(req: { tenant: QueueTenant; operator: OperatorPrincipal; query: { officeId: string; from: string; to: string } }) {
      validateRange(req.query.from, req.query.to);
      assertOffice(req.operator, req.query.officeId);
      if (req.operator.role === 'operator') throw forbidden();
      const office = await ctx.db.selectFrom('offices').select('id').where('tenant_id', '=', req.tenant.id).where('id', '=', req.query.officeId).executeTakeFirst();
      if (!office) throw officeNotFound();
      const today = localDate(ctx.clock.now().getTime(), req.tenant.time_zone);
      return { today, rows: await statsRows(ctx, req.tenant.id, office.id, req.query.from, req.query.to, today) };
    }

    app.get(
      `${base}/queue/stats`,
      {
        schema: {
          tags: ['queue'],
          summary: "Today's figures and statistics per day, service and desk (managers, admins)",
          params: TenantParams,
          querystring: StatsQuery,
          response: { 200: StatsResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const { today, rows } = await stats(req);
        return { officeId: req.query.officeId, from: req.query.from, to: req.query.to, today: await todayFigures(ctx, req.tenant.id, req.query.officeId, today), rows };
      },
    );

    app.get(
      `${base}/queue/stats.csv`,
      {
        schema: {
          tags: ['queue'],
          summary: 'The same statistics as CSV (semicolons, decimal commas)',
          params: TenantParams,
          querystring: StatsQuery,
          response: { 200: FileResponse('Statistics (CSV)', ['text/csv'], Type.String()), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const { rows } = await stats(req);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="statistiche-coda-${req.query.from}-${req.query.to}.csv"`)
          .send(statsCsv(rows));
      },
    );

    // ---- configuration ----

    app.get(
      `${base}/admin/offices/:officeId/queue`,
      {
        schema: {
          tags: ['admin'],
          summary: "An office's queues, desks' queues and queue rules",
          params: OfficeIdParams,
          response: { 200: OfficeQueueConfig, ...authErrors, ...errorResponses },
        },
      },
      async (req) => getQueueConfig(ctx, req.operator, req.params.officeId),
    );

    app.put(
      `${base}/admin/offices/:officeId/queue-settings`,
      {
        schema: {
          tags: ['admin'],
          summary: "Change an office's queue rules",
          params: OfficeIdParams,
          body: OfficeQueueSettings,
          response: { 200: OfficeQueueConfig, ...authErrors, ...errorResponses },
        },
      },
      async (req) => putQueueSettings(ctx, req.operator, req.params.officeId, req.body),
    );

    app.post(
      `${base}/admin/queues`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Create a queue (prefix letter, services)',
          params: TenantParams,
          body: QueueInput,
          response: { 201: OfficeQueueConfig, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertOffice(req.operator, req.body.officeId);
        assertCanConfigureOffice(req.operator, req.body.officeId);
        return reply.status(201).send(await createQueue(ctx, req.operator, req.body));
      },
    );

    app.patch(
      `${base}/admin/queues/:queueId`,
      {
        schema: {
          tags: ['admin'],
          summary: 'Change a queue',
          params: Type.Intersect([TenantParams, Type.Object({ queueId: Uuid })]),
          body: QueuePatch,
          response: { 200: OfficeQueueConfig, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => updateQueue(ctx, req.operator, req.params.queueId, req.body),
    );

    app.get(
      `${base}/admin/priority-classes`,
      {
        schema: {
          tags: ['admin'],
          summary: "The comune's priority classes (served first among walk-ins)",
          params: TenantParams,
          response: { 200: PriorityClassList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => getPriorityClasses(ctx, req.operator),
    );

    app.put(
      `${base}/admin/priority-classes`,
      {
        schema: {
          tags: ['admin'],
          summary: "Replace the comune's priority classes (admins)",
          params: TenantParams,
          body: PriorityClassList,
          response: { 200: PriorityClassList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => putPriorityClasses(ctx, req.operator, req.body),
    );

    app.put(
      `${base}/admin/desks/:deskId/queues`,
      {
        schema: {
          tags: ['admin'],
          summary: 'The queues a desk serves, and whether it takes video',
          params: DeskParams,
          body: DeskQueuesInput,
          response: { 200: OfficeQueueConfig, ...authErrors, ...errorResponses },
        },
      },
      async (req) => putDeskQueues(ctx, req.operator, req.params.deskId, req.body),
    );
  };
}

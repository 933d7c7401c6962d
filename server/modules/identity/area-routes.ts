// The personal area's API ("Scrivania virtuale"): the desk (latest messages, activities, next
// deadlines and appointments), appointments with a manage link, messages, activities, deadlines,
// contacts with a verified email, "download my data", and services' privacy notices. Every route
// needs the citizen's session; writes need its CSRF token.
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, errorResponses, Line, TenantParams } from '../../../contracts/common.ts';
import {
  Activity,
  AppointmentParams,
  CitizenAppointments,
  CitizenMe,
  ContactsInput,
  Dashboard,
  Deadline,
  InboxPage,
  ManageLink,
  MessageParams,
  PageQuery,
} from '../../../contracts/identity.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { manageUrl } from '../booking/index.ts';
import { insertBookingToken } from '../booking/index.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { citizenOnly } from '../../platform/citizens/auth.ts';
import { countMessages, listActivityEntries, listCitizenBookings, listDeadlines, listMessages, markMessageRead } from './area-repository.ts';
import { findCitizen } from '../../platform/citizens/sessions.ts';
import { activityBy, activityTitle } from './domain/activity-titles.ts';
import { confirmEmail, updateContacts } from './contacts.ts';
import { exportCitizenData } from './export.ts';
import { toCitizenMe } from './me.ts';
import { rateLimited } from '../../platform/http/rate-limit.ts';

const PAGE = 20;
const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

export function areaRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const writeLimit = rateLimited(ctx.config, 'publicWrites');
    const at = (tz: string, d: Date) => formatInstant(d.getTime(), tz);

    // The email-confirmation link opens in a browser that may have no session (another device).
    app.get(
      '/api/v1/:tenant/me/email/confirm',
      {
        config: writeLimit,
        schema: {
          tags: ['identity'],
          summary: 'Confirm a contact email from the link sent to it (redirects to the settings)',
          params: TenantParams,
          querystring: Type.Object({ token: Line({ minLength: 20, maxLength: 100 }) }),
          response: { 302: Type.Null(), ...errorResponses },
        },
      },
      async (req, reply) => {
        const ok = await confirmEmail(ctx, req.tenant.id, req.query.token);
        return reply.redirect(`/${req.tenant.slug}/area-personale/impostazioni?email=${ok ? 'confermata' : 'link-non-valido'}`, 302);
      },
    );

    await app.register(async (plugin) => {
      const area = plugin.withTypeProvider<TypeBoxTypeProvider>();
      citizenOnly(area, ctx);
      // Personal data: never kept by a shared cache or the browser's back-forward store.
      area.addHook('onSend', async (_req, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });
      const who = (req: { tenant: { id: string }; citizen: unknown }) => {
        const c = (req.citizen as { citizen: { id: string; fiscal_code: string } }).citizen;
        return { tenantId: req.tenant.id, citizenId: c.id, fiscalCode: c.fiscal_code };
      };

      async function appointments(tenantId: string, fiscalCode: string, tz: string) {
        const now = ctx.clock.now();
        const rows = await listCitizenBookings(ctx.db, tenantId, fiscalCode);
        const toView = (b: (typeof rows)[number]) => ({
          id: b.id,
          reference: b.reference ?? '',
          status: b.status,
          start: at(tz, b.start_at),
          end: at(tz, b.end_at),
          serviceId: b.service_id,
          serviceName: b.service_name,
          officeName: b.office_name,
          mode: b.mode,
          canChange: (b.status === 'pending' || b.status === 'confirmed') && now.getTime() < b.start_at.getTime() - b.cutoff_min * 60_000,
        });
        const active = (b: (typeof rows)[number]) => b.end_at > now && b.status !== 'cancelled' && b.status !== 'done' && b.status !== 'no_show';
        return { upcoming: rows.filter(active).reverse().map(toView), past: rows.filter((b) => !active(b)).map(toView) };
      }

      async function activities(tenantId: string, citizenId: string, fiscalCode: string, tz: string, limit: number, offset: number) {
        const rows = await listActivityEntries(ctx.db, tenantId, citizenId, fiscalCode, limit, offset);
        return rows.flatMap((r) => {
          const title = activityTitle({ actor_type: r.actor_type, action: r.action, details: r.details, reference: r.reference, service_name: r.service_name });
          return title ? [{ at: at(tz, r.at), title, by: activityBy(r.actor_type), link: null }] : [];
        });
      }

      async function deadlines(tenantId: string, fiscalCode: string, tz: string) {
        const now = ctx.clock.now();
        const own = (await listDeadlines(ctx.db, tenantId, fiscalCode, now)).map((d) => ({ title: d.title, due: at(tz, d.due_at), link: d.link, kind: 'deadline' as const }));
        const upcoming = (await appointments(tenantId, fiscalCode, tz)).upcoming.map((a) => ({
          title: `Appuntamento: ${a.serviceName} (${a.officeName})`,
          due: a.start,
          link: null,
          kind: 'appointment' as const,
        }));
        return [...own, ...upcoming].sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
      }

      const messageView = (tz: string) => (m: Awaited<ReturnType<typeof listMessages>>[number]) => ({
        id: m.id,
        subject: m.subject,
        body: m.body,
        link: m.link,
        at: at(tz, m.created_at),
        read: m.read_at !== null,
      });

      area.get(
        '/api/v1/:tenant/me/dashboard',
        {
          schema: {
            tags: ['identity'],
            summary: 'Scrivania: latest messages, activities, next deadlines and appointments',
            params: TenantParams,
            response: { 200: Dashboard, ...authErrors },
          },
        },
        async (req) => {
          const w = who(req);
          const tz = req.tenant.time_zone;
          const [messages, counts, acts, dl, appts] = await Promise.all([
            listMessages(ctx.db, w.tenantId, w.fiscalCode, 3),
            countMessages(ctx.db, w.tenantId, w.fiscalCode),
            activities(w.tenantId, w.citizenId, w.fiscalCode, tz, 5, 0),
            deadlines(w.tenantId, w.fiscalCode, tz),
            appointments(w.tenantId, w.fiscalCode, tz),
          ]);
          return { messages: messages.map(messageView(tz)), unread: counts.unread, activities: acts, deadlines: dl.slice(0, 5), appointments: appts.upcoming.slice(0, 3) };
        },
      );

      area.get(
        '/api/v1/:tenant/me/appointments',
        {
          schema: { tags: ['identity'], summary: "The citizen's appointments, upcoming and past", params: TenantParams, response: { 200: CitizenAppointments, ...authErrors } },
        },
        async (req) => {
          const w = who(req);
          return appointments(w.tenantId, w.fiscalCode, req.tenant.time_zone);
        },
      );

      area.post(
        '/api/v1/:tenant/me/appointments/:id/manage-link',
        {
          config: writeLimit,
          schema: {
            tags: ['identity'],
            summary: 'A manage link for one of the citizen’s own appointments (to move or cancel it)',
            params: AppointmentParams,
            response: { 200: ManageLink, ...authErrors, ...errorResponses },
          },
        },
        async (req) => {
          const w = who(req);
          const b = await ctx.db
            .selectFrom('bookings')
            .select('id')
            .where('tenant_id', '=', w.tenantId)
            .where('id', '=', req.params.id)
            .where('fiscal_code', '=', w.fiscalCode)
            .where('status', '<>', 'held')
            .executeTakeFirst();
          if (!b) throw appError('NOT_FOUND', { variant: 'booking' });
          const token = newSecret();
          await insertBookingToken(ctx.db, w.tenantId, b.id, token);
          return { manageUrl: new URL(manageUrl(ctx.config, req.tenant.slug, token)).pathname };
        },
      );

      area.get(
        '/api/v1/:tenant/me/messages',
        {
          schema: {
            tags: ['identity'],
            summary: 'Messages from the comune, newest first',
            params: TenantParams,
            querystring: PageQuery,
            response: { 200: InboxPage, ...authErrors, ...errorResponses },
          },
        },
        async (req) => {
          const w = who(req);
          const page = req.query.page ?? 1;
          const [messages, counts] = await Promise.all([listMessages(ctx.db, w.tenantId, w.fiscalCode, PAGE, (page - 1) * PAGE), countMessages(ctx.db, w.tenantId, w.fiscalCode)]);
          return { messages: messages.map(messageView(req.tenant.time_zone)), unread: counts.unread, total: counts.total };
        },
      );

      area.post(
        '/api/v1/:tenant/me/messages/:id/read',
        {
          schema: { tags: ['identity'], summary: 'Mark a message read', params: MessageParams, response: { 204: Type.Null(), ...authErrors, ...errorResponses } },
        },
        async (req, reply) => {
          const w = who(req);
          if (!(await markMessageRead(ctx.db, w.tenantId, w.fiscalCode, req.params.id, ctx.clock.now()))) throw appError('NOT_FOUND', { variant: 'message' });
          return reply.status(204).send(null);
        },
      );

      area.get(
        '/api/v1/:tenant/me/activities',
        {
          schema: {
            tags: ['identity'],
            summary: 'What was done by or for the citizen, newest first',
            params: TenantParams,
            querystring: PageQuery,
            response: { 200: Type.Object({ activities: Type.Array(Activity) }), ...authErrors, ...errorResponses },
          },
        },
        async (req) => {
          const w = who(req);
          const page = req.query.page ?? 1;
          return { activities: await activities(w.tenantId, w.citizenId, w.fiscalCode, req.tenant.time_zone, PAGE, (page - 1) * PAGE) };
        },
      );

      area.get(
        '/api/v1/:tenant/me/deadlines',
        {
          schema: {
            tags: ['identity'],
            summary: 'Next deadlines and appointments',
            params: TenantParams,
            response: { 200: Type.Object({ deadlines: Type.Array(Deadline) }), ...authErrors },
          },
        },
        async (req) => {
          const w = who(req);
          return { deadlines: await deadlines(w.tenantId, w.fiscalCode, req.tenant.time_zone) };
        },
      );

      area.put(
        '/api/v1/:tenant/me/contacts',
        {
          config: writeLimit,
          schema: {
            tags: ['identity'],
            summary: 'Change contacts: a new email is confirmed by a link sent to it; phone; email notices on or off',
            params: TenantParams,
            body: ContactsInput,
            response: { 200: CitizenMe, ...authErrors, ...errorResponses },
          },
        },
        async (req) => {
          const p = req.citizen!;
          await updateContacts(ctx, req.tenant, p.citizen, req.body);
          const citizen = (await findCitizen(ctx.db, req.tenant.id, p.citizen.id))!;
          return toCitizenMe({ ...p, citizen }, (await countMessages(ctx.db, req.tenant.id, citizen.fiscal_code)).unread);
        },
      );

      area.get(
        '/api/v1/:tenant/me/export',
        {
          config: rateLimited(ctx.config, 'dataExport'),
          schema: {
            tags: ['identity'],
            summary: 'Download my data (JSON): profile, appointments, messages, deadlines, activities',
            params: TenantParams,
            response: { 200: Type.Unknown(), ...authErrors },
          },
        },
        async (req, reply) => {
          const data = await exportCitizenData(ctx, req.tenant, req.citizen!.citizen);
          await ctx.bus.record(ctx.db, {
            actor: { type: 'citizen', id: req.citizen!.citizen.id },
            tenantId: req.tenant.id,
            action: 'citizen.data-exported',
            entityType: 'citizen',
            entityId: req.citizen!.citizen.id,
          });
          return reply
            .type('application/json; charset=utf-8')
            .header('cache-control', 'no-store')
            .header('content-disposition', `attachment; filename="i-miei-dati-${req.tenant.slug}.json"`)
            .send(JSON.stringify(data, null, 2));
        },
      );
    });
  };
}

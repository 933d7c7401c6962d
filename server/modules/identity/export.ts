// "Download my data": everything the comune holds about the citizen in this installation, as JSON
// (GDPR art. 15 and 20): identity and contacts, appointments, tickets' are anonymous and so absent,
// messages, deadlines, and the log of actions.
import type { AppContext } from '../../platform/context.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { listActivityEntries, listDeadlines, listMessages } from './area-repository.ts';
import type { CitizenRow } from '../../platform/citizens/sessions.ts';
import { activityTitle } from './domain/activity-titles.ts';

export async function exportCitizenData(ctx: AppContext, tenant: { id: string; name: string; time_zone: string }, c: CitizenRow) {
  const iso = (d: Date | null) => (d ? formatInstant(d.getTime(), tenant.time_zone) : null);
  const [bookings, messages, deadlines, activity] = await Promise.all([
    ctx.db
      .selectFrom('bookings as b')
      .innerJoin('services as s', 's.id', 'b.service_id')
      .innerJoin('offices as o', 'o.id', 'b.office_id')
      .select([
        'b.reference',
        'b.status',
        'b.start_at',
        'b.end_at',
        's.name as service',
        'o.name as office',
        'b.applicant_name',
        'b.applicant_surname',
        'b.applicant_email',
        'b.applicant_address',
        'b.reason',
        'b.details',
        'b.created_at',
        'b.cancelled_at',
        'b.cancel_reason',
      ])
      .where('b.tenant_id', '=', tenant.id)
      .where('b.fiscal_code', '=', c.fiscal_code)
      .where('b.status', '<>', 'held')
      .orderBy('b.start_at')
      .execute(),
    listMessages(ctx.db, tenant.id, c.fiscal_code, 10_000),
    listDeadlines(ctx.db, tenant.id, c.fiscal_code, new Date(0)),
    listActivityEntries(ctx.db, tenant.id, c.id, c.fiscal_code, 10_000),
  ]);
  return {
    comune: tenant.name,
    exportedAt: iso(ctx.clock.now()),
    identity: {
      fiscalCode: c.fiscal_code,
      givenName: c.given_name,
      familyName: c.family_name,
      birthDate: c.birth_date,
      birthPlace: c.birth_place,
      residenceAddress: c.residence_address,
      emailFromIdentityProvider: c.identity_email,
      spidLevel: c.spid_level,
    },
    contacts: { email: c.email, emailVerifiedAt: iso(c.email_verified_at), phone: c.phone, notifyByEmail: c.notify_email },
    appointments: bookings.map((b) => ({
      reference: b.reference,
      status: b.status,
      service: b.service,
      office: b.office,
      start: iso(b.start_at),
      end: iso(b.end_at),
      applicant: { name: b.applicant_name, surname: b.applicant_surname, email: b.applicant_email, address: b.applicant_address },
      reason: b.reason,
      details: b.details,
      bookedAt: iso(b.created_at),
      cancelledAt: iso(b.cancelled_at),
      cancelReason: b.cancel_reason,
    })),
    messages: messages.map((m) => ({ subject: m.subject, body: m.body, at: iso(m.created_at), readAt: iso(m.read_at) })),
    deadlines: deadlines.map((d) => ({ title: d.title, due: iso(d.due_at) })),
    activity: activity.flatMap((a) => {
      const title = activityTitle({ actor_type: a.actor_type, action: a.action, details: a.details, reference: a.reference, service_name: a.service_name });
      return title ? [{ at: iso(a.at), title }] : [];
    }),
    firstLogin: iso(c.created_at),
    lastLogin: iso(c.last_login_at),
  };
}

// Cards as the API gives them: the public list item, the whole card, and the admins' view.
import { type AdminServiceCard, type CatalogueItem, SERVICE_CATEGORIES, type ServiceCard, type ServiceCategory } from '../../../contracts/service-cards.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import type { FormVersion } from './forms-repository.ts';
import type { CardView } from './repository.ts';

export const cardPath = (tenantSlug: string, slug: string) => `/${tenantSlug}/servizi/${slug}`;

export function toCatalogueItem(
  tenantSlug: string,
  r: { slug: string; title: string; summary: string; category: string; active: boolean; booking_service_id: string | null },
  online: boolean,
): CatalogueItem {
  return {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    category: r.category as ServiceCategory,
    status: r.active ? 'active' : 'inactive',
    online,
    bookable: r.booking_service_id !== null,
    url: cardPath(tenantSlug, r.slug),
  };
}

export function toServiceCard(tenantSlug: string, tz: string, c: CardView, form: FormVersion | undefined): ServiceCard {
  return {
    ...toCatalogueItem(tenantSlug, { ...c, booking_service_id: c.booking_id }, form !== undefined),
    categoryName: SERVICE_CATEGORIES[c.category as ServiceCategory] ?? c.category,
    inactiveReason: c.active ? null : c.inactive_reason,
    audience: c.audience,
    description: c.description,
    howTo: c.how_to,
    whatYouNeed: c.what_you_need,
    whatYouGet: c.what_you_get,
    timesAndDeadlines: c.times_and_deadlines,
    maxDays: c.max_days,
    costs: c.costs,
    linkedProcedures: c.linked_procedures,
    accessOnline: c.access_online,
    accessInPerson: c.access_in_person,
    moreInfo: c.more_info,
    specialCases: c.special_cases,
    conditions: c.conditions,
    topics: c.topics,
    office: { id: c.office_id, name: c.office_name, address: c.office_address, phone: c.office_phone, email: c.office_email, openingHours: c.office_hours },
    booking: c.booking_id && c.booking_office_id ? { officeId: c.booking_office_id, serviceId: c.booking_id, name: c.booking_name ?? '' } : null,
    form: form ? { version: form.version, definition: form.definition } : null,
    updatedAt: formatInstant(new Date(c.updated_at).getTime(), tz),
  };
}

export function toAdminCard(tenantSlug: string, tz: string, c: CardView, form: FormVersion | undefined): AdminServiceCard {
  return { ...toServiceCard(tenantSlug, tz, c, form), id: c.id, published: c.published, officeId: c.office_id, bookingServiceId: c.booking_service_id };
}

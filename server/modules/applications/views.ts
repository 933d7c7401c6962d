// Applications as the citizen's API gives them.
import type { ApplicationAttachment, ApplicationSummary } from '../../../contracts/applications.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { protocolLabel } from '../protocol/index.ts';
import type { ApplicationRow, AttachmentRow } from './repository.ts';

const iso = (d: Date | string | null, tz: string) => (d ? formatInstant(new Date(d).getTime(), tz) : null);

export const applicationUrl = (tenantSlug: string, id: string) => `/api/v1/${tenantSlug}/me/applications/${id}`;

export function toSummary(tenantSlug: string, tz: string, a: ApplicationRow): ApplicationSummary {
  const filed = a.protocol_number !== null && a.protocol_year !== null && a.protocol_registered_at !== null;
  return {
    id: a.id,
    status: a.status,
    state: a.state,
    service: { slug: a.card_slug, title: a.card_title },
    createdAt: iso(a.created_at, tz)!,
    updatedAt: iso(a.updated_at, tz)!,
    submittedAt: iso(a.submitted_at, tz),
    expiresAt: a.status === 'draft' ? iso(a.expires_at, tz) : null,
    protocol: filed
      ? { number: a.protocol_number!, year: a.protocol_year!, label: protocolLabel(a.protocol_number!, a.protocol_year!), registeredAt: iso(a.protocol_registered_at, tz)! }
      : null,
    receiptUrl: filed ? `${applicationUrl(tenantSlug, a.id)}/receipt` : null,
  };
}

export function toAttachment(tenantSlug: string, a: AttachmentRow): ApplicationAttachment {
  return {
    id: a.id,
    field: a.field,
    name: a.name,
    mediaType: a.media_type,
    size: a.size,
    sha256: a.sha256,
    signed: a.signed,
    url: `${applicationUrl(tenantSlug, a.application_id)}/attachments/${a.id}`,
  };
}

/** The attachments the data names (the filed ones), in upload order; others were uploaded and left out. */
export function usedAttachments(data: unknown, attachments: AttachmentRow[]): AttachmentRow[] {
  const named = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') named.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return attachments.filter((a) => named.has(a.id));
}

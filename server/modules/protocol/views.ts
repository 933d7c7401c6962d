// An entry as the console shows it: the label, local times, who registered it, its documents'
// download addresses and its annulment.
import type { ProtocolEntry } from '../../../contracts/protocol.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { protocolLabel } from './domain/numbering.ts';
import type { EntryView } from './repository.ts';

export function documentUrl(tenantSlug: string, entryId: string, index: number): string {
  return `/api/v1/${tenantSlug}/operator/protocol/${entryId}/documents/${index}`;
}

export function toProtocolEntry(e: EntryView, tenantSlug: string, tz: string): ProtocolEntry {
  return {
    id: e.id,
    number: e.number,
    year: e.year,
    label: protocolLabel(e.number, e.year),
    registeredAt: formatInstant(new Date(e.registered_at).getTime(), tz),
    direction: e.direction,
    correspondent: e.correspondent,
    subject: e.subject,
    classification: e.classification,
    applicationId: e.application_id,
    registeredBy: { type: e.registered_by_type, name: e.registered_by_name },
    documents: e.documents.map((d, index) => ({ index, name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256, url: documentUrl(tenantSlug, e.id, index) })),
    annulment: e.annulled_at ? { reason: e.annul_reason ?? '', at: formatInstant(new Date(e.annulled_at).getTime(), tz), by: e.annulled_by_name ?? '' } : null,
  };
}

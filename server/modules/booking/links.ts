// Citizen-facing links. The manage token travels in the path of the page; the page calls the API.
import type { Config } from '../../config.ts';

export function manageUrl(config: Config, tenantSlug: string, token: string): string {
  return `${config.publicUrl}/${tenantSlug}/appuntamento/${token}`;
}

/** The video room of a booking, reached through the citizen's own manage token. */
export function citizenVideoUrl(config: Config, tenantSlug: string, token: string): string {
  return `${manageUrl(config, tenantSlug, token)}/video`;
}

/** "I have arrived": the check-in page of an in-person booking; its QR code is read by the office's kiosk. */
export function arrivalUrl(config: Config, tenantSlug: string, token: string): string {
  return `${manageUrl(config, tenantSlug, token)}/arrivo`;
}

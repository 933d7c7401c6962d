// Addresses of rooms. The citizen of a booking enters through the manage link (booking/links.ts);
// these are the officer's room, the citizen's immediate room and the console page of a booking's room.
import type { Config } from '../../config.ts';

export function officerRoomUrl(config: Config, tenantSlug: string, token: string): string {
  return `${config.publicUrl}/${tenantSlug}/operatore/video/${token}`;
}

export function immediateCitizenUrl(config: Config, tenantSlug: string, token: string): string {
  return `${config.publicUrl}/${tenantSlug}/video/${token}`;
}

/** The console page that opens a booking's room for the officer (it mints the officer's token). */
export function consoleRoomUrl(config: Config, tenantSlug: string, bookingId: string): string {
  return `${config.publicUrl}/${tenantSlug}/operatore/appuntamenti/${bookingId}/video`;
}

export function signalPath(tenantSlug: string, token: string): string {
  return `/api/v1/${tenantSlug}/video/${token}/signal`;
}

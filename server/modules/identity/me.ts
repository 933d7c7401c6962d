// The logged-in citizen as the web client sees them: what the identity provider asserted (shown
// read-only, never asked again) and the contacts they chose.
import type { CitizenMe } from '../../../contracts/identity.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';

export function toCitizenMe(p: CitizenPrincipal, unreadMessages = 0): CitizenMe {
  const c = p.citizen;
  return {
    csrfToken: p.csrfToken,
    unreadMessages,
    citizen: {
      fiscalCode: c.fiscal_code,
      givenName: c.given_name,
      familyName: c.family_name,
      birthDate: c.birth_date,
      birthPlace: c.birth_place,
      residenceAddress: c.residence_address,
      email: c.email,
      emailVerified: c.email_verified_at !== null,
      pendingEmail: c.pending_email,
      phone: c.phone,
      notifyEmail: c.notify_email,
      provider: p.provider,
      spidLevel: p.spidLevel,
    },
  };
}

// The applicant when the citizen is logged in with SPID or CIE: name, surname and residence come from
// the identity (the server takes them from there whatever the form sends: once-only), the email is
// the citizen's, editable. The draft keeps only what the citizen typed, never the identity.
import type { CitizenMe, CitizenProfile } from '../../../../contracts/identity.ts';
import type { Draft } from './draft.ts';

type Applicant = Draft['applicant'];

const same = (a: string, b: string | null) => b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The applicant the booking is made for: the identity's data over the form's. */
export function effectiveApplicant(a: Applicant, identity: CitizenProfile | null): Applicant {
  if (!identity) return a;
  return {
    ...a,
    name: identity.givenName,
    surname: identity.familyName,
    address: identity.residenceAddress ?? a.address,
    // The identity's own address needs no second typing; a different one does.
    emailConfirm: same(a.email, identity.email) ? a.email : a.emailConfirm,
  };
}

/** Whether the "Conferma email" field is needed: not for the email the citizen already confirmed. */
export const needsEmailConfirm = (a: Applicant, identity: CitizenProfile | null) => !identity || !same(a.email, identity.email);

export const identitySource = (me: Pick<CitizenMe['citizen'], 'provider'>) => (me.provider === 'cie' ? 'dai tuoi dati CIE' : 'dai tuoi dati SPID');

// The booking request being filled in. "Salva richiesta" keeps it in this browser (drafts are kept,
// PRODUCT.md), so closing the tab does not lose what the citizen typed.
export interface Draft {
  step: number;
  officeId?: string;
  serviceId?: string;
  start?: string;
  end?: string;
  holdId?: string;
  holdExpiresAt?: string;
  reason: string;
  details: string;
  applicant: { name: string; surname: string; email: string; emailConfirm: string; address: string };
  /** One per confirmation attempt: a retried submit returns the same booking. */
  idempotencyKey: string;
}

export const emptyDraft = (): Draft => ({
  step: 1,
  reason: '',
  details: '',
  applicant: { name: '', surname: '', email: '', emailConfirm: '', address: '' },
  idempotencyKey: crypto.randomUUID(),
});

const key = (tenant: string) => `sportello:bozza:${tenant}`;

export function loadDraft(tenant: string): Draft | null {
  return parseDraft(localStorage.getItem(key(tenant)));
}

function parseDraft(raw: string | null): Draft | null {
  try {
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    // A hold is short-lived: a saved draft keeps the choice but not the expired hold.
    if (d.holdExpiresAt && Date.parse(d.holdExpiresAt) < Date.now()) {
      delete d.holdId;
      delete d.holdExpiresAt;
    }
    return { ...emptyDraft(), ...d, applicant: { ...emptyDraft().applicant, ...d.applicant } };
  } catch {
    return null;
  }
}

export function saveDraft(tenant: string, d: Draft): void {
  localStorage.setItem(key(tenant), JSON.stringify(d));
}

export function clearDraft(tenant: string): void {
  localStorage.removeItem(key(tenant));
}

const loginKey = (tenant: string) => `sportello:bozza-accesso:${tenant}`;

/**
 * Keeps the request while the citizen goes to log in with SPID or CIE (the gateway is another site,
 * so the page is left): in this tab only, and taken back once on return.
 */
export function stashDraftForLogin(tenant: string, d: Draft): void {
  sessionStorage.setItem(loginKey(tenant), JSON.stringify(d));
}

export function takeStashedDraft(tenant: string): Draft | null {
  const raw = sessionStorage.getItem(loginKey(tenant));
  sessionStorage.removeItem(loginKey(tenant));
  return parseDraft(raw);
}

/** The body of POST …/bookings (the hold, when taken, turns into the booking). */
export function bookingRequest(d: Draft, a: Draft['applicant']) {
  return {
    serviceId: d.serviceId,
    start: d.start,
    ...(d.holdId ? { holdId: d.holdId } : {}),
    ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
    ...(d.details.trim() ? { details: d.details.trim() } : {}),
    applicant: { name: a.name.trim(), surname: a.surname.trim(), email: a.email.trim(), ...(a.address.trim() ? { address: a.address.trim() } : {}) },
  };
}

export type ApplicantErrors = Partial<Record<keyof Draft['applicant'], string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function validateApplicant(a: Draft['applicant']): ApplicantErrors {
  const e: ApplicantErrors = {};
  if (!a.name.trim()) e.name = 'Inserisci il nome.';
  if (!a.surname.trim()) e.surname = 'Inserisci il cognome.';
  if (!a.email.trim()) e.email = "Inserisci l'indirizzo email.";
  else if (!EMAIL.test(a.email.trim())) e.email = "L'indirizzo email non è valido, ad esempio: nome@esempio.it.";
  if (a.email.trim() && a.emailConfirm.trim().toLowerCase() !== a.email.trim().toLowerCase()) e.emailConfirm = 'Le due email non coincidono.';
  return e;
}

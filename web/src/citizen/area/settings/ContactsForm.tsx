// The contacts the citizen chooses. A new email is only used once the citizen opens the link sent to
// it: until then it is shown as waiting, and the comune keeps writing to the confirmed one.
import { useState, type FormEvent } from 'react';
import type { CitizenMe, ContactsInput } from '../../../../../contracts/identity.ts';
import { api, ApiError, errorMessage } from '../../../shared/api.ts';
import { setCitizenMe } from '../../session.ts';
import { useTenant } from '../../tenant.ts';
import { ContactField } from './ContactField.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ]{6,20}$/;

type Errors = Partial<Record<'email' | 'phone', string>>;

export function ContactsForm({ me }: { me: CitizenMe }) {
  const t = useTenant();
  const c = me.citizen;
  const [email, setEmail] = useState(c.email ?? '');
  const [phone, setPhone] = useState(c.phone ?? '');
  const [notify, setNotify] = useState(c.notifyEmail);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent): Promise<void> {
    e.preventDefault();
    setSaved(undefined);
    setFailure(undefined);
    const wanted = email.trim().toLowerCase();
    const errs: Errors = {};
    if (wanted && !EMAIL.test(wanted)) errs.email = "L'indirizzo email non è valido, ad esempio: nome@esempio.it.";
    if (phone.trim() && !PHONE.test(phone.trim())) errs.phone = 'Il numero di telefono può contenere solo cifre e spazi, con il prefisso + se serve (da 6 a 20 caratteri).';
    setErrors(errs);
    if (errs.email || errs.phone) {
      setFailure(`Correggi i dati: ${[errs.email, errs.phone].filter(Boolean).join(' ')}`);
      return;
    }
    // The email goes only when it changed: saving the phone must not cancel a confirmation in progress.
    const body: ContactsInput = { phone: phone.trim(), notifyEmail: notify };
    if (wanted !== (c.email ?? '').toLowerCase()) body.email = wanted;
    setBusy(true);
    try {
      const updated = await api<CitizenMe>(`/api/v1/${t.slug}/me/contacts`, { method: 'PUT', body });
      setCitizenMe(updated);
      const u = updated.citizen;
      setEmail(u.email ?? '');
      setPhone(u.phone ?? '');
      setNotify(u.notifyEmail);
      setSaved(
        body.email && u.pendingEmail === body.email
          ? `Contatti salvati. Ti abbiamo inviato un'email a ${u.pendingEmail}: apri il link che contiene entro 24 ore per confermare il nuovo indirizzo.`
          : 'Contatti salvati.',
      );
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const byField: Errors = {};
        for (const f of err.fields)
          if (f.field.includes('email')) byField.email = f.message;
          else if (f.field.includes('phone')) byField.phone = f.message;
        setErrors(byField);
      }
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mt-5" aria-labelledby="contacts-title">
      <h2 className="h4" id="contacts-title">
        I tuoi contatti
      </h2>
      <p>Li usiamo per scriverti di appuntamenti, scadenze e avvisi. Puoi cambiarli quando vuoi.</p>
      <div aria-live="polite">
        {saved ? (
          <div className="alert alert-success" data-testid="contacts-saved">
            {saved}
          </div>
        ) : null}
      </div>
      {failure ? (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      ) : null}
      <form onSubmit={(e) => void save(e)} noValidate>
        <ContactField id="contact-email" label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.email}>
          {c.pendingEmail ? (
            <span data-testid="pending-email">
              <strong>In attesa di conferma:</strong> {c.pendingEmail}. Apri il link che ti abbiamo inviato a questo indirizzo; finché non lo fai ti scriviamo{' '}
              {c.email ? `a ${c.email}` : 'solo qui, nei messaggi'}.
            </span>
          ) : c.email ? (
            c.emailVerified ? (
              'Indirizzo confermato.'
            ) : (
              'Indirizzo non ancora confermato.'
            )
          ) : (
            'Non hai indicato un indirizzo email: i messaggi del Comune arrivano solo qui.'
          )}
        </ContactField>
        <ContactField id="contact-phone" label="Telefono (facoltativo)" type="tel" autoComplete="tel" value={phone} onChange={setPhone} error={errors.phone}>
          Ad esempio +39 333 1234567.
        </ContactField>
        <div className="form-check mt-4">
          <input id="contact-notify" type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
          <label htmlFor="contact-notify">Ricevi gli avvisi del Comune anche per email (oltre che qui nei messaggi)</label>
        </div>
        <button type="submit" className="btn btn-primary mt-4" disabled={busy}>
          {busy ? 'Salvataggio in corso…' : 'Salva i contatti'}
        </button>
      </form>
    </section>
  );
}

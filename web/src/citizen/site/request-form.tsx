// What the footer's two forms ("Richiesta d'assistenza", "Segnalazione disservizio") share: a labelled
// field with its hint and error tied to it, the contacts fieldset (a logged-in citizen writes under
// the identity's names, the email prefilled), their checks, and the server's field errors in words.
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../../shared/api.ts';

export type Errors = Record<string, string>;

/** The ids a control's aria-describedby names: its hint and its error, when shown. */
export const describedBy = (id: string, key: string, errors: Errors, hint = false) =>
  [hint ? `${id}-${key}-hint` : '', errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ') || undefined;

export function FieldError({ id, name, errors }: { id: string; name: string; errors: Errors }) {
  return errors[name] ? (
    <div className="invalid-feedback d-block" id={`${id}-${name}-error`}>
      {errors[name]}
    </div>
  ) : null;
}

export function Field({ id, name, label, errors, hint, children }: { id: string; name: string; label: string; errors: Errors; hint?: string; children: ReactNode }) {
  return (
    <div className="form-group">
      <label htmlFor={`${id}-${name}`} className="active">
        {label}
      </label>
      {children}
      {hint ? (
        <small id={`${id}-${name}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      <FieldError id={id} name={name} errors={errors} />
    </div>
  );
}

export interface Contacts {
  name: string;
  surname: string;
  email: string;
  phone: string;
}
export interface Identity {
  givenName: string;
  familyName: string;
  email: string | null;
}

export const CONTACT_LABELS = { name: 'Nome', surname: 'Cognome', email: 'Email', phone: 'Telefono' };

/** The contacts as sent: a logged-in citizen's names are the identity's, the email theirs to change. */
export function contactsBody(me: Identity | null, c: Contacts) {
  return {
    name: me?.givenName ?? c.name.trim(),
    surname: me?.familyName ?? c.surname.trim(),
    email: (c.email || me?.email || '').trim(),
    ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
  };
}

export function checkContacts(me: Identity | null, c: Contacts): Errors {
  const missing: Errors = {};
  if (!me && !c.name.trim()) missing.name = 'Inserisci il nome.';
  if (!me && !c.surname.trim()) missing.surname = 'Inserisci il cognome.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test((c.email || me?.email || '').trim())) missing.email = "Inserisci un'email valida: la risposta arriva lì.";
  return missing;
}

/** The server's refusal as errors by field (labelled) plus a sentence for the form. */
export function refusal(err: unknown, labels: Record<string, string>): { errors: Errors; failure: string } {
  if (err instanceof ApiError && err.fields.length) {
    return { errors: Object.fromEntries(err.fields.map((f) => [f.field, `${labels[f.field] ?? 'Dato'}: ${f.message}`])), failure: 'Controlla i campi evidenziati.' };
  }
  return { errors: {}, failure: errorMessage(err) };
}

export function ContactFields({
  id,
  me,
  value,
  errors,
  onChange,
  answerWhere,
}: {
  id: string;
  me: Identity | null;
  value: Contacts;
  errors: Errors;
  onChange(key: keyof Contacts, v: string): void;
  /** Where a logged-in citizen also finds the answer. */
  answerWhere: string;
}) {
  const input = (k: keyof Contacts, type: string, autoComplete: string, max = 100) => (
    <Field id={id} name={k} label={k === 'phone' ? `${CONTACT_LABELS.phone} (facoltativo)` : CONTACT_LABELS[k]} errors={errors}>
      <input
        id={`${id}-${k}`}
        type={type}
        className={`form-control${errors[k] ? ' is-invalid' : ''}`}
        value={k === 'email' ? value.email || me?.email || '' : value[k]}
        maxLength={max}
        autoComplete={autoComplete}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={describedBy(id, k, errors)}
        onChange={(e) => onChange(k, e.target.value)}
      />
    </Field>
  );
  return (
    <fieldset className="mt-4">
      <legend className="h5">I tuoi contatti</legend>
      {me ? (
        <p>
          Scrivi come{' '}
          <strong>
            {me.givenName} {me.familyName}
          </strong>{' '}
          (accesso con identità digitale): {answerWhere}
        </p>
      ) : (
        <div className="row">
          <div className="col-12 col-md-6">{input('name', 'text', 'given-name')}</div>
          <div className="col-12 col-md-6">{input('surname', 'text', 'family-name')}</div>
        </div>
      )}
      <div className="row">
        <div className="col-12 col-md-6">{input('email', 'email', 'email', 254)}</div>
        <div className="col-12 col-md-6">{input('phone', 'tel', 'tel', 40)}</div>
      </div>
    </fieldset>
  );
}

/** The request's or report's text, its hint tied to it. */
export function DescriptionField({
  id,
  label,
  hint,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  errors: Errors;
  onChange(v: string): void;
}) {
  return (
    <Field id={id} name="description" label={label} errors={errors} hint={hint}>
      <textarea
        id={`${id}-description`}
        className={`form-control${errors.description ? ' is-invalid' : ''}`}
        rows={5}
        maxLength={4000}
        value={value}
        aria-invalid={errors.description ? true : undefined}
        aria-describedby={describedBy(id, 'description', errors, true)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** The form's refusal, if any, and its send button (which says what it is doing while busy). */
export function SendRow({ failure, busy, label }: { failure?: string | undefined; busy?: string | undefined; label: string }) {
  return (
    <>
      {failure ? (
        <div className="alert alert-danger" role="alert">
          {failure}
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={busy !== undefined}>
        {busy ?? label}
      </button>
      {busy ? (
        <span className="visually-hidden" role="status">
          {busy}
        </span>
      ) : null}
    </>
  );
}

/** The form's kind of request (its category), as a select with its error tied to it. */
export function CategorySelect({
  id,
  label,
  placeholder,
  options,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  options: readonly string[];
  value: string;
  errors: Errors;
  onChange(v: string): void;
}) {
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={`${id}-category`}>{label}</label>
      <select
        id={`${id}-category`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, 'category', errors)}
        aria-invalid={errors.category ? true : undefined}
      >
        <option value="">{placeholder}</option>
        {options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <FieldError id={id} name="category" errors={errors} />
    </div>
  );
}

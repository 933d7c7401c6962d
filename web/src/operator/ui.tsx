// Small building blocks of the console: the page heading that takes focus, status badges, the
// announced outcome of a save and labelled form fields in Bootstrap Italia's markup.
import type { BookingStatus } from '../../../contracts/statuses.ts';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../shared/api.ts';

/** The page's h1: sets the document title and takes focus when the page opens (after navigation). */
export function Heading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Area operatori — Sportello`;
  }, [title]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="mb-3 h2" id="page-title">
      {children ?? title}
    </h1>
  );
}

export const STATUS: Record<BookingStatus, { label: string; badge: string }> = {
  held: { label: 'In corso di prenotazione', badge: 'bg-secondary' },
  pending: { label: 'Da approvare', badge: 'bg-warning' },
  confirmed: { label: 'Confermato', badge: 'bg-primary' },
  checked_in: { label: 'Presente', badge: 'bg-success' },
  done: { label: 'Concluso', badge: 'bg-secondary' },
  no_show: { label: 'Non presentato', badge: 'bg-dark' },
  cancelled: { label: 'Annullato', badge: 'bg-danger' },
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  const s = STATUS[status];
  return (
    <span className={`badge ${s.badge}`} data-status={status}>
      {s.label}
    </span>
  );
}

export interface Outcome {
  ok: boolean;
  message: string;
}

/** The result of the last save: success in a polite status region, errors as an alert. */
export function OutcomeAlert({ outcome }: { outcome: Outcome | undefined }) {
  return (
    <div role="status" aria-live="polite">
      {outcome?.ok ? <div className="alert alert-success mt-3">{outcome.message}</div> : null}
      {outcome && !outcome.ok ? (
        <div className="alert alert-danger mt-3" role="alert">
          {outcome.message}
        </div>
      ) : null}
    </div>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange(v: string): void;
  type?: string;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  autoComplete?: string;
  hint?: string;
  error?: string;
  id?: string;
}

export function TextField({ label, value, onChange, type = 'text', required, maxLength, min, max, autoComplete, hint, error, id: given }: FieldProps) {
  const auto = useId();
  const id = given ?? auto;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-group compact">
      <label htmlFor={id} className="active">
        {label}
        {required ? ' *' : ''}
      </label>
      <input
        id={id}
        type={type}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        required={required}
        maxLength={maxLength}
        min={min}
        max={max}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
      {error ? (
        <div className="invalid-feedback d-block" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function TextArea({ label, value, onChange, required, maxLength, hint, rows = 3 }: FieldProps & { rows?: number }) {
  const id = useId();
  return (
    <div className="form-group compact">
      <label htmlFor={id} className="active">
        {label}
        {required ? ' *' : ''}
      </label>
      <textarea
        id={id}
        className="form-control"
        rows={rows}
        value={value}
        required={required}
        maxLength={maxLength}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <small id={`${id}-hint`} className="form-text">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  options,
  id: given,
  className = '',
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  options: Array<{ value: string; label: string }>;
  id?: string;
  className?: string;
}) {
  const auto = useId();
  const id = given ?? auto;
  return (
    <div className={`select-wrapper ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange(v: boolean): void; hint?: string }) {
  const id = useId();
  return (
    <div className="form-check">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      ) : null}
    </div>
  );
}

export const WEEKDAYS = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];

/** ISO weekday of a YYYY-MM-DD day, 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** An API error as one sentence, naming invalid fields by their labels. */
export function describeError(err: unknown, labels: Record<string, string> = {}): string {
  if (err instanceof ApiError && err.fields.length) {
    return `Alcuni dati non sono validi: ${err.fields.map((f) => `${labels[f.field] ?? f.field} (${f.message})`).join('; ')}.`;
  }
  return errorMessage(err);
}

/** A section heading that takes focus when it appears (an editing form opened by a button). */
export function FocusHeading({ children, className = 'h5' }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h3 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h3>
  );
}

/** "Pagina precedente · Pagina 2 di 7 · Pagina successiva" under a long list (`page` counts from 1). */
export function PageNav({ label, page, pages, onPage }: { label: string; page: number; pages: number; onPage(page: number): void }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="d-flex gap-2">
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Pagina precedente
      </button>
      <span className="align-self-center">
        Pagina {page} di {pages}
      </span>
      <button type="button" className="btn btn-outline-primary btn-sm" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Pagina successiva
      </button>
    </nav>
  );
}

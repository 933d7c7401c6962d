// Step 4, Richiedente: who is coming. Errors are listed at the top and next to each field.
import type { ApplicantErrors, Draft } from './draft.ts';

type Applicant = Draft['applicant'];
const FIELDS: Array<{ key: keyof Applicant; label: string; type: string; autoComplete: string; required: boolean; max: number }> = [
  { key: 'name', label: 'Nome', type: 'text', autoComplete: 'given-name', required: true, max: 80 },
  { key: 'surname', label: 'Cognome', type: 'text', autoComplete: 'family-name', required: true, max: 80 },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'email', required: true, max: 254 },
  { key: 'emailConfirm', label: 'Conferma email', type: 'email', autoComplete: 'email', required: true, max: 254 },
  { key: 'address', label: 'Indirizzo di residenza (facoltativo)', type: 'text', autoComplete: 'street-address', required: false, max: 200 },
];

export function StepApplicant({ applicant, errors, onChange }: { applicant: Applicant; errors: ApplicantErrors; onChange(p: Partial<Applicant>): void }) {
  const listed = FIELDS.filter((f) => errors[f.key]);
  return (
    <>
      {listed.length ? (
        <div className="alert alert-danger" role="alert">
          <p className="mb-1 fw-semibold">Correggi {listed.length === 1 ? 'il campo evidenziato' : 'i campi evidenziati'}:</p>
          <ul className="mb-0">
            {listed.map((f) => (
              <li key={f.key}>
                <a href={`#applicant-${f.key}`}>{errors[f.key]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="small">I campi contrassegnati con * sono obbligatori.</p>
      {FIELDS.map((f) => {
        const err = errors[f.key];
        const id = `applicant-${f.key}`;
        return (
          <div className="form-group mt-4" key={f.key}>
            <label htmlFor={id} className="active">
              {f.label}
              {f.required ? ' *' : ''}
            </label>
            <input
              id={id}
              type={f.type}
              className={`form-control${err ? ' is-invalid' : ''}`}
              autoComplete={f.autoComplete}
              maxLength={f.max}
              required={f.required}
              aria-invalid={err ? true : undefined}
              aria-describedby={err ? `${id}-error` : undefined}
              value={applicant[f.key]}
              onChange={(e) => onChange({ [f.key]: e.target.value })}
            />
            {err ? (
              <div className="invalid-feedback d-block" id={`${id}-error`}>
                {err}
              </div>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

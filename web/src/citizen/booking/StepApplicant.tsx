// Step 4, Richiedente: who is coming. Logged in with SPID or CIE, the identity's data are shown
// read-only and never asked (once-only); only the email is asked, already filled in. Logged out, a
// link offers to log in instead of typing. Errors are listed at the top and next to each field.
import type { CitizenProfile } from '../../../../contracts/identity.ts';
import { Link } from '../../shared/router.tsx';
import type { ApplicantErrors, Draft } from './draft.ts';
import { identitySource, needsEmailConfirm } from './identity.ts';

type Applicant = Draft['applicant'];
const FIELDS: Array<{ key: keyof Applicant; label: string; type: string; autoComplete: string; required: boolean; max: number }> = [
  { key: 'name', label: 'Nome', type: 'text', autoComplete: 'given-name', required: true, max: 80 },
  { key: 'surname', label: 'Cognome', type: 'text', autoComplete: 'family-name', required: true, max: 80 },
  { key: 'email', label: 'Email', type: 'email', autoComplete: 'email', required: true, max: 254 },
  { key: 'emailConfirm', label: 'Conferma email', type: 'email', autoComplete: 'email', required: true, max: 254 },
  { key: 'address', label: 'Indirizzo di residenza (facoltativo)', type: 'text', autoComplete: 'street-address', required: false, max: 200 },
];

export function StepApplicant(props: {
  applicant: Applicant;
  errors: ApplicantErrors;
  onChange(p: Partial<Applicant>): void;
  /** The logged-in citizen's identity, or null. */
  identity: CitizenProfile | null;
  /** Logged out: the login page coming back here (null while it is not known yet). */
  login: { href: string; onFollow(): void } | null;
}) {
  const { applicant, errors, identity } = props;
  const fields = identity
    ? FIELDS.filter((f) => f.key === 'email' || (f.key === 'emailConfirm' && needsEmailConfirm(applicant, identity)) || (f.key === 'address' && !identity.residenceAddress))
    : FIELDS;
  const listed = fields.filter((f) => errors[f.key]);
  return (
    <>
      {props.login ? (
        <p>
          <Link href={props.login.href} onClick={props.login.onFollow} className="fw-semibold" data-testid="applicant-login">
            Accedi con SPID o CIE per non inserire i tuoi dati
          </Link>
        </p>
      ) : null}
      {identity ? <IdentityApplicant identity={identity} /> : null}
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
      {fields.map((f) => {
        const err = errors[f.key];
        const id = `applicant-${f.key}`;
        const hint = identity && f.key === 'email' ? `${id}-hint` : undefined;
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
              aria-describedby={[err ? `${id}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined}
              value={applicant[f.key]}
              onChange={(e) => props.onChange({ [f.key]: e.target.value })}
            />
            {err ? (
              <div className="invalid-feedback d-block" id={`${id}-error`}>
                {err}
              </div>
            ) : null}
            {hint ? (
              <small className="form-text d-block" id={hint}>
                Ti scriveremo qui la conferma e i promemoria. Puoi usare un altro indirizzo per questa prenotazione.
              </small>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

function IdentityApplicant({ identity: c }: { identity: CitizenProfile }) {
  return (
    <section className="card card-bg shadow-sm no-after mb-3" aria-labelledby="applicant-identity-title" data-testid="applicant-identity">
      <div className="card-body">
        <h3 className="h5" id="applicant-identity-title">
          I tuoi dati
        </h3>
        <p className="small">Presi {identitySource(c)}: non devi inserirli e non si possono modificare qui.</p>
        <dl className="summary-list mb-0">
          <dt>Nome</dt>
          <dd>{c.givenName}</dd>
          <dt>Cognome</dt>
          <dd>{c.familyName}</dd>
          <dt>Codice fiscale</dt>
          <dd className="font-monospace">{c.fiscalCode}</dd>
          {c.residenceAddress ? (
            <>
              <dt>Indirizzo di residenza</dt>
              <dd>{c.residenceAddress}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </section>
  );
}

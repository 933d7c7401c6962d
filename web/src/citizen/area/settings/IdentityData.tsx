// What SPID or CIE asserted about the citizen: shown, never editable here (the comune cannot change
// what the identity provider says; a wrong datum is fixed at the provider or at the registry office).
import type { CitizenProfile } from '../../../../../contracts/identity.ts';
import { longDay } from '../../../shared/format.ts';

export function providerLabel(c: Pick<CitizenProfile, 'provider' | 'spidLevel'>): string {
  return c.provider === 'cie' ? "CIE (Carta d'Identità Elettronica)" : `SPID${c.spidLevel ? `, livello ${c.spidLevel}` : ''}`;
}

export function IdentityData({ citizen: c }: { citizen: CitizenProfile }) {
  const birthDate = c.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(c.birthDate) ? longDay(c.birthDate).replace(/^\S+ /, '') : c.birthDate;
  return (
    <section aria-labelledby="identity-title">
      <h2 className="h4" id="identity-title">
        I tuoi dati anagrafici
      </h2>
      <p>Dati dalla tua identità digitale, non modificabili qui. Se non sono corretti, rivolgiti al tuo gestore di identità o all'Ufficio Anagrafe.</p>
      <div className="card card-bg shadow-sm no-after">
        <div className="card-body">
          <dl className="summary-list mb-0" data-testid="identity-data">
            <dt>Nome e cognome</dt>
            <dd>
              {c.givenName} {c.familyName}
            </dd>
            <dt>Codice fiscale</dt>
            <dd className="font-monospace">{c.fiscalCode}</dd>
            {birthDate ? (
              <>
                <dt>Data di nascita</dt>
                <dd>{birthDate}</dd>
              </>
            ) : null}
            {c.birthPlace ? (
              <>
                <dt>Luogo di nascita</dt>
                <dd>{c.birthPlace}</dd>
              </>
            ) : null}
            <dt>Indirizzo di residenza</dt>
            <dd>{c.residenceAddress ?? 'Non indicato dal gestore di identità'}</dd>
            <dt>Accesso con</dt>
            <dd className="mb-0">{providerLabel(c)}</dd>
          </dl>
        </div>
      </div>
    </section>
  );
}

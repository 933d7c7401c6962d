// "Impostazioni": the identity data (read-only: they come from SPID/CIE), the contacts the citizen
// chooses, "Scarica i miei dati", and the services' privacy notices.
import { Icon } from '../../../shared/Icon.tsx';
import { useQueryParam } from '../../../shared/router.tsx';
import { useTenant } from '../../tenant.ts';
import type { SectionProps } from '../AreaPage.tsx';
import { PrivacyNoticeLinks } from '../privacy/PrivacyNoticeLinks.tsx';
import { ContactsForm } from './ContactsForm.tsx';
import { IdentityData } from './IdentityData.tsx';

export default function SettingsSection({ me }: SectionProps) {
  const t = useTenant();
  const emailOutcome = useQueryParam('email');
  return (
    <>
      {emailOutcome === 'confermata' ? (
        <div className="alert alert-success" role="status" data-testid="email-outcome">
          Indirizzo email confermato{me.citizen.email ? `: da ora ti scriviamo a ${me.citizen.email}` : ''}.
        </div>
      ) : null}
      {emailOutcome === 'link-non-valido' ? (
        <div className="alert alert-danger" role="alert" data-testid="email-outcome">
          Il link di conferma non è valido o è scaduto (vale 24 ore). Inserisci di nuovo l'indirizzo qui sotto per riceverne uno nuovo.
        </div>
      ) : null}
      <IdentityData citizen={me.citizen} />
      <ContactsForm me={me} />
      <section className="mt-5" aria-labelledby="export-title">
        <h2 className="h4" id="export-title">
          I tuoi dati
        </h2>
        <p>
          Puoi scaricare in un file tutti i dati che il {t.name} conserva su di te in questo sportello: profilo, appuntamenti, messaggi, scadenze e attività (formato JSON,
          leggibile anche con un editor di testo).
        </p>
        <a className="btn btn-outline-primary" href={`/api/v1/${t.slug}/me/export`} download={`i-miei-dati-${t.slug}.json`}>
          <Icon name="it-download" className="icon-primary me-1" />
          Scarica i miei dati
        </a>
      </section>
      <section className="mt-5" aria-labelledby="privacy-title">
        <h2 className="h4" id="privacy-title">
          Informative sulla privacy
        </h2>
        <p>Ogni servizio ha la sua informativa: chi tratta i tuoi dati, perché e per quanto tempo.</p>
        <PrivacyNoticeLinks headingLevel={3} />
      </section>
    </>
  );
}

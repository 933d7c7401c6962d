// Public list of the services' privacy notices (linked from the general privacy page).
import { PageHeading } from '../../../shared/Page.tsx';
import { Breadcrumb } from '../../Layout.tsx';
import { useTenant } from '../../tenant.ts';
import { PrivacyNoticeLinks } from './PrivacyNoticeLinks.tsx';

export default function PrivacyNoticesPage() {
  const t = useTenant();
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Informativa privacy', href: `/${t.slug}/privacy` }, { label: 'Informative dei servizi' }]} />
      <PageHeading title="Informative sulla privacy dei servizi" />
      <p>Ogni servizio del {t.name} ha la sua informativa: chi tratta i tuoi dati, perché e per quanto tempo.</p>
      <PrivacyNoticeLinks headingLevel={2} />
    </>
  );
}

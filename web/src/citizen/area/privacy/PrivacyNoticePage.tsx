// One service's privacy notice (Modello Comuni: one per service), as the comune wrote it or as the
// server composes it from what the service is.
import type { PrivacyNotice } from '../../../../../contracts/identity.ts';
import { ErrorAlert, Loading, PageHeading } from '../../../shared/Page.tsx';
import { Link } from '../../../shared/router.tsx';
import { useApi } from '../../../shared/useApi.ts';
import { Breadcrumb } from '../../Layout.tsx';
import { useTenant } from '../../tenant.ts';

export default function PrivacyNoticePage({ serviceId }: { serviceId: string }) {
  const t = useTenant();
  const res = useApi<PrivacyNotice>(`/api/v1/${t.slug}/services/${encodeURIComponent(serviceId)}/privacy`);
  const crumbs = [
    { label: 'Home', href: `/${t.slug}` },
    { label: 'Informativa privacy', href: `/${t.slug}/privacy` },
    { label: 'Informative dei servizi', href: `/${t.slug}/privacy/servizi` },
  ];
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) {
    return (
      <>
        <Breadcrumb items={[...crumbs, { label: 'Informativa non trovata' }]} />
        <PageHeading title="Informativa non trovata" />
        <ErrorAlert message={res.error} />
        <p>
          <Link href={`/${t.slug}/privacy/servizi`}>Vedi le informative di tutti i servizi</Link>
        </p>
      </>
    );
  }
  const n = res.data;
  // The first line of a composed notice repeats the title: the heading says it already.
  const lines = n.text.split('\n').filter((l, i) => l.trim() && !(i === 0 && l.startsWith('Informativa sul trattamento')));
  return (
    <>
      <Breadcrumb items={[...crumbs, { label: n.serviceName }]} />
      <PageHeading title={`Informativa privacy: ${n.serviceName}`} />
      <p className="lead">
        Servizio «{n.serviceName}» — {n.officeName}
      </p>
      <div data-testid="privacy-notice">
        {lines.map((l, i) => (
          <p key={i}>{l}</p>
        ))}
      </div>
    </>
  );
}

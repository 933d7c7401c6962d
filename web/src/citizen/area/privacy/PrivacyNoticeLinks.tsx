// The services' privacy notices, grouped by office, each linking to its page.
import { ErrorAlert, Loading } from '../../../shared/Page.tsx';
import { Link } from '../../../shared/router.tsx';
import { useApi } from '../../../shared/useApi.ts';
import { useTenant } from '../../tenant.ts';

interface NoticeList {
  notices: Array<{ serviceId: string; serviceName: string; officeName: string }>;
}

export const noticePath = (tenant: string, serviceId: string) => `/${tenant}/privacy/servizi/${encodeURIComponent(serviceId)}`;

export function PrivacyNoticeLinks({ headingLevel }: { headingLevel: 2 | 3 }) {
  const t = useTenant();
  const res = useApi<NoticeList>(`/api/v1/${t.slug}/privacy-notices`);
  if (res.loading && !res.data) return <Loading />;
  if (!res.data) return <ErrorAlert message={res.error} />;
  const offices = new Map<string, Array<{ serviceId: string; serviceName: string }>>();
  for (const n of res.data.notices) offices.set(n.officeName, [...(offices.get(n.officeName) ?? []), n]);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {[...offices].map(([office, services]) => (
        <div key={office} className="mb-3">
          <Heading className="h6 mb-1">{office}</Heading>
          <ul data-testid="privacy-notices">
            {services.map((s) => (
              <li key={s.serviceId}>
                <Link href={noticePath(t.slug, s.serviceId)}>Informativa: {s.serviceName}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

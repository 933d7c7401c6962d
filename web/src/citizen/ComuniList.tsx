import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { Link } from '../shared/router.tsx';
import { useApi } from '../shared/useApi.ts';

export function ComuniList() {
  const { data, error } = useApi<{ tenants: Array<{ slug: string; name: string }> }>('/api/v1/tenants');
  return (
    <>
      <PageHeading title="Scegli il tuo comune" />
      <p className="lead">Prenota un appuntamento con gli uffici comunali, in presenza o in videochiamata.</p>
      <ErrorAlert message={error} />
      {!data && !error ? <Loading /> : null}
      <ul className="list-unstyled">
        {data?.tenants.map((t) => (
          <li key={t.slug} className="mb-2">
            <Link href={`/${t.slug}`} className="h4">
              {t.name}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

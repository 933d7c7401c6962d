// The services of one Modello Comuni category.
import type { CatalogueList, ServiceCategory } from '../../../../contracts/service-cards.ts';
import { SERVICE_CATEGORIES } from '../../../../contracts/service-cards.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { useTenant } from '../tenant.ts';
import { servicesPath } from './paths.ts';
import { ServiceItems } from './ServiceItems.tsx';

export default function CategoryPage({ category }: { category: string }) {
  const t = useTenant();
  const known = Object.hasOwn(SERVICE_CATEGORIES, category);
  const name = known ? SERVICE_CATEGORIES[category as ServiceCategory] : 'Categoria non trovata';
  const list = useApi<CatalogueList>(known ? `/api/v1/${t.slug}/catalogue?category=${category}` : null);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Servizi', href: servicesPath(t.slug) }, { label: name }]} />
      <PageHeading title={name} />
      {!known ? <p>La categoria richiesta non esiste.</p> : null}
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          <p role="status">{list.data.services.length === 1 ? '1 servizio' : `${list.data.services.length} servizi`} in questa categoria.</p>
          <ServiceItems items={list.data.services} headingLevel={2} />
        </>
      ) : null}
    </>
  );
}

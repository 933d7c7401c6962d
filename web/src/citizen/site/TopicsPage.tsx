// "Argomenti": the topics of the comune's services (the Modello Comuni vocabulary), and each topic's
// services.
import type { CatalogueList, TopicList } from '../../../../contracts/service-cards.ts';
import { topicBySlug } from '../../../../contracts/topics.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { ServiceItems } from '../services/ServiceItems.tsx';
import { useTenant } from '../tenant.ts';
import { sitePaths } from './names.ts';

export default function TopicsPage() {
  const t = useTenant();
  const list = useApi<TopicList>(`/api/v1/${t.slug}/topics`);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Argomenti' }]} />
      <PageHeading title="Argomenti" />
      <p className="lead">I servizi del Comune raccolti per argomento.</p>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <ul className="list-inline">
          {list.data.topics.map((topic) => (
            <li key={topic.slug} className="list-inline-item mb-2">
              <Link href={`${sitePaths(t.slug).topics}/${topic.slug}`} className="chip chip-simple chip-lg" data-element="topic-element">
                <span className="chip-label">{topic.topic}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function TopicPage({ slug }: { slug: string }) {
  const t = useTenant();
  const topic = topicBySlug(slug);
  const list = useApi<CatalogueList>(topic ? `/api/v1/${t.slug}/catalogue?topic=${encodeURIComponent(topic)}` : null);
  const paths = sitePaths(t.slug);
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Argomenti', href: paths.topics }, { label: topic ?? 'Argomento non trovato' }]} />
      <PageHeading title={topic ?? 'Argomento non trovato'} />
      {!topic ? (
        <p>
          L'argomento richiesto non esiste. <Link href={paths.topics}>Vedi tutti gli argomenti</Link>.
        </p>
      ) : null}
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          <p role="status">{list.data.services.length === 1 ? '1 servizio' : `${list.data.services.length} servizi`} su questo argomento.</p>
          <ServiceItems items={list.data.services} headingLevel={2} />
        </>
      ) : null}
    </>
  );
}

// The service catalogue's pages, each a chunk loaded on demand (the booking flow carries none).
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../../shared/Page.tsx';
import { matchPath } from '../../shared/router.tsx';

const ServicesPage = lazy(() => import('./ServicesPage.tsx'));
const CategoryPage = lazy(() => import('./CategoryPage.tsx'));
const ServiceCardPage = lazy(() => import('./ServiceCardPage.tsx'));
const StartApplication = lazy(() => import('../applications/StartApplication.tsx'));
const ApplicationPage = lazy(() => import('../applications/ApplicationPage.tsx'));

export function servicesRoute(path: string): ReactNode | null {
  const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
  if (matchPath('/:tenant/servizi', path)) return wrap(<ServicesPage />);
  const category = matchPath('/:tenant/servizi/categoria/:category', path);
  if (category) return wrap(<CategoryPage key={category.category} category={category.category!} />);
  const start = matchPath('/:tenant/servizi/:slug/domanda', path);
  if (start) return wrap(<StartApplication key={start.slug} slug={start.slug!} />);
  const application = matchPath('/:tenant/domande/:id', path);
  if (application) return wrap(<ApplicationPage key={application.id} id={application.id!} />);
  const card = matchPath('/:tenant/servizi/:slug', path);
  if (card) return wrap(<ServiceCardPage key={card.slug} slug={card.slug!} />);
  return null;
}

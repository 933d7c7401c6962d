// The login page, the personal area and the services' privacy notices: each a chunk loaded on demand,
// so the booking flow carries none of them (test/web-budget.test.ts).
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../../shared/Page.tsx';
import { matchPath } from '../../shared/router.tsx';
import { AREA_SECTIONS } from './sections.ts';

const LoginPage = lazy(() => import('./LoginPage.tsx'));
const AreaPage = lazy(() => import('./AreaPage.tsx'));
const PrivacyNoticePage = lazy(() => import('./privacy/PrivacyNoticePage.tsx'));
const PrivacyNoticesPage = lazy(() => import('./privacy/PrivacyNoticesPage.tsx'));
const PaymentOutcomePage = lazy(() => import('../payments/PaymentOutcomePage.tsx'));

export function areaRoute(path: string): ReactNode | null {
  const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
  if (matchPath('/:tenant/accedi', path)) return wrap(<LoginPage />);
  const outcome = matchPath('/:tenant/area-personale/pagamenti/esito/:checkoutId', path);
  if (outcome) return wrap(<PaymentOutcomePage checkoutId={outcome.checkoutId!} />);
  const section = matchPath('/:tenant/area-personale', path) ? '' : matchPath('/:tenant/area-personale/:section', path)?.section;
  if (section !== undefined && AREA_SECTIONS.some((s) => s.segment === section)) return wrap(<AreaPage segment={section} />);
  if (matchPath('/:tenant/privacy/servizi', path)) return wrap(<PrivacyNoticesPage />);
  const notice = matchPath('/:tenant/privacy/servizi/:serviceId', path);
  if (notice) return wrap(<PrivacyNoticePage serviceId={notice.serviceId!} />);
  return null;
}

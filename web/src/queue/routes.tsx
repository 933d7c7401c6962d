// The queue's pages, each a lazily loaded chunk so the booking flow does not carry them. Kiosk and
// display board are "bare": full screen, without the site's header and footer; so is the poster,
// which is meant for paper.
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from '../shared/Page.tsx';
import { matchPath } from '../shared/router.tsx';

const TakeNumberPage = lazy(() => import('./TakeNumberPage.tsx'));
const TicketPage = lazy(() => import('./TicketPage.tsx'));
const KioskPage = lazy(() => import('./kiosk/KioskPage.tsx'));
const PosterPage = lazy(() => import('./PosterPage.tsx'));
const BoardPage = lazy(() => import('./board/BoardPage.tsx'));
const ArrivalPage = lazy(() => import('./ArrivalPage.tsx'));

export interface QueueRoute {
  page: ReactNode;
  /** Rendered without the site's header and footer. */
  bare: boolean;
}

function officePage(path: string): { officeId: string; page: string } | null {
  const m = matchPath('/:tenant/uffici/:officeId/:page', path);
  return m ? { officeId: m.officeId!, page: m.page! } : null;
}

export function isBareQueuePath(path: string): boolean {
  const p = officePage(path)?.page;
  return p === 'chiosco' || p === 'tabellone' || p === 'locandina';
}

export function queueRoute(path: string): QueueRoute | null {
  const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
  const office = officePage(path);
  if (office?.page === 'coda') return { page: wrap(<TakeNumberPage officeId={office.officeId} />), bare: false };
  if (office?.page === 'chiosco') return { page: wrap(<KioskPage officeId={office.officeId} />), bare: true };
  if (office?.page === 'tabellone') return { page: wrap(<BoardPage officeId={office.officeId} />), bare: true };
  if (office?.page === 'locandina') return { page: wrap(<PosterPage officeId={office.officeId} />), bare: true };
  const ticket = matchPath('/:tenant/biglietto/:id', path);
  if (ticket) return { page: wrap(<TicketPage id={ticket.id!} />), bare: false };
  const arrival = matchPath('/:tenant/appuntamento/:token/arrivo', path);
  if (arrival) return { page: wrap(<ArrivalPage token={arrival.token!} />), bare: false };
  return null;
}

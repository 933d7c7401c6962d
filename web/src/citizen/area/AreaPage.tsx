// The personal area ("Scrivania virtuale"): the citizen must be logged in (else the login page, coming
// back here), then the sections' navigation and the section itself, each loaded on demand.
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { Loading, PageHeading } from '../../shared/Page.tsx';
import { navigate } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { currentPath, loginPath, useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';
import { AreaNav } from './AreaNav.tsx';
import { AREA_SECTIONS, areaPath } from './sections.ts';
import type { CitizenMe } from '../../../../contracts/identity.ts';

export interface SectionProps {
  me: CitizenMe;
}

const SECTION_PAGES: Record<string, LazyExoticComponent<ComponentType<SectionProps>>> = {
  '': lazy(() => import('./desk/DeskSection.tsx')),
  appuntamenti: lazy(() => import('./appointments/AppointmentsSection.tsx')),
  messaggi: lazy(() => import('./messages/MessagesSection.tsx')),
  attivita: lazy(() => import('./ActivitiesSection.tsx')),
  scadenze: lazy(() => import('./DeadlinesSection.tsx')),
  pratiche: lazy(() => import('./CasesSection.tsx')),
  pagamenti: lazy(() => import('./PaymentsSection.tsx')),
  impostazioni: lazy(() => import('./settings/SettingsSection.tsx')),
};

export default function AreaPage({ segment }: { segment: string }) {
  const t = useTenant();
  const citizen = useCitizen();
  const section = AREA_SECTIONS.find((s) => s.segment === segment)!;
  const Section = SECTION_PAGES[segment]!;

  useEffect(() => {
    // Not logged in (or the session ended): the login page, which brings the citizen back here.
    if (citizen.status === 'anonymous') navigate(loginPath(t.slug, currentPath()), { replace: true });
  }, [citizen.status, t.slug]);

  if (citizen.status !== 'signed-in') return <Loading label={citizen.status === 'anonymous' ? 'Ti portiamo alla pagina di accesso…' : undefined} />;
  const { me } = citizen;
  const crumbs = [
    { label: 'Home', href: `/${t.slug}` },
    { label: 'Area personale', href: areaPath(t.slug) },
  ];
  return (
    <>
      <Breadcrumb items={segment ? [...crumbs, { label: section.label }] : [crumbs[0]!, { label: 'Area personale' }]} />
      <p className="mb-1 text-uppercase small fw-semibold" data-testid="area-owner">
        Area personale di {me.citizen.givenName} {me.citizen.familyName}
      </p>
      <PageHeading title={`${section.title} · Area personale`}>{section.title}</PageHeading>
      <AreaNav slug={t.slug} current={segment} unread={me.unreadMessages} />
      <div className="pt-4">
        <Suspense fallback={<Loading />}>
          <Section me={me} />
        </Suspense>
      </div>
    </>
  );
}

// The site shell's pages, each a chunk loaded on demand: the institutional sections, topics, FAQ,
// search, legal notes, and the help pages.
import { lazy, Suspense, type ReactNode } from 'react';
import { SITE_SECTIONS, type SiteSectionKey } from '../../../../contracts/site.ts';
import { Loading } from '../../shared/Page.tsx';
import { matchPath } from '../../shared/router.tsx';

const SectionPage = lazy(() => import('./SectionPage.tsx'));
const SectionSubPage = lazy(() => import('./SectionPage.tsx').then((m) => ({ default: m.SectionSubPage })));
const TopicsPage = lazy(() => import('./TopicsPage.tsx'));
const TopicPage = lazy(() => import('./TopicsPage.tsx').then((m) => ({ default: m.TopicPage })));
const FaqPage = lazy(() => import('./FaqPage.tsx'));
const SearchPage = lazy(() => import('./SearchPage.tsx'));
const LegalNotesPage = lazy(() => import('./LegalNotesPage.tsx'));
const AssistancePage = lazy(() => import('./AssistancePage.tsx'));
const InefficiencyPage = lazy(() => import('./InefficiencyPage.tsx'));
const ReportsPage = lazy(() => import('./ReportsPage.tsx'));

export function siteRoute(path: string): ReactNode | null {
  const wrap = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;
  for (const key of Object.keys(SITE_SECTIONS) as SiteSectionKey[]) {
    if (matchPath(`/:tenant/${SITE_SECTIONS[key].path}`, path)) return wrap(<SectionPage key={key} section={key} />);
    const sub = matchPath(`/:tenant/${SITE_SECTIONS[key].path}/:page`, path);
    if (sub) return wrap(<SectionSubPage key={path} section={key} page={sub.page!} />);
  }
  if (matchPath('/:tenant/argomenti', path)) return wrap(<TopicsPage />);
  const topic = matchPath('/:tenant/argomenti/:topic', path);
  if (topic) return wrap(<TopicPage key={topic.topic} slug={topic.topic!} />);
  if (matchPath('/:tenant/faq', path)) return wrap(<FaqPage />);
  if (matchPath('/:tenant/cerca', path)) return wrap(<SearchPage />);
  if (matchPath('/:tenant/note-legali', path)) return wrap(<LegalNotesPage />);
  if (matchPath('/:tenant/richiesta-assistenza', path)) return wrap(<AssistancePage />);
  if (matchPath('/:tenant/segnalazione-disservizio', path)) return wrap(<InefficiencyPage />);
  if (matchPath('/:tenant/segnalazioni', path)) return wrap(<ReportsPage />);
  return null;
}

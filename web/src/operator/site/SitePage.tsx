// "Sito del Comune" (admins): what every citizen page shows around its content (contacts, statements,
// social links, the institutional site's pages), the FAQ, and the page ratings' results.
import type { SiteProfile } from '../../../../contracts/site.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi } from '../session.tsx';
import { Heading } from '../ui.tsx';
import { CoatOfArms } from './CoatOfArms.tsx';
import { FaqEditor } from './FaqEditor.tsx';
import { PageRatings } from './PageRatings.tsx';
import { SiteSettings } from './SiteSettings.tsx';

export function SitePage() {
  const profile = useOperatorApi<SiteProfile>('admin/site');
  return (
    <>
      <Heading title="Sito del Comune" />
      <p>Contatti, dichiarazioni e collegamenti mostrati in ogni pagina dei servizi online, le domande frequenti e le valutazioni dei cittadini.</p>
      <CoatOfArms />
      <ErrorAlert message={profile.error} />
      {profile.loading && !profile.data ? <Loading /> : null}
      {profile.data ? <SiteSettings profile={profile.data} onSaved={profile.setData} /> : null}
      <FaqEditor />
      <PageRatings />
    </>
  );
}

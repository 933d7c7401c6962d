// "Compila online": starts an application for the service (after the SPID/CIE login, which brings the
// citizen back here) and opens its form. A draft already started for the service is offered first.
import { useEffect, useState } from 'react';
import type { ApplicationList } from '../../../../contracts/applications.ts';
import { ApiError, api, errorMessage } from '../../shared/api.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { areaPath } from '../area/sections.ts';
import { currentPath, loginPath, useCitizen } from '../session.ts';
import { cardPagePath } from '../services/paths.ts';
import { useTenant } from '../tenant.ts';
import { applicationPagePath } from './paths.ts';

export default function StartApplication({ slug }: { slug: string }) {
  const t = useTenant();
  const citizen = useCitizen();
  const [error, setError] = useState<string>();
  const [needsLevel3, setNeedsLevel3] = useState(false);

  useEffect(() => {
    if (citizen.status === 'anonymous') navigate(loginPath(t.slug, currentPath()), { replace: true });
    if (citizen.status !== 'signed-in') return;
    let stop = false;
    (async () => {
      const { applications } = await api<ApplicationList>(`/api/v1/${t.slug}/me/applications`);
      const draft = applications.find((a) => a.status === 'draft' && a.service.slug === slug);
      const id = draft ? draft.id : (await api<{ id: string }>(`/api/v1/${t.slug}/me/applications`, { method: 'POST', body: { service: slug } })).id;
      if (!stop) navigate(applicationPagePath(t.slug, id), { replace: true });
    })().catch((err: unknown) => {
      setNeedsLevel3(err instanceof ApiError && err.code === 'LOGIN_LEVEL_TOO_LOW');
      setError(errorMessage(err));
    });
    return () => {
      stop = true;
    };
  }, [citizen.status, t.slug, slug]);

  return (
    <>
      <PageHeading title="Domanda online" />
      {error ? (
        <>
          <ErrorAlert message={error} />
          {needsLevel3 ? (
            <p>
              <a className="btn btn-primary" href={loginPath(t.slug, currentPath(), true)}>
                Accedi di nuovo con SPID livello 3 o CIE
              </a>
            </p>
          ) : null}
          <p className="d-flex flex-wrap gap-3">
            <Link href={cardPagePath(t.slug, slug)}>Torna alla scheda del servizio</Link>
            <Link href={areaPath(t.slug, 'pratiche')}>Le tue pratiche</Link>
          </p>
        </>
      ) : (
        <Loading label="Prepariamo la domanda…" />
      )}
    </>
  );
}

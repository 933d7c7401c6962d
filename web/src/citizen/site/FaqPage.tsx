// "Domande frequenti": the comune's FAQ by topic, each answer opened on demand, with a search that
// narrows them as one types (Italian stemming on the server).
import { useEffect, useState } from 'react';
import type { FaqList } from '../../../../contracts/site.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { RichText } from '../services/RichText.tsx';
import { useTenant } from '../tenant.ts';
import { sitePaths } from './names.ts';

const TYPING_PAUSE_MS = 250;

export default function FaqPage() {
  const t = useTenant();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useApi<FaqList>(`/api/v1/${t.slug}/faq${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  const count = list.data?.groups.reduce((n, g) => n + g.entries.length, 0) ?? 0;
  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Domande frequenti' }]} />
      <PageHeading title="Domande frequenti (FAQ)" />
      <form className="mb-4" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group mb-0">
          <label htmlFor="faq-q" className="active">
            Cerca tra le domande frequenti
          </label>
          <input id="faq-q" type="search" className="form-control" maxLength={200} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </div>
      </form>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <>
          <p role="status" className="visually-hidden">
            {count === 1 ? '1 domanda trovata' : `${count} domande trovate`}
          </p>
          {count === 0 ? (
            <p>
              Nessuna domanda corrisponde a «{q}». Prova con altre parole, oppure <Link href={sitePaths(t.slug).assistance}>chiedi assistenza al Comune</Link>.
            </p>
          ) : null}
          {list.data.groups.map((g) => (
            <section key={g.topic} className="mb-4">
              <h2 className="h4">{g.topic}</h2>
              <div className="faq-list">
                {g.entries.map((e) => (
                  <details key={e.id} className="faq-item border-bottom py-2" data-element="faq-item">
                    <summary className="fw-semibold py-1">{e.question}</summary>
                    <div className="pt-2">
                      <RichText text={e.answer} />
                    </div>
                  </details>
                ))}
              </div>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}

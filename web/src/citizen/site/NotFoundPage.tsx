// "Pagina non trovata" (the server answers such an address with status 404): what happened, a search
// over the comune's site, and the ways back.
import { type FormEvent, useState } from 'react';
import { PageHeading } from '../../shared/Page.tsx';
import { Link, navigate } from '../../shared/router.tsx';
import { sitePaths } from './names.ts';

export function NotFoundPage({ slug }: { slug: string }) {
  const [q, setQ] = useState('');
  const p = sitePaths(slug);
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(`${p.search}${q.trim() ? `?q=${encodeURIComponent(q.trim())}` : ''}`);
  };
  return (
    <>
      <PageHeading title="Pagina non trovata" />
      <p className="lead">L'indirizzo che hai aperto non corrisponde a nessuna pagina: forse è cambiato, oppure contiene un errore di battitura.</p>
      <form onSubmit={search} className="d-flex flex-wrap align-items-end gap-2 mb-4">
        <div className="form-group mb-0 flex-grow-1">
          <label htmlFor="notfound-q" className="active">
            Cerca nel sito
          </label>
          <input id="notfound-q" type="search" className="form-control" maxLength={200} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="btn btn-primary">
          Cerca
        </button>
      </form>
      <ul>
        <li>
          <Link href={p.home}>Torna alla home</Link>
        </li>
        <li>
          <Link href={p.services}>Vedi tutti i servizi</Link>
        </li>
        <li>
          <Link href={p.faq}>Leggi le domande frequenti</Link>
        </li>
      </ul>
    </>
  );
}

// Bootstrap Italia pagination for the long lists (messages, activities): previous / "Pagina n di m" /
// next, as links with ?pagina=, so a page can be bookmarked and the back button works.
import { Icon } from '../../shared/Icon.tsx';
import { Link } from '../../shared/router.tsx';

export function Pager({ page, pages, hasNext, basePath, label }: { page: number; pages?: number; hasNext: boolean; basePath: string; label: string }) {
  if (page <= 1 && !hasNext) return null;
  const href = (n: number) => (n <= 1 ? basePath : `${basePath}${basePath.includes('?') ? '&' : '?'}pagina=${n}`);
  return (
    <nav className="pagination-wrapper mt-4" aria-label={label}>
      <ul className="pagination align-items-center">
        {page > 1 ? (
          <li className="page-item">
            <Link className="page-link" href={href(page - 1)}>
              <Icon name="it-chevron-left" className="icon-primary" />
              <span>Pagina precedente</span>
            </Link>
          </li>
        ) : null}
        <li className="page-item">
          <span className="page-link" aria-current="page">
            Pagina {page}
            {pages ? ` di ${pages}` : ''}
          </span>
        </li>
        {hasNext ? (
          <li className="page-item">
            <Link className="page-link" href={href(page + 1)}>
              <span>Pagina successiva</span>
              <Icon name="it-chevron-right" className="icon-primary" />
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The ?pagina= of the address, 1 when missing or not a page number. */
export function pageNumber(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

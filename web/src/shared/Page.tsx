// Page-level helpers: the document title and moving focus to the page heading after navigation, so
// screen-reader users hear where they landed.
import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from './router.tsx';

let siteName = 'Sportello';

/** Whose site this is (the comune, once known): the second half of every page's title. */
export function setSiteName(name: string): void {
  siteName = name;
}

export function PageHeading({
  title,
  children,
  className = '',
  element,
  description,
}: {
  title: string;
  children?: ReactNode;
  className?: string;
  element?: string;
  /** The page's meta description (search engines, shared links); else one made from the title. */
  description?: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — ${siteName}`;
    document.querySelector('meta[name="description"]')?.setAttribute('content', description ?? `${title}: servizi online del ${siteName}.`);
    // On the first load the browser already starts at the top; after an in-app navigation, focus the
    // new heading so a screen reader announces the page.
    if (hasNavigated()) ref.current?.focus({ preventScroll: true });
  }, [title, description]);
  return (
    <h1 ref={ref} tabIndex={-1} className={`mb-3 ${className}`} id="page-title" data-element={element}>
      {children ?? title}
    </h1>
  );
}

export function Loading({ label = 'Caricamento in corso…' }: { label?: string }) {
  return (
    <div className="d-flex align-items-center gap-2 py-3" role="status">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorAlert({ message, children }: { message?: string; children?: ReactNode }) {
  if (!message && !children) return null;
  return (
    <div className="alert alert-danger" role="alert">
      {message}
      {children}
    </div>
  );
}

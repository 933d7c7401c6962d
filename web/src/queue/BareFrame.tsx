// The frame of the pages without the site's chrome (kiosk, display board, poster): still a skip link
// and a main landmark, so keyboard and screen-reader users find their way and the page stays valid.
import type { ReactNode } from 'react';

export function BareFrame({ className, label, children }: { className: string; label?: string; children: ReactNode }) {
  return (
    <>
      <a className="visually-hidden-focusable skiplink-sportello" href="#main">
        Vai al contenuto
      </a>
      <main id="main" className={className} aria-label={label}>
        {children}
      </main>
    </>
  );
}

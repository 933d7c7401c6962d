// One box of the Scrivania: a titled card with its short list and a link to the whole section.
import type { ReactNode } from 'react';
import { Icon } from '../../../shared/Icon.tsx';
import { Link } from '../../../shared/router.tsx';

export function DeskCard({ id, title, icon, more, children }: { id: string; title: string; icon: string; more: { href: string; label: string }; children: ReactNode }) {
  return (
    <section className="col-12 col-lg-6" aria-labelledby={id}>
      <div className="card card-bg shadow-sm no-after h-100">
        <div className="card-body d-flex flex-column">
          <h2 className="h4 card-title d-flex align-items-center gap-2" id={id}>
            <Icon name={icon} className="icon-primary" />
            {title}
          </h2>
          <div className="flex-grow-1">{children}</div>
          <p className="mt-3 mb-0">
            <Link href={more.href} className="fw-semibold">
              {more.label}
              <Icon name="it-arrow-right" className="icon-primary ms-1" size="sm" />
            </Link>
          </p>
        </div>
      </div>
    </section>
  );
}

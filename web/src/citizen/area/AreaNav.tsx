// The personal area's sections as Bootstrap Italia tabs. They are links between pages (each section
// has its own address), so a navigation landmark with aria-current, not an ARIA tablist.
import { useEffect, useRef } from 'react';
import { Link } from '../../shared/router.tsx';
import { AREA_SECTIONS, areaPath } from './sections.ts';

export function AreaNav({ slug, current, unread }: { slug: string; current: string; unread: number }) {
  const ref = useRef<HTMLElement>(null);
  // On a narrow screen the tabs wrap onto more rows (none hidden off-screen); where they scroll
  // sideways, bring the current one into view.
  useEffect(() => {
    const nav = ref.current;
    const active = nav?.querySelector<HTMLElement>('.nav-link.active');
    if (nav && active) nav.scrollLeft = Math.max(0, active.offsetLeft - (nav.clientWidth - active.offsetWidth) / 2);
  }, [current]);
  return (
    <nav aria-label="Sezioni dell'area personale" className="area-nav" ref={ref}>
      <ul className="nav nav-tabs area-tabs">
        {AREA_SECTIONS.map((s) => {
          const active = s.segment === current;
          return (
            <li className="nav-item" key={s.segment}>
              <Link href={areaPath(slug, s.segment)} className={`nav-link text-nowrap${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined}>
                {s.label}
                {s.segment === 'messaggi' && unread > 0 ? (
                  <span className="badge bg-primary ms-2">
                    {unread}
                    <span className="visually-hidden"> non letti</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

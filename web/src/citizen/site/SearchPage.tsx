// "Cerca": one search over the comune's services, offices, FAQ and the site's own pages; results
// appear as one types (after a short pause), grouped by kind, and the address keeps the words
// (?q=…) so a search can be shared or reopened.
import { useEffect, useState } from 'react';
import type { Office } from '../../../../contracts/catalogue.ts';
import type { CatalogueList } from '../../../../contracts/service-cards.ts';
import { SITE_SECTIONS, type FaqList } from '../../../../contracts/site.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link, navigate, useQueryParam } from '../../shared/router.tsx';
import { useApi } from '../../shared/useApi.ts';
import { Breadcrumb } from '../Layout.tsx';
import { bookingPath, useTenant } from '../tenant.ts';
import { sectionPath, sectionTitle, sitePaths } from './names.ts';

const TYPING_PAUSE_MS = 250;
const MAX_SUGGESTIONS = 8;
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function sitePages(slug: string, comune: string) {
  const p = sitePaths(slug);
  return [
    { title: 'Servizi', href: p.services, words: 'servizi schede richieste online' },
    { title: 'Prenota appuntamento', href: bookingPath(slug), words: 'prenotazione appuntamento ufficio sportello' },
    { title: 'Domande frequenti (FAQ)', href: p.faq, words: 'faq domande frequenti aiuto' },
    { title: 'Argomenti', href: p.topics, words: 'argomenti temi' },
    { title: "Richiesta d'assistenza", href: p.assistance, words: 'assistenza aiuto contatti urp' },
    { title: 'Segnalazione disservizio', href: p.inefficiency, words: 'segnalazione disservizio guasto buca rifiuti illuminazione' },
    { title: "Accedi all'area personale", href: `/${slug}/accedi`, words: 'area personale spid cie accesso pratiche' },
    { title: 'Informativa privacy', href: p.privacy, words: 'privacy dati personali gdpr' },
    { title: 'Dichiarazione di accessibilità', href: p.accessibility, words: 'accessibilità' },
    { title: 'Note legali', href: p.legalNotes, words: 'note legali licenza' },
    ...(Object.keys(SITE_SECTIONS) as Array<keyof typeof SITE_SECTIONS>).map((k) => ({
      title: sectionTitle(k, comune),
      href: sectionPath(slug, k),
      words: Object.values(SITE_SECTIONS[k].pages).join(' '),
    })),
  ];
}

export default function SearchPage() {
  const t = useTenant();
  const initial = useQueryParam('q') ?? '';
  const [typed, setTyped] = useState(initial);
  const [q, setQ] = useState(initial.trim());
  useEffect(() => {
    const timer = setTimeout(() => {
      const next = typed.trim();
      setQ(next);
      navigate(`${sitePaths(t.slug).search}${next ? `?q=${encodeURIComponent(next)}` : ''}`, { replace: true });
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed, t.slug]);
  const enough = q.length >= 2;
  const services = useApi<CatalogueList>(enough ? `/api/v1/${t.slug}/catalogue?q=${encodeURIComponent(q)}` : null);
  const faq = useApi<FaqList>(enough ? `/api/v1/${t.slug}/faq?q=${encodeURIComponent(q)}` : null);
  const offices = useApi<{ offices: Office[] }>(enough ? `/api/v1/${t.slug}/offices` : null);
  const words = fold(q).split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((w) => fold(text).includes(w));
  const pages = enough ? sitePages(t.slug, t.name).filter((p) => matches(`${p.title} ${p.words}`)) : [];
  const officeHits = enough ? (offices.data?.offices ?? []).filter((o) => matches(`${o.name} ${o.description} ${o.address}`)) : [];
  const faqHits = enough ? (faq.data?.groups.flatMap((g) => g.entries) ?? []) : [];
  const serviceHits = enough ? (services.data?.services ?? []) : [];
  const total = pages.length + officeHits.length + faqHits.length + serviceHits.length;
  const loading = enough && (services.loading || faq.loading || offices.loading);
  const suggestions: Suggestion[] = [
    ...serviceHits.map((x) => ({ title: x.title, href: x.url, kind: 'Servizio' })),
    ...officeHits.map((o) => ({ title: o.name, href: bookingPath(t.slug, { officeId: o.id }), kind: 'Ufficio' })),
    ...faqHits.map((f) => ({ title: f.question, href: sitePaths(t.slug).faq, kind: 'Domanda frequente' })),
    ...pages.map((p) => ({ title: p.title, href: p.href, kind: 'Pagina' })),
  ].slice(0, MAX_SUGGESTIONS);

  return (
    <>
      <Breadcrumb items={[{ label: 'Home', href: `/${t.slug}` }, { label: 'Cerca' }]} />
      <PageHeading title="Cerca nel sito" />
      <form className="mb-4" onSubmit={(e) => e.preventDefault()}>
        <div className="form-group mb-0">
          <label htmlFor="site-q" className="active">
            Cerca servizi, uffici, domande frequenti e pagine
          </label>
          <SuggestingInput value={typed} onChange={setTyped} suggestions={typed.trim() === q && !loading ? suggestions : []} />
        </div>
      </form>
      <p role="status">{!enough ? 'Scrivi almeno due lettere.' : loading ? 'Ricerca in corso…' : total === 1 ? '1 risultato' : `${total} risultati`}</p>
      {serviceHits.length ? <ResultGroup title="Servizi" items={serviceHits.map((s) => ({ key: s.slug, title: s.title, href: s.url, text: s.summary }))} /> : null}
      {officeHits.length ? (
        <ResultGroup title="Uffici" items={officeHits.map((o) => ({ key: o.id, title: o.name, href: bookingPath(t.slug, { officeId: o.id }), text: o.address }))} />
      ) : null}
      {faqHits.length ? (
        <ResultGroup title="Domande frequenti" items={faqHits.map((f) => ({ key: f.id, title: f.question, href: `${sitePaths(t.slug).faq}`, text: f.topic }))} />
      ) : null}
      {pages.length ? <ResultGroup title="Pagine" items={pages.map((p) => ({ key: p.href, title: p.title, href: p.href }))} /> : null}
    </>
  );
}

interface Suggestion {
  title: string;
  href: string;
  kind: string;
}

/**
 * The search box as an ARIA 1.2 combobox: the first results are offered under it as one types; the
 * arrow keys move through them (the text stays where it is), Enter opens the one chosen, Escape
 * closes the list. The full results stay on the page below.
 */
function SuggestingInput({ value, onChange, suggestions }: { value: string; onChange(v: string): void; suggestions: Suggestion[] }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && suggestions.length > 0;
  const go = (s: Suggestion) => {
    setOpen(false);
    navigate(s.href);
  };
  return (
    <div className="position-relative">
      <input
        id="site-q"
        type="search"
        className="form-control"
        maxLength={200}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls="site-q-suggestions"
        aria-activedescendant={shown && active >= 0 ? `site-q-suggestion-${active}` : undefined}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (!suggestions.length) return;
            e.preventDefault();
            setOpen(true);
            const n = suggestions.length;
            setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
          } else if (e.key === 'Enter' && shown && active >= 0 && suggestions[active]) {
            e.preventDefault();
            go(suggestions[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
      />
      <div id="site-q-suggestions" role="listbox" aria-label="Suggerimenti" className="list-group position-absolute w-100 shadow" style={{ zIndex: 10 }} hidden={!shown}>
        {suggestions.map((s, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (focus stays in the box, aria-activedescendant names the option)
          <div
            key={`${s.kind}-${s.href}-${s.title}`}
            id={`site-q-suggestion-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className={`list-group-item list-group-item-action${i === active ? ' active' : ''}`}
            // Chosen with the mouse before the box loses focus (which would close the list).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(s)}
          >
            {s.title} <span className="small">({s.kind})</span>
          </div>
        ))}
      </div>
    </div>
  );
}

function ResultGroup({ title, items }: { title: string; items: Array<{ key: string; title: string; href: string; text?: string }> }) {
  return (
    <section className="mb-4">
      <h2 className="h4">{title}</h2>
      <ul className="list-unstyled">
        {items.map((i) => (
          <li key={i.key} className="border-bottom py-2">
            <Link href={i.href} className="fw-semibold">
              {i.title}
            </Link>
            {i.text ? <p className="small mb-0">{i.text}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

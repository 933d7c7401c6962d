// One message as a Bootstrap Italia accordion item: the subject with "Non letto"/"Letto" in words
// (and bold while unread) is the button; the body opens below it.
import type { InboxMessage } from '../../../../../contracts/identity.ts';
import { when } from '../../../shared/format.ts';
import { Link } from '../../../shared/router.tsx';
import { ownLink } from '../lists.tsx';

function linkLabel(path: string): string {
  if (/\/prenota-appuntamento/.test(path)) return 'Prenota un appuntamento';
  if (/\/appuntamento\//.test(path)) return "Apri la pagina dell'appuntamento";
  return 'Apri la pagina indicata nel messaggio';
}

export function MessageItem({ message: m, open, onToggle }: { message: InboxMessage; open: boolean; onToggle(): void }) {
  const headId = `message-head-${m.id}`;
  const bodyId = `message-body-${m.id}`;
  const link = ownLink(m.link);
  return (
    <div className="accordion-item" data-testid="inbox-message" data-read={m.read ? 'true' : 'false'}>
      <h2 className="accordion-header" id={headId}>
        <button type="button" className={`accordion-button${open ? '' : ' collapsed'}`} aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span className="d-flex flex-column">
            <span className={m.read ? 'fw-normal' : 'fw-bold'}>{m.subject}</span>
            <span className="small fw-normal text-body">
              {m.read ? 'Letto' : <strong>Non letto</strong>} · <time dateTime={m.at}>{when(m.at)}</time>
            </span>
          </span>
        </button>
      </h2>
      {/* biome-ignore lint/a11y/useSemanticElements: Bootstrap Italia's accordion panel is a labelled region */}
      <div id={bodyId} className={`accordion-collapse collapse${open ? ' show' : ''}`} role="region" aria-labelledby={headId}>
        {open ? (
          <div className="accordion-body">
            {m.body.split(/\n{2,}/).map((p, i) => (
              <p key={i} className="mail-text">
                {p}
              </p>
            ))}
            {link ? (
              <p className="mb-0">
                <Link href={link}>{linkLabel(link)}</Link>
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}

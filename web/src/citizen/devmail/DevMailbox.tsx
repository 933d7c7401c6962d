// Development mailbox: every email the system "sent", newest first: the text part with clickable
// links, the HTML part as the citizen's mail client would show it, and the attachments. Absent in
// production (the API answers 404 there).
import { Fragment, useState } from 'react';
import { PageHeading, ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useApi } from '../../shared/useApi.ts';
import { when } from '../../shared/format.ts';

interface Message {
  id: string;
  tenant: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  state: string;
  createdAt: string;
  sentAt: string | null;
  attachments: Array<{ filename: string; contentType: string }>;
}

/** Turns URLs in a plain-text email into links, leaving the rest as text. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={p}>
            {p}
          </a>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}

/**
 * The HTML part in a sandboxed frame: no scripts, forms or navigation of this page (same origin is
 * allowed only so the frame can be sized to its content; without scripts the content cannot use it).
 * Links open in a new tab. The frame inherits this page's CSP, which allows the inline styles.
 */
function HtmlPart({ html, subject }: { html: string; subject: string }) {
  const [height, setHeight] = useState(480);
  const srcDoc = html.replace(/<head>/i, '<head><base target="_blank">');
  return (
    <iframe
      title={`Versione HTML: ${subject}`}
      srcDoc={srcDoc}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      className="w-100 border"
      style={{ height }}
      onLoad={(e) => {
        const doc = e.currentTarget.contentDocument;
        if (doc) setHeight(doc.documentElement.scrollHeight + 4);
      }}
    />
  );
}

export default function DevMailbox() {
  const { data, error, loading, reload } = useApi<{ messages: Message[] }>('/api/dev/outbox?limit=100');
  return (
    <>
      <PageHeading title="Posta in uscita (sviluppo)" />
      <div className="alert alert-warning" role="note">
        Questa casella mostra le email che Sportello invierebbe. Esiste solo in modalità demo e sviluppo: in produzione le email partono via SMTP.
      </div>
      <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={reload}>
        Aggiorna
      </button>
      <ErrorAlert message={error} />
      {loading && !data ? <Loading /> : null}
      {data?.messages.length === 0 ? <p>Nessuna email.</p> : null}
      {data?.messages.map((m) => (
        <article key={m.id} className="card card-bg shadow-sm mb-3" aria-labelledby={`mail-${m.id}`}>
          <div className="card-body">
            <h2 className="h5" id={`mail-${m.id}`}>
              {m.subject}
            </h2>
            <p className="small mb-2">
              A: {m.to} · {when(m.createdAt)} · {m.state === 'sent' ? 'inviata' : m.state === 'failed' ? 'non inviata' : 'in coda'}
            </p>
            <div className="row">
              <section className={m.html ? 'col-12 col-xl-6' : 'col-12'}>
                <h3 className="h6">Testo</h3>
                <div className="mail-body">
                  <Linkified text={m.text} />
                </div>
              </section>
              {m.html ? (
                <section className="col-12 col-xl-6">
                  <h3 className="h6">HTML</h3>
                  <HtmlPart html={m.html} subject={m.subject} />
                </section>
              ) : null}
            </div>
            {m.attachments.length ? (
              <ul className="list-inline mt-2 mb-0">
                {m.attachments.map((a, i) => (
                  <li className="list-inline-item" key={i}>
                    <a href={`/api/dev/outbox/${m.id}/attachments/${i}`} download={a.filename}>
                      {a.filename}
                    </a>{' '}
                    <span className="small">({a.contentType.split(';')[0]})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </article>
      ))}
    </>
  );
}

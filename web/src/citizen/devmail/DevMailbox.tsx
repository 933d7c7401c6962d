// Development mailbox: every email the system "sent", newest first, with clickable links and
// attachments. Absent in production (the API answers 404 there).
import { Fragment } from 'react';
import { PageHeading, ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useApi } from '../../shared/useApi.ts';
import { when } from '../../shared/format.ts';

interface Message {
  id: string;
  tenant: string;
  to: string;
  subject: string;
  text: string;
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
            <div className="mail-body">
              <Linkified text={m.text} />
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

// The call's text chat. The history comes from the server with every welcome, so a reconnect or a
// reload keeps it; the log is announced politely to screen readers and scrolls to the newest line.
import { useEffect, useRef, useState } from 'react';
import type { ChatMessage, Party } from '../../../contracts/video.ts';
import { time } from '../shared/format.ts';

export function ChatPanel({ messages, party, timeZone, onSend }: { messages: ChatMessage[]; party: Party; timeZone: string; onSend(text: string): boolean }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const log = useRef<HTMLDivElement>(null);
  const who = (from: Party) => (from === party ? 'Tu' : from === 'officer' ? 'Operatore' : 'Cittadino');
  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);
  return (
    <section aria-labelledby="chat-title" className="mb-4">
      <h2 id="chat-title" className="h5">
        Chat
      </h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be reachable by keyboard (WCAG 2.1.1) */}
      <div ref={log} className="border rounded p-2 mb-2 video-chat-log" data-testid="chat-log" role="log" aria-live="polite" aria-labelledby="chat-title" tabIndex={0}>
        <ol className="list-unstyled mb-0">
          {messages.length === 0 ? <li className="text-secondary small">Nessun messaggio.</li> : null}
          {messages.map((m) => (
            <li key={m.id} className={`mb-2 ${m.from === party ? 'video-chat-mine' : ''}`} data-from={m.from}>
              <span className="d-block small">
                <strong>{who(m.from)}</strong> <time dateTime={m.at}>{time(m.at, timeZone)}</time>
              </span>
              <span className="video-chat-text">{m.text}</span>
            </li>
          ))}
        </ol>
      </div>
      <form
        className="d-flex gap-2 align-items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const t = text.trim();
          if (!t) return;
          if (onSend(t)) {
            setText('');
            setError(undefined);
          } else setError('Messaggio non inviato: la connessione è interrotta. Riprova tra poco.');
        }}
      >
        <div className="form-group flex-grow-1 mb-0 mt-4">
          <label htmlFor="chat-text" className="active">
            Messaggio
          </label>
          <input
            id="chat-text"
            type="text"
            className="form-control"
            value={text}
            maxLength={2000}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            aria-describedby={error ? 'chat-error' : undefined}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          Invia
        </button>
      </form>
      {error ? (
        <p id="chat-error" className="text-danger small mt-1 mb-0" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

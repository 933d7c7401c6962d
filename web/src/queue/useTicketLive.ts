// A ticket kept up to date: read once over HTTP (fast first paint, and the truth after every
// reconnection, since a phone's socket is often frozen in the background), then pushed by the
// server over the ticket's live channel at every change. A finished ticket does not change any
// more, so the channel is closed then.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketMessage, TicketView } from '../../../contracts/queue.ts';
import { api, ApiError, errorMessage } from '../shared/api.ts';
import { LiveSocket, type LiveStatus } from '../shared/live-socket.ts';
import { isEnded } from './ticket-words.ts';

export interface TicketLive {
  ticket: TicketView | undefined;
  /** Loading failed: the message to show (the link is wrong, or the network). */
  error: string | undefined;
  /** The ticket cannot be found with this link: nothing to retry. */
  notFound: boolean;
  connection: LiveStatus;
  /** After an action (leaving the line) the server answers with the new view. */
  replace(t: TicketView): void;
}

export function useTicketLive(slug: string, id: string, token: string): TicketLive {
  const [ticket, setTicket] = useState<TicketView>();
  const [error, setError] = useState<string>();
  const [notFound, setNotFound] = useState(false);
  const [connection, setConnection] = useState<LiveStatus>('connecting');
  const ended = ticket ? isEnded(ticket.status) : false;
  const base = `/api/v1/${slug}/tickets/${encodeURIComponent(id)}`;
  const query = `?token=${encodeURIComponent(token)}`;
  const latest = useRef<AbortController | null>(null);

  const read = useCallback(() => {
    latest.current?.abort();
    const ctrl = (latest.current = new AbortController());
    api<TicketView>(base + query, { signal: ctrl.signal })
      .then((t) => {
        setTicket(t);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) setNotFound(true);
        setError(errorMessage(err));
      });
  }, [base, query]);

  useEffect(() => {
    read();
    return () => latest.current?.abort();
  }, [read]);

  useEffect(() => {
    if (ended || notFound || !token) return;
    let wasDown = false;
    const socket = new LiveSocket<TicketMessage>(`${base}/live${query}`, {
      onMessage(m) {
        if (m.type !== 'ticket') return;
        latest.current?.abort(); // a pushed view is newer than a read still on its way
        setTicket(m.ticket);
        setError(undefined);
      },
      onStatus(s) {
        setConnection(s);
        if (s === 'reconnecting') wasDown = true;
        if (s === 'open' && wasDown) {
          wasDown = false;
          read();
        }
      },
    });
    socket.start();
    return () => socket.stop();
  }, [base, query, ended, notFound, token, read]);

  return { ticket, error, notFound, connection, replace: setTicket };
}

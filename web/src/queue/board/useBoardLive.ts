// The display board's data, live, and the rule for announcing calls: every (ticket, call count) is
// announced once. What the board already shows when it (re)connects is marked as seen without a
// sound, so a reconnection or a reload never repeats old calls; a recall (call count + 1) is new.
import { useEffect, useRef, useState } from 'react';
import type { BoardCall, BoardMessage, BoardView } from '../../../../contracts/queue.ts';
import { ApiError, api } from '../../shared/api.ts';
import { LiveSocket, type LiveStatus } from '../../shared/live-socket.ts';

const key = (c: BoardCall) => `${c.ticketId}:${c.callCount}`;

export interface BoardLive {
  board: BoardView | undefined;
  connection: LiveStatus;
  /** The key of the latest call announced while this page was open (to highlight it). */
  fresh: string | undefined;
  /** No office at this address: nothing to wait for, the board says so instead of reconnecting forever. */
  notFound: boolean;
}

export function useBoardLive(slug: string, officeId: string, onCall: (c: BoardCall) => void): BoardLive {
  const [board, setBoard] = useState<BoardView>();
  const [connection, setConnection] = useState<LiveStatus>('connecting');
  const [fresh, setFresh] = useState<string>();
  const [notFound, setNotFound] = useState(false);
  const announce = useRef(onCall);
  announce.current = onCall;

  useEffect(() => {
    const base = `/api/v1/${slug}/offices/${encodeURIComponent(officeId)}/board`;
    const seen = new Set<string>();
    let primed = false;
    let pushed = false;

    const accept = (b: BoardView) => {
      setBoard(b);
      if (!primed) {
        for (const c of b.calls) seen.add(key(c));
        primed = true;
        return;
      }
      // Oldest first, so several calls in one update are spoken in the order they were made.
      const news = b.calls.filter((c) => !seen.has(key(c))).reverse();
      for (const c of news) {
        seen.add(key(c));
        announce.current(c);
      }
      if (news.length) setFresh(key(news[news.length - 1]!));
    };

    // A first paint without waiting for the socket.
    const ctrl = new AbortController();
    api<BoardView>(base, { signal: ctrl.signal })
      .then((b) => !pushed && accept(b))
      .catch((err: unknown) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 400)) {
          setNotFound(true);
          socket.stop();
        }
      });

    const socket = new LiveSocket<BoardMessage>(`${base}/live`, {
      onMessage(m) {
        if (m.type !== 'board') return;
        pushed = true;
        accept(m.board);
      },
      onStatus(s) {
        setConnection(s);
        if (s === 'open') primed = false; // calls made while we were away are shown, not announced
      },
    });
    socket.start();
    return () => {
      ctrl.abort();
      socket.stop();
    };
  }, [slug, officeId]);

  return { board, connection, fresh, notFound };
}

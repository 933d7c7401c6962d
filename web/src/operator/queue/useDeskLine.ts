// The desk's line, kept fresh: fetched on open, again on every "changed" of the live channel and
// after each action. Unlike useOperatorApi, a failed refresh keeps the last line on screen (with the
// error beside it): an officer in the middle of a call must not see the page go blank on a hiccup.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskLine } from '../../../../contracts/queue.ts';
import { errorMessage } from '../../shared/api.ts';
import { useSession } from '../session.tsx';
import type { DeskMessage } from '../../../../contracts/queue.ts';
import { LiveSocket, type LiveStatus } from '../../shared/live-socket.ts';

export interface DeskLineState {
  line: DeskLine | undefined;
  /** The last fetch failed (the line shown may be old). */
  error: string | undefined;
  live: LiveStatus;
  reload(): Promise<void>;
}

export function useDeskLine(deskId: string): DeskLineState {
  const session = useSession();
  const [line, setLine] = useState<DeskLine>();
  const [error, setError] = useState<string>();
  const [live, setLive] = useState<LiveStatus>('connecting');
  // One fetch at a time; a request for more while one runs folds into one more fetch after it, so a
  // burst of "changed" messages costs at most two requests and answers never arrive out of order.
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const alive = useRef(true);

  const reload = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async () => {
      do {
        again.current = false;
        try {
          const l = await session.call<DeskLine>(`desks/${encodeURIComponent(deskId)}/line`);
          if (alive.current) {
            setLine(l);
            setError(undefined);
          }
        } catch (err) {
          if (alive.current) setError(errorMessage(err));
        }
      } while (again.current && alive.current);
      running.current = null;
    };
    running.current = run();
    return running.current;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deskId]);

  useEffect(() => {
    alive.current = true;
    void reload();
    // Every (re)connection starts with a "changed": the page catches up on what happened meanwhile.
    const socket = new LiveSocket<DeskMessage>(`${session.apiBase}/desks/${encodeURIComponent(deskId)}/live`, {
      onMessage: (m) => m.type === 'changed' && void reload(),
      onStatus: (s) => setLive(s),
    });
    socket.start();
    return () => {
      alive.current = false;
      socket.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deskId]);

  return { line, error, live, reload };
}

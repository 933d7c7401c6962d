// "Messaggi": what the comune wrote to the citizen (booking notices are mirrored here), newest first,
// twenty to a page. Unread ones say so in words and in bold; opening one marks it read.
import { useEffect, useState } from 'react';
import type { InboxMessage, InboxPage } from '../../../../../contracts/identity.ts';
import { api, errorMessage } from '../../../shared/api.ts';
import { ErrorAlert, Loading } from '../../../shared/Page.tsx';
import { useQueryParam } from '../../../shared/router.tsx';
import { useApi } from '../../../shared/useApi.ts';
import { setUnreadMessages } from '../../session.ts';
import { useTenant } from '../../tenant.ts';
import { Pager, pageNumber } from '../Pager.tsx';
import { areaPath } from '../sections.ts';
import { MessageItem } from './MessageItem.tsx';

const PAGE_SIZE = 20;

export default function MessagesSection() {
  const t = useTenant();
  const page = pageNumber(useQueryParam('pagina'));
  const openFirst = useQueryParam('apri');
  const res = useApi<InboxPage>(`/api/v1/${t.slug}/me/messages?page=${page}`);
  const [messages, setMessages] = useState<InboxMessage[]>();
  const [unread, setUnread] = useState<number>();
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [error, setError] = useState<string>();

  // The header's badge follows what this page knows.
  useEffect(() => {
    if (unread !== undefined) setUnreadMessages(unread);
  }, [unread]);

  async function markRead(m: InboxMessage): Promise<void> {
    try {
      await api(`/api/v1/${t.slug}/me/messages/${encodeURIComponent(m.id)}/read`, { method: 'POST' });
      setMessages((list) => list?.map((x) => (x.id === m.id ? { ...x, read: true } : x)));
      setUnread((n) => Math.max(0, (n ?? 1) - 1));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function opened(m: InboxMessage, already: Set<string>): Set<string> {
    if (!m.read) void markRead(m);
    return new Set(already).add(m.id);
  }

  useEffect(() => {
    if (!res.data) return;
    setMessages(res.data.messages);
    setUnread(res.data.unread);
    // Coming from the Scrivania's link to one message: open it.
    const chosen = res.data.messages.find((x) => x.id === openFirst);
    setOpen(chosen ? opened(chosen, new Set()) : new Set());
    // Runs when a page of messages arrives; the ?apri= of that moment is the one that counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [res.data]);

  function toggle(m: InboxMessage): void {
    if (!open.has(m.id)) {
      setOpen(opened(m, open));
      return;
    }
    const next = new Set(open);
    next.delete(m.id);
    setOpen(next);
  }

  if (res.loading && !messages) return <Loading />;
  if (!res.data || !messages) return <ErrorAlert message={res.error} />;
  const total = res.data.total;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const readWords = !unread ? (total === 1 ? 'già letto' : 'tutti letti') : unread === 1 ? 'di cui uno non letto' : `di cui ${unread} non letti`;
  return (
    <>
      <p aria-live="polite" data-testid="inbox-count">
        {total === 0 ? 'Non hai messaggi.' : `Hai ${total === 1 ? 'un messaggio' : `${total} messaggi`}, ${readWords}.`}
      </p>
      <ErrorAlert message={error} />
      {messages.length ? (
        <div className="accordion" data-testid="inbox">
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} open={open.has(m.id)} onToggle={() => toggle(m)} />
          ))}
        </div>
      ) : null}
      <Pager page={page} pages={pages} hasNext={page < pages} basePath={areaPath(t.slug, 'messaggi')} label="Pagine dei messaggi" />
    </>
  );
}

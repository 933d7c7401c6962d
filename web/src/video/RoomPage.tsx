// The video room page of both parties (the citizen pages and the officer console load it lazily):
// the room's phase decides what is shown — when it opens, the device check, the call, or why it is
// over. Any API error (unknown link, server unreachable) is shown instead of the room.
import { useCallback, useEffect, useState } from 'react';
import type { RoomView } from '../../../contracts/video.ts';
import { api, errorMessage } from '../shared/api.ts';
import { longDate, time, when } from '../shared/format.ts';
import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { Link } from '../shared/router.tsx';
import type { EndReason } from './call-connection.ts';
import { CallView } from './CallView.tsx';
import { DeviceCheck } from './DeviceCheck.tsx';
import { EndMeeting } from './EndMeeting.tsx';
import './video.css';

/** Look again at least this often while waiting for the room to open (sleeping laptops drift). */
const MAX_WAIT_MS = 5 * 60_000;

export default function RoomPage({ tenant, token }: { tenant: string; token: string }) {
  const apiBase = `/api/v1/${tenant}`;
  const [room, setRoom] = useState<RoomView>();
  const [error, setError] = useState<string>();
  const [local, setLocal] = useState<MediaStream | null | undefined>(undefined);
  const [ended, setEnded] = useState<EndReason>();

  const load = useCallback(
    () =>
      api<RoomView>(`${apiBase}/video/${encodeURIComponent(token)}`)
        .then((r) => {
          setRoom(r);
          setError(undefined);
        })
        .catch((err: unknown) => setError(errorMessage(err))),
    [apiBase, token],
  );
  useEffect(() => void load(), [load]);

  // Before the window: look again when it opens, and when the page becomes visible again.
  useEffect(() => {
    if (room?.phase !== 'not_yet') return;
    const ms = Date.parse(room.opensAt) - Date.now() + 1000;
    const t = window.setTimeout(() => void load(), Math.min(MAX_WAIT_MS, Math.max(5000, ms)));
    const visible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.clearTimeout(t);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [room, load]);

  // Camera and microphone are released when the page goes away.
  useEffect(
    () => () => {
      for (const t of local?.getTracks() ?? []) t.stop();
    },
    [local],
  );

  const join = useCallback((stream: MediaStream | null) => setLocal(stream), []);
  const finish = useCallback((reason: EndReason) => {
    setLocal((cur) => {
      for (const t of cur?.getTracks() ?? []) t.stop();
      return undefined;
    });
    setEnded(reason);
  }, []);
  const reenter = () => {
    setEnded(undefined);
    setLocal(undefined);
    setRoom(undefined);
    void load();
  };

  if (error && !room) {
    return (
      <>
        <PageHeading title="Videochiamata" />
        <ErrorAlert message={error} />
      </>
    );
  }
  if (!room) return <Loading label="Apertura della stanza video…" />;
  const title = room.party === 'officer' ? `Videochiamata con ${room.citizenName ?? 'il cittadino'}` : room.kind === 'immediate' ? room.title : `Videochiamata: ${room.title}`;
  const lead = [
    room.kind === 'booking' || room.party === 'officer' ? room.title : null,
    room.officeName,
    room.booking ? `${when(room.booking.start, room.timeZone)} (codice ${room.booking.reference})` : null,
  ]
    .filter(Boolean)
    .join(' — ');
  const reason: EndReason | undefined = ended ?? (room.phase === 'cancelled' ? 'cancelled' : room.phase === 'ended' ? 'ended' : room.phase === 'closed' ? 'window' : undefined);
  return (
    <div className="video-room">
      <PageHeading title={title} className={room.party === 'officer' ? 'h2' : ''} />
      {lead ? <p className="lead">{lead}</p> : null}
      {reason ? (
        <Ended reason={reason} room={room} onReenter={reenter} />
      ) : room.phase === 'not_yet' ? (
        <div className="alert alert-info" role="status" data-testid="room-not-yet">
          <p className="mb-1">
            La stanza apre alle {time(room.opensAt, room.timeZone)} del giorno {longDate(room.opensAt, room.timeZone)}.
          </p>
          <p className="mb-0">Puoi lasciare aperta questa pagina: si aggiornerà da sola.</p>
        </div>
      ) : local === undefined ? (
        <DeviceCheck onJoin={join} />
      ) : (
        <CallView
          room={room}
          token={token}
          apiBase={apiBase}
          local={local}
          onEnd={finish}
          endControl={room.party === 'officer' ? <EndMeeting url={`${apiBase}/video/${encodeURIComponent(token)}/end`} onDone={() => finish('ended')} /> : null}
        />
      )}
    </div>
  );
}

function Ended({ reason, room, onReenter }: { reason: EndReason; room: RoomView; onReenter(): void }) {
  const officer = room.party === 'officer';
  const text: Record<EndReason, string> = {
    ended: officer ? 'Appuntamento concluso.' : "L'appuntamento in videochiamata si è concluso. Grazie.",
    left: 'Sei uscito dalla chiamata. Puoi rientrare finché la stanza è aperta.',
    window: `La stanza video è chiusa: era aperta fino alle ${time(room.closesAt, room.timeZone)} del giorno ${longDate(room.closesAt, room.timeZone)}.${officer ? '' : " Se non sei riuscito a collegarti, contatta l'ufficio."}`,
    cancelled: "L'appuntamento è stato annullato: la stanza video non è più disponibile.",
    replaced: "La videochiamata è stata aperta in un'altra finestra o su un altro dispositivo, e qui è stata chiusa.",
    not_found: 'Il link della stanza video non è più valido.',
  };
  const canReenter = reason === 'left' || reason === 'replaced';
  return (
    <div className={`alert ${reason === 'ended' ? 'alert-success' : 'alert-info'}`} role="status" data-testid="room-ended" data-reason={reason}>
      <p className="mb-2">{text[reason]}</p>
      <div className="d-flex flex-wrap gap-3 align-items-center">
        {canReenter ? (
          <button type="button" className="btn btn-primary btn-sm" onClick={onReenter}>
            {reason === 'replaced' ? 'Continua qui' : 'Rientra nella stanza'}
          </button>
        ) : null}
        {room.backUrl ? <Link href={room.backUrl}>{officer ? 'Torna alle videochiamate di oggi' : 'Torna al tuo appuntamento'}</Link> : null}
      </div>
    </div>
  );
}

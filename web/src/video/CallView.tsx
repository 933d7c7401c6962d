// The call: remote video large, own preview small, the controls (microphone, camera, screen sharing,
// chat, documents, leave), the connection indicator, and the chat and documents beside the video.
// Until the other party is there, the lobby message says whom we are waiting for.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChatMessage, RoomFile, RoomPhase, RoomView } from '../../../contracts/video.ts';
import { api } from '../shared/api.ts';
import { Icon } from '../shared/Icon.tsx';
import { CallConnection, type EndReason, type MediaState, type Quality, type SocketStatus } from './call-connection.ts';
import { ChatPanel } from './ChatPanel.tsx';
import { FilesPanel } from './FilesPanel.tsx';

const QUALITY_LABEL: Record<Quality, string> = { buona: 'Buona', instabile: 'Instabile', assente: 'Assente' };

export function CallView({
  room,
  token,
  apiBase,
  local,
  onEnd,
  endControl,
}: {
  room: RoomView;
  token: string;
  apiBase: string;
  local: MediaStream | null;
  onEnd(reason: EndReason): void;
  endControl?: ReactNode;
}) {
  const [otherPresent, setOtherPresent] = useState(false);
  const [remote, setRemote] = useState<MediaStream | null>(null);
  const [chat, setChat] = useState<ChatMessage[]>([]);
  const [files, setFiles] = useState<RoomFile[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [quality, setQuality] = useState<{ q: Quality; bytes: number }>({ q: 'assente', bytes: 0 });
  const [socket, setSocket] = useState<SocketStatus>('connecting');
  const [remoteState, setRemoteState] = useState<MediaState>({ audio: true, video: true, screen: false });
  const hasAudio = Boolean(local?.getAudioTracks().length);
  const hasCamera = Boolean(local?.getVideoTracks().length);
  const [audio, setAudio] = useState(hasAudio);
  const [camera, setCamera] = useState(hasCamera);
  const [screen, setScreen] = useState<MediaStream | null>(null);
  const [chatOpen, setChatOpen] = useState(true);
  const [filesOpen, setFilesOpen] = useState(true);
  const [seenChat, setSeenChat] = useState(0);
  const [needsPlay, setNeedsPlay] = useState(false);
  const conn = useRef<CallConnection | null>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);
  const localVideo = useRef<HTMLVideoElement>(null);
  const other =
    room.party === 'citizen'
      ? { name: "l'operatore", Name: "L'operatore", of: "dell'operatore", label: 'Operatore' }
      : { name: 'il cittadino', Name: 'Il cittadino', of: 'del cittadino', label: room.citizenName ?? 'Cittadino' };

  useEffect(() => {
    const c = new CallConnection(
      {
        signalPath: room.signalPath!,
        party: room.party,
        iceServers: room.iceServers ?? [],
        local,
        checkPhase: () =>
          api<{ phase: RoomPhase }>(`${apiBase}/video/${token}`)
            .then((r) => r.phase)
            .catch(() => null),
      },
      {
        onPresence: setOtherPresent,
        onRemoteStream: setRemote,
        onChat: setChat,
        onFiles: (list, added) => {
          setFiles(list);
          if (added && added.uploadedBy !== room.party) setAnnouncement(`Nuovo documento ${added.uploadedBy === 'officer' ? "dall'operatore" : 'dal cittadino'}: ${added.name}`);
        },
        onRemoteState: setRemoteState,
        onQuality: (q, bytes) => setQuality({ q, bytes }),
        onSocket: setSocket,
        onEnded: onEnd,
      },
    );
    conn.current = c;
    c.start();
    return () => c.stop();
    // The connection lives as long as the call: its inputs do not change meanwhile.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = remoteVideo.current;
    if (!v) return;
    v.srcObject = remote;
    if (remote) {
      v.play()
        .then(() => setNeedsPlay(false))
        .catch((err: unknown) => {
          // Autoplay with sound refused (no gesture yet): a button starts it.
          if ((err as Error).name === 'NotAllowedError') setNeedsPlay(true);
        });
    }
  }, [remote]);
  useEffect(() => {
    if (localVideo.current) localVideo.current.srcObject = screen ?? local;
  }, [local, screen]);
  const othersChat = chat.filter((m) => m.from !== room.party).length;
  useEffect(() => {
    if (chatOpen) setSeenChat(othersChat);
  }, [chatOpen, othersChat]);
  const unread = chatOpen ? 0 : Math.max(0, othersChat - seenChat);

  const publish = (next: MediaState) => conn.current?.setState(next);
  const toggleAudio = () => {
    const on = !audio;
    for (const t of local?.getAudioTracks() ?? []) t.enabled = on;
    setAudio(on);
    publish({ audio: on, video: camera, screen: Boolean(screen) });
  };
  const toggleCamera = () => {
    const on = !camera;
    for (const t of local?.getVideoTracks() ?? []) t.enabled = on;
    setCamera(on);
    publish({ audio, video: on, screen: Boolean(screen) });
  };
  const stopShare = async (s: MediaStream) => {
    for (const t of s.getTracks()) t.stop();
    setScreen((cur) => (cur === s ? null : cur));
    await conn.current?.setVideoTrack(local?.getVideoTracks()[0] ?? null, local ?? new MediaStream());
    publish({ audio, video: camera, screen: false });
  };
  const toggleScreen = async () => {
    if (screen) return stopShare(screen);
    let s: MediaStream;
    try {
      s = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch {
      return; // the sharing dialog was closed
    }
    const track = s.getVideoTracks()[0];
    if (!track) return;
    track.addEventListener('ended', () => void stopShare(s)); // "Stop sharing" in the browser's bar
    await conn.current?.setVideoTrack(track, s);
    setScreen(s);
    publish({ audio, video: camera, screen: true });
  };

  const remoteHasVideo = Boolean(remote?.getVideoTracks().length);
  const remoteVideoOff = otherPresent && !remoteState.video && !remoteState.screen;
  const sideOpen = chatOpen || filesOpen;
  return (
    <div className="row g-4 video-call">
      <div className={sideOpen ? 'col-lg-8' : 'col-12'}>
        {socket === 'reconnecting' ? (
          <div className="alert alert-warning" role="status">
            Connessione al Comune interrotta: nuovo tentativo in corso…
          </div>
        ) : null}
        {!otherPresent ? (
          <div className="alert alert-info" data-testid="lobby" role="status">
            {room.party === 'citizen'
              ? "In attesa dell'operatore… Resta su questa pagina: la videochiamata inizierà appena entra."
              : 'In attesa del cittadino… La videochiamata inizierà appena entra.'}
          </div>
        ) : null}
        <div className="video-stage">
          {/* biome-ignore lint/a11y/useMediaCaption: a live call has no caption track to offer */}
          <video ref={remoteVideo} data-testid="remote-video" className="video-remote" autoPlay playsInline aria-label={`Video di ${other.name}`} />
          {!otherPresent || !remoteHasVideo || remoteVideoOff ? (
            <div className="video-overlay" aria-hidden="true">
              {!otherPresent ? 'In attesa…' : remoteVideoOff ? `Videocamera ${other.of} spenta` : 'Collegamento in corso…'}
            </div>
          ) : null}
          {otherPresent ? (
            <div className="video-badges">
              <span className="badge bg-dark">{other.label}</span>
              {!remoteState.audio ? <span className="badge bg-danger">Microfono spento</span> : null}
              {remoteState.screen ? <span className="badge bg-primary">Sta condividendo lo schermo</span> : null}
            </div>
          ) : null}
          <div className="video-local-wrap">
            <video
              ref={localVideo}
              data-testid="local-video"
              className={`video-local${screen ? '' : ' video-mirror'}`}
              autoPlay
              playsInline
              muted
              aria-label={screen ? 'Il tuo schermo condiviso' : 'La tua immagine'}
            />
            <span className="badge bg-dark video-local-label">Tu{!audio ? ' · microfono spento' : ''}</span>
          </div>
          {needsPlay ? (
            <button type="button" className="btn btn-primary video-play" onClick={() => void remoteVideo.current?.play().then(() => setNeedsPlay(false))}>
              Avvia audio e video
            </button>
          ) : null}
        </div>
        <p className="visually-hidden" role="status">
          {otherPresent
            ? `${other.Name} è collegato${!remoteState.audio ? ', con il microfono spento' : ''}${remoteVideoOff ? ', con la videocamera spenta' : ''}${remoteState.screen ? ', e sta condividendo lo schermo' : ''}.`
            : ''}
        </p>
        <p className="mt-2 mb-2 small" data-testid="connection-quality" data-quality={quality.q} data-bytes-received={quality.bytes}>
          <Icon name="it-wifi" size="sm" className={`me-1 quality-${quality.q}`} />
          Qualità della connessione: <strong>{QUALITY_LABEL[quality.q]}</strong>
        </p>
        <div className="d-flex flex-wrap gap-2 call-controls" role="toolbar" aria-label="Controlli della chiamata">
          <button type="button" className={`btn ${audio ? 'btn-primary' : 'btn-outline-danger'}`} aria-pressed={audio} onClick={toggleAudio} disabled={!hasAudio}>
            Microfono<span className="visually-hidden">{hasAudio ? '' : ' non disponibile'}</span>
          </button>
          <button type="button" className={`btn ${camera ? 'btn-primary' : 'btn-outline-danger'}`} aria-pressed={camera} onClick={toggleCamera} disabled={!hasCamera}>
            <Icon name="it-video" className={`me-1 ${camera ? 'icon-white' : 'icon-danger'}`} />
            Videocamera<span className="visually-hidden">{hasCamera ? '' : ' non disponibile'}</span>
          </button>
          {navigator.mediaDevices && 'getDisplayMedia' in navigator.mediaDevices ? (
            <button type="button" className={`btn ${screen ? 'btn-primary' : 'btn-outline-primary'}`} aria-pressed={Boolean(screen)} onClick={() => void toggleScreen()}>
              <Icon name="it-presentation" className={`me-1 ${screen ? 'icon-white' : 'icon-primary'}`} />
              Condividi schermo
            </button>
          ) : null}
          <button
            type="button"
            className={`btn ${chatOpen ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-expanded={chatOpen}
            aria-controls="chat-panel"
            onClick={() => setChatOpen((o) => !o)}
          >
            <Icon name="it-comment" className={`me-1 ${chatOpen ? 'icon-white' : 'icon-primary'}`} />
            Chat
            {unread ? (
              <span className="badge bg-danger ms-1">
                {unread}
                <span className="visually-hidden"> {unread === 1 ? 'messaggio nuovo' : 'messaggi nuovi'}</span>
              </span>
            ) : null}
          </button>
          <button
            type="button"
            className={`btn ${filesOpen ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-expanded={filesOpen}
            aria-controls="files-panel"
            onClick={() => setFilesOpen((o) => !o)}
          >
            <Icon name="it-files" className={`me-1 ${filesOpen ? 'icon-white' : 'icon-primary'}`} />
            Documenti{files.length ? ` (${files.length})` : ''}
          </button>
          <button type="button" className="btn btn-outline-danger" onClick={() => onEnd('left')}>
            <Icon name="it-logout" className="me-1 icon-danger" />
            Esci dalla chiamata
          </button>
        </div>
        {endControl ? <div className="mt-3">{endControl}</div> : null}
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
      <div className="col-lg-4" hidden={!sideOpen}>
        <div id="chat-panel" hidden={!chatOpen}>
          <ChatPanel messages={chat} party={room.party} timeZone={room.timeZone} onSend={(t) => conn.current?.sendChat(t) ?? false} />
        </div>
        <div id="files-panel" hidden={!filesOpen}>
          <FilesPanel files={files} party={room.party} baseUrl={`${apiBase}/video/${token}/files`} maxBytes={room.maxUploadBytes} onUploaded={(f) => conn.current?.addFile(f)} />
        </div>
      </div>
    </div>
  );
}

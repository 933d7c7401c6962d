// Before entering: camera preview, microphone level, choice of devices, audio only. A denied,
// missing or busy camera is explained in Italian, the microphone alone is tried next, and the room
// can always be entered, even with no device at all (to see, hear and chat).
import { useEffect, useRef, useState } from 'react';
import { useMediaLevel } from './useMediaLevel.ts';

const HOW_TO_ALLOW =
  "Per consentirlo, fai clic sull'icona a sinistra dell'indirizzo della pagina (il lucchetto o la videocamera barrata), scegli «Consenti» per videocamera e microfono e ricarica la pagina.";
const STILL_ENTER = "Puoi comunque entrare: vedrai e sentirai l'altra persona e potrai scrivere in chat.";

type ErrName = string | undefined;
const nameOf = (err: unknown): ErrName => (err as { name?: string } | null)?.name;

/** The message for a failure of camera and microphone together (`audioOk`: the microphone alone worked). */
export function mediaMessage(videoErr: ErrName, audioErr: ErrName, audioOk: boolean): string {
  const denied = (n: ErrName) => n === 'NotAllowedError' || n === 'SecurityError';
  if (audioOk) {
    if (denied(videoErr)) return `Il browser ha negato l'accesso alla videocamera: entrerai solo con l'audio. ${HOW_TO_ALLOW}`;
    if (videoErr === 'NotReadableError')
      return "La videocamera è già usata da un altro programma (per esempio un'altra videochiamata): chiudilo e fai clic su «Riprova», oppure entra solo con l'audio.";
    return "Non è stata trovata nessuna videocamera: entrerai solo con l'audio.";
  }
  const err = audioErr ?? videoErr;
  if (denied(err)) return `Il browser ha negato l'accesso a videocamera e microfono. ${HOW_TO_ALLOW} ${STILL_ENTER}`;
  if (err === 'NotReadableError')
    return `Videocamera e microfono sono già usati da un altro programma (per esempio un'altra videochiamata): chiudilo e fai clic su «Riprova». ${STILL_ENTER}`;
  if (err === 'NotFoundError' || err === 'OverconstrainedError') return `Non sono stati trovati né una videocamera né un microfono. ${STILL_ENTER}`;
  return `Non è stato possibile usare videocamera e microfono. ${STILL_ENTER}`;
}

interface Acquired {
  stream: MediaStream | null;
  warning?: string;
}

async function acquire(audioOnly: boolean, cameraId: string, micId: string): Promise<Acquired> {
  const audio: MediaTrackConstraints | boolean = micId ? { deviceId: { exact: micId } } : true;
  const video: MediaTrackConstraints | false = audioOnly ? false : cameraId ? { deviceId: { exact: cameraId } } : { width: { ideal: 1280 }, height: { ideal: 720 } };
  let videoErr: ErrName;
  if (video) {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio, video }) };
    } catch (err) {
      videoErr = nameOf(err);
    }
  }
  // The camera failed (or was not wanted): the microphone alone.
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio });
    return { stream, warning: video ? mediaMessage(videoErr, undefined, true) : undefined };
  } catch (err) {
    return { stream: null, warning: mediaMessage(videoErr, nameOf(err), false) };
  }
}

export function DeviceCheck({ onJoin }: { onJoin(stream: MediaStream | null): void }) {
  const supported = Boolean(navigator.mediaDevices?.getUserMedia);
  const [audioOnly, setAudioOnly] = useState(false);
  const [cameraId, setCameraId] = useState('');
  const [micId, setMicId] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [warning, setWarning] = useState<string>();
  const [busy, setBusy] = useState(supported);
  const [joinRequested, setJoinRequested] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  // The stream handed to the call must not be stopped when this step goes away.
  const handedOver = useRef(false);
  const level = useMediaLevel(stream);

  useEffect(() => {
    if (!supported) return;
    let cancelled = false;
    let current: MediaStream | null = null;
    setBusy(true);
    void acquire(audioOnly, cameraId, micId).then(async (r) => {
      if (cancelled) {
        for (const t of r.stream?.getTracks() ?? []) t.stop();
        return;
      }
      current = r.stream;
      setStream(r.stream);
      setWarning(r.warning);
      setDevices(await navigator.mediaDevices.enumerateDevices().catch(() => []));
      setBusy(false);
    });
    return () => {
      cancelled = true;
      if (!handedOver.current) for (const t of current?.getTracks() ?? []) t.stop();
    };
  }, [supported, audioOnly, cameraId, micId, attempt]);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  useEffect(() => {
    if (!joinRequested || busy) return;
    handedOver.current = true;
    onJoin(stream);
  }, [joinRequested, busy, stream, onJoin]);

  const camTrack = stream?.getVideoTracks()[0];
  const micTrack = stream?.getAudioTracks()[0];
  // Without permission the browser lists devices without ids or names: no choice to offer then.
  const cameras = devices.filter((d) => d.kind === 'videoinput' && d.deviceId);
  const mics = devices.filter((d) => d.kind === 'audioinput' && d.deviceId);
  const camValue = camTrack?.getSettings().deviceId ?? cameraId;
  const micValue = micTrack?.getSettings().deviceId ?? micId;
  return (
    <section aria-labelledby="device-check-title" className="mb-4">
      <h2 id="device-check-title" className="h4">
        Verifica videocamera e microfono
      </h2>
      {!supported ? (
        <div className="alert alert-warning" role="alert">
          Questo browser non consente di usare videocamera e microfono su questa pagina (serve una versione recente di Firefox, Chrome, Edge o Safari, e una connessione sicura).{' '}
          {STILL_ENTER}
        </div>
      ) : null}
      {warning ? (
        <div className="alert alert-warning" role="alert">
          <p className="mb-2">{warning}</p>
          <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setAttempt((a) => a + 1)}>
            Riprova
          </button>
        </div>
      ) : null}
      <div className="row g-4">
        <div className="col-md-7">
          <div className="video-stage video-stage-preview">
            <video ref={video} data-testid="local-video" className="video-remote video-mirror" autoPlay playsInline muted aria-label="Anteprima della tua videocamera" />
            {!camTrack ? (
              <div className="video-overlay" aria-hidden="true">
                {busy ? 'Avvio della videocamera…' : 'Videocamera non in uso'}
              </div>
            ) : null}
          </div>
        </div>
        <div className="col-md-5">
          {busy ? (
            <p role="status" className="small">
              Se il browser lo chiede, consenti l'uso di videocamera e microfono.
            </p>
          ) : null}
          <p className="mb-1" id="mic-level-label">
            Livello del microfono{micTrack ? '' : ' (nessun microfono)'}
          </p>
          {/* biome-ignore lint/a11y/useSemanticElements: Bootstrap Italia's progress bar styled as a live level meter */}
          <div
            className="progress mb-1 video-meter"
            role="meter"
            aria-labelledby="mic-level-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={level}
            aria-valuetext={`${level} per cento`}
          >
            <div className="progress-bar bg-success" style={{ width: `${level}%` }} />
          </div>
          <p className="small mb-3">Parla: la barra deve muoversi.</p>
          {cameras.length && !audioOnly ? (
            <div className="select-wrapper mb-3">
              <label htmlFor="camera">Videocamera</label>
              <select id="camera" value={camValue} onChange={(e) => setCameraId(e.target.value)}>
                {cameras.map((c, i) => (
                  <option key={c.deviceId} value={c.deviceId}>
                    {c.label || `Videocamera ${i + 1}`}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {mics.length ? (
            <div className="select-wrapper mb-3">
              <label htmlFor="microphone">Microfono</label>
              <select id="microphone" value={micValue} onChange={(e) => setMicId(e.target.value)}>
                {mics.map((m, i) => (
                  <option key={m.deviceId} value={m.deviceId}>
                    {m.label || `Microfono ${i + 1}`}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="form-check mb-3">
            <input id="audio-only" type="checkbox" checked={audioOnly} onChange={(e) => setAudioOnly(e.target.checked)} />
            <label htmlFor="audio-only">Entra solo con l'audio</label>
          </div>
          <button type="button" className="btn btn-primary" onClick={() => setJoinRequested(true)} aria-describedby="join-help">
            Entra nella stanza
          </button>
          <p id="join-help" className="small mt-2">
            {!stream
              ? 'Entrerai senza videocamera né microfono.'
              : !camTrack
                ? "Entrerai solo con l'audio."
                : 'Entrerai con videocamera e microfono; potrai spegnerli durante la chiamata.'}
          </p>
        </div>
      </div>
    </section>
  );
}

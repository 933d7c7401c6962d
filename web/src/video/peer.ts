// One RTCPeerConnection with the other party. The officer is the impolite side and makes the first
// offer; the citizen's connection stays silent until that offer has been answered. Two first offers
// crossing on the wire are the classic glare, and Chromium, after rolling its own offer back to
// answer the other, may never gather candidates again (seen in our journeys: no ICE at all). After
// the first exchange either side may renegotiate (screen sharing) under the "perfect negotiation"
// pattern: the impolite side ignores an offer that collides with its own, the polite one rolls back.
// The officer always offers an audio and a video line, so a citizen with a camera can answer with it
// even when the officer has none. The impolite side restarts ICE when the network path fails or
// stays disconnected for more than 3 s.
import type { SignalData } from '../../../contracts/video.ts';

export interface PeerEvents {
  onSignal(data: SignalData): void;
  /** The other party's media, one audio and one video track at most; null when there is none yet. */
  onRemoteStream(stream: MediaStream | null): void;
  onIceState?(state: RTCIceConnectionState): void;
}

export interface PeerOptions {
  polite: boolean;
  iceServers: RTCIceServer[];
  audio: MediaStreamTrack | null;
  /** The outgoing video: camera or shared screen. */
  video: MediaStreamTrack | null;
  stream: MediaStream;
}

export interface StatsSample {
  at: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** Seconds, from the selected candidate pair. */
  rtt: number | undefined;
}

const DISCONNECTED_GRACE_MS = 3000;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;
  private closed = false;
  private queue: Promise<void> = Promise.resolve();
  private disconnectedTimer?: number;
  private remoteAudio: MediaStreamTrack | null = null;
  private remoteVideo: MediaStreamTrack | null = null;

  constructor(
    private readonly opts: PeerOptions,
    private readonly events: PeerEvents,
  ) {
    const pc = new RTCPeerConnection({ iceServers: opts.iceServers });
    this.pc = pc;
    pc.onnegotiationneeded = async () => {
      // The polite side waits for the first offer (see above); its tracks go into the answer.
      if (opts.polite && !pc.remoteDescription) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (pc.localDescription) this.events.onSignal({ description: pc.localDescription.toJSON() });
      } catch (err) {
        console.warn('video: offer failed', err);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = (e) => this.events.onSignal({ candidate: e.candidate ? { ...e.candidate.toJSON(), candidate: e.candidate.candidate } : null });
    pc.ontrack = (e) => {
      if (e.track.kind === 'audio') this.remoteAudio = e.track;
      else this.remoteVideo = e.track; // a newer video track (screen added later) replaces the older one
      this.emitRemote();
    };
    pc.oniceconnectionstatechange = () => this.onIceState();
    if (opts.audio) pc.addTrack(opts.audio, opts.stream);
    else if (!opts.polite) pc.addTransceiver('audio', { direction: 'recvonly' });
    if (opts.video) pc.addTrack(opts.video, opts.stream);
    else if (!opts.polite) pc.addTransceiver('video', { direction: 'recvonly' });
  }

  /** Applies a description or a candidate from the other side, one at a time and in order. */
  handleSignal(data: SignalData): Promise<void> {
    this.queue = this.queue.then(() => this.apply(data)).catch((err: unknown) => console.warn('video: signalling', err));
    return this.queue;
  }

  /**
   * Sends another video track (camera ↔ shared screen) without renegotiating when a video sender
   * exists; otherwise starts sending on the negotiated video transceiver, or adds one.
   */
  async setVideoTrack(track: MediaStreamTrack | null, stream: MediaStream): Promise<void> {
    if (this.closed) return;
    const transceivers = this.pc.getTransceivers().filter((t) => t.currentDirection !== 'stopped');
    const sending = transceivers.find((t) => t.sender.track?.kind === 'video' || (t.receiver.track.kind === 'video' && (t.direction === 'sendrecv' || t.direction === 'sendonly')));
    if (sending) {
      await sending.sender.replaceTrack(track);
      return;
    }
    if (!track) return;
    const receiving = transceivers.find((t) => t.receiver.track.kind === 'video' && t.mid !== null);
    if (receiving) {
      receiving.sender.setStreams(stream);
      receiving.direction = 'sendrecv'; // renegotiated through onnegotiationneeded
      await receiving.sender.replaceTrack(track);
      return;
    }
    this.pc.addTrack(track, stream);
  }

  restartIce(): void {
    if (!this.closed) this.pc.restartIce();
  }

  get iceState(): RTCIceConnectionState {
    return this.pc.iceConnectionState;
  }

  async stats(): Promise<StatsSample> {
    const sample: StatsSample = { at: Date.now(), bytesReceived: 0, packetsReceived: 0, packetsLost: 0, rtt: undefined };
    const report = await this.pc.getStats();
    let selectedPair: string | undefined;
    const pairs = new Map<string, Record<string, unknown>>();
    report.forEach((s: RTCStats & Record<string, unknown>) => {
      if (s.type === 'inbound-rtp') {
        sample.bytesReceived += Number(s.bytesReceived ?? 0);
        sample.packetsReceived += Number(s.packetsReceived ?? 0);
        sample.packetsLost += Math.max(0, Number(s.packetsLost ?? 0));
      } else if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
        selectedPair = s.selectedCandidatePairId;
      } else if (s.type === 'candidate-pair') {
        pairs.set(s.id, s);
      }
    });
    const pair = (selectedPair && pairs.get(selectedPair)) || [...pairs.values()].find((p) => p.nominated && p.state === 'succeeded');
    if (pair && typeof pair.currentRoundTripTime === 'number') sample.rtt = pair.currentRoundTripTime;
    return sample;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    window.clearTimeout(this.disconnectedTimer);
    this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.ontrack = this.pc.oniceconnectionstatechange = null;
    this.pc.close();
  }

  private emitRemote(): void {
    const tracks = [this.remoteAudio, this.remoteVideo].filter((t): t is MediaStreamTrack => t !== null);
    this.events.onRemoteStream(tracks.length ? new MediaStream(tracks) : null);
  }

  private async apply(data: SignalData): Promise<void> {
    if (this.closed) return;
    const pc = this.pc;
    if ('description' in data) {
      const description = data.description as RTCSessionDescriptionInit;
      const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable');
      this.ignoreOffer = !this.opts.polite && collision;
      if (this.ignoreOffer) return;
      // The polite side rolls its own offer back implicitly.
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        if (pc.localDescription) this.events.onSignal({ description: pc.localDescription.toJSON() });
      }
    } else if (data.candidate) {
      try {
        await pc.addIceCandidate(data.candidate);
      } catch (err) {
        // Candidates of an offer we ignored are expected to fail.
        if (!this.ignoreOffer) throw err;
      }
    }
  }

  private onIceState(): void {
    const state = this.pc.iceConnectionState;
    this.events.onIceState?.(state);
    window.clearTimeout(this.disconnectedTimer);
    if (this.opts.polite || this.closed) return;
    if (state === 'failed') this.restartIce();
    else if (state === 'disconnected') {
      this.disconnectedTimer = window.setTimeout(() => {
        if (this.pc.iceConnectionState === 'disconnected') this.restartIce();
      }, DISCONNECTED_GRACE_MS);
    }
  }
}

export type Quality = 'buona' | 'instabile' | 'assente';

/**
 * Quality from two consecutive samples: absent unless ICE is connected; unstable with more than 5 %
 * of packets lost since the previous sample or a round trip over 400 ms; good otherwise.
 */
export function rateQuality(iceState: RTCIceConnectionState | null, prev: StatsSample | undefined, cur: StatsSample | undefined): Quality {
  if (iceState !== 'connected' && iceState !== 'completed') return 'assente';
  if (!cur) return 'buona';
  const lost = cur.packetsLost - (prev?.packetsLost ?? 0);
  const received = cur.packetsReceived - (prev?.packetsReceived ?? 0);
  const lossRate = lost > 0 && lost + received > 0 ? lost / (lost + received) : 0;
  return lossRate > 0.05 || (cur.rtt ?? 0) > 0.4 ? 'instabile' : 'buona';
}

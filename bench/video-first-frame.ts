// Time from "both parties present" to the first decoded remote video frame, over 20 calls on
// loopback, in two Chromium pages with a fake camera. The pages speak our signalling protocol
// directly (the same messages the room page sends), so the figure is the server's signalling and
// WebRTC setup up to the first decoded frame (receiver statistics), not the UI. Skipped without
// Chromium.
import type { Page } from 'playwright-core';
import { findChromium, launchBrowser } from '../e2e/support/browser.ts';
import type { Harness } from '../test/support/harness.ts';
import { signIn } from '../test/support/operator.ts';
import { ms, percentile, type Row } from './stats.ts';

const CALLS = 20;

/** Runs in the page: join the room, negotiate (officer offers), resolve with timings. */
async function inPage(args: { path: string; party: 'citizen' | 'officer' }): Promise<{ bothPresentAt: number; firstFrameAt: number }> {
  const media = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
  const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}${args.path}`);
  const pc = new RTCPeerConnection({ iceServers: [] });
  for (const t of media.getTracks()) pc.addTrack(t, media);
  let bothPresentAt = 0;

  const send = (m: unknown) => ws.send(JSON.stringify(m));
  pc.onicecandidate = (e) => send({ type: 'signal', data: { candidate: e.candidate ? e.candidate.toJSON() : null } });
  // Decoded frames are counted by the receiver whether or not the page is painted (a background
  // tab in headless Chromium is not), so poll the statistics rather than wait for a paint.
  const firstFrame = new Promise<number>((resolve, reject) => {
    const deadline = performance.now() + 15_000;
    const poll = async () => {
      let decoded = 0;
      (await pc.getStats()).forEach((st: { type: string; kind?: string; framesDecoded?: number }) => {
        if (st.type === 'inbound-rtp' && st.kind === 'video') decoded += st.framesDecoded ?? 0;
      });
      if (decoded > 0) return resolve(performance.timeOrigin + performance.now());
      if (performance.now() > deadline)
        return reject(new Error(`no video frame within 15 s (ice ${pc.iceConnectionState}, signalling ${pc.signalingState}, present ${bothPresentAt > 0})`));
      setTimeout(() => void poll(), 5);
    };
    void poll();
  });
  const offer = async () => {
    await pc.setLocalDescription(await pc.createOffer());
    send({ type: 'signal', data: { description: pc.localDescription!.toJSON() } });
  };
  ws.onmessage = async (ev) => {
    const m = JSON.parse(ev.data as string);
    if ((m.type === 'welcome' && m.present.length) || m.type === 'peer-joined') {
      bothPresentAt = performance.timeOrigin + performance.now();
      if (args.party === 'officer') await offer();
    } else if (m.type === 'signal') {
      if (m.data.description) {
        await pc.setRemoteDescription(m.data.description);
        if (m.data.description.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          send({ type: 'signal', data: { description: pc.localDescription!.toJSON() } });
        }
      } else if (m.data.candidate) await pc.addIceCandidate(m.data.candidate).catch(() => undefined);
    }
  };
  const firstFrameAt = await firstFrame;
  // Hang up only when told: the other side may still be waiting for its first frame.
  (window as unknown as { hangUp: () => void }).hangUp = () => {
    ws.close();
    pc.close();
    for (const t of media.getTracks()) t.stop();
  };
  return { bothPresentAt, firstFrameAt };
}

export async function videoFirstFrame(h: Harness): Promise<Row[]> {
  if (!findChromium()) return [{ figure: 'video: time to first remote frame', value: 'skipped: Chromium not found' }];
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const op = await signIn(h.app, 'bari', 'admin.bari');
  const browser = await launchBrowser({ fakeMedia: true });
  try {
    // One context per party, as two people on two machines would be.
    const open = async (): Promise<Page> => {
      const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
      // tsx keeps function names with a __name() helper that the page does not have.
      await context.addInitScript('window.__name = (f) => f');
      const p = await context.newPage();
      await p.goto(`${base}/healthz`);
      return p;
    };
    const [a, b] = [await open(), await open()];
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const { citizenUrl, officerUrl } = (await op.request({ method: 'POST', url: '/api/v1/bari/operator/rooms', payload: {} })).json() as {
        citizenUrl: string;
        officerUrl: string;
      };
      const path = (u: string) => `/api/v1/bari/video/${u.split('/video/')[1]}/signal`;
      const [citizen, officer] = await Promise.all([
        a.evaluate(inPage, { path: path(citizenUrl), party: 'citizen' as const }),
        b.evaluate(inPage, { path: path(officerUrl), party: 'officer' as const }),
      ]);
      await Promise.all([a.evaluate('window.hangUp()'), b.evaluate('window.hangUp()')]);
      const present = Math.max(citizen.bothPresentAt, officer.bothPresentAt);
      samples.push(Math.max(citizen.firstFrameAt, officer.firstFrameAt) - present);
    }
    const p50 = percentile(samples, 50);
    return [
      { figure: `video: both present → first remote frame on both sides, ${CALLS} calls, p50`, value: ms(p50), goal: '< 1000 ms', met: p50 < 1000 },
      { figure: 'video: both present → first remote frame, p95', value: ms(percentile(samples, 95)) },
    ];
  } finally {
    await browser.close();
  }
}

// The "your turn" chime, synthesised with Web Audio: no audio file to download, nothing to cache.
// Browsers keep audio suspended until the person touches the page (autoplay policy), so pages call
// unlockAudio() from a click; a TV started with --autoplay-policy=no-user-gesture-required is
// running from the start.

let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    ctx = new Ctor();
  } catch {
    return null;
  }
  return ctx;
}

/** True when sound can play now without a user gesture. */
export function audioRunning(): boolean {
  return context()?.state === 'running';
}

/** Call from a click or key press: allows sound from now on. Resolves to whether it worked. */
export async function unlockAudio(): Promise<boolean> {
  const c = context();
  if (!c) return false;
  try {
    await c.resume();
  } catch {
    return false;
  }
  return c.state === 'running';
}

/** Two soft tones (a "ding-dong"), about one second. Silent when audio is still locked. */
export function playChime(): void {
  const c = context();
  if (c?.state !== 'running') return;
  const start = c.currentTime + 0.05;
  for (const [i, freq] of [880, 660].entries()) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    const t = start + i * 0.45;
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.35, t + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
    osc.connect(gain).connect(c.destination);
    osc.start(t);
    osc.stop(t + 0.65);
  }
}

/** Chime and, on phones that can, a short vibration pattern. */
export function alertCalled(): void {
  playChime();
  try {
    navigator.vibrate?.([300, 150, 300, 150, 300]);
  } catch {
    // Some browsers refuse vibration without a recent touch: the visible alert is enough.
  }
}

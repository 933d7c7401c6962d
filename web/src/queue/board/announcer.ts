// Spoken announcements of the display board: a chime, then the number and the desk in Italian. The
// number is spelled (letter by its Italian name, digit by digit) because "A012" read as a word is
// not understood in a noisy hall. Announcements never overlap: they wait for each other in a chain.
import { playChime } from '../chime.ts';

const LETTERS: Record<string, string> = {
  A: 'a',
  B: 'bi',
  C: 'ci',
  D: 'di',
  E: 'e',
  F: 'effe',
  G: 'gi',
  H: 'acca',
  I: 'i',
  J: 'i lunga',
  K: 'cappa',
  L: 'elle',
  M: 'emme',
  N: 'enne',
  O: 'o',
  P: 'pi',
  Q: 'cu',
  R: 'erre',
  S: 'esse',
  T: 'ti',
  U: 'u',
  V: 'vu',
  W: 'doppia vu',
  X: 'ics',
  Y: 'ipsilon',
  Z: 'zeta',
};

/** "A012", "Sportello URP 1" → "Numero a, 0 1 2. Sportello URP 1." */
export function spokenCall(number: string, deskName: string): string {
  const letters = [...number].filter((c) => /[A-Za-z]/.test(c)).map((c) => LETTERS[c.toUpperCase()] ?? c);
  const digits = [...number].filter((c) => /\d/.test(c));
  return `Numero ${letters.join(' ')}, ${digits.join(' ')}. ${deskName}.`;
}

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

let italianVoice: SpeechSynthesisVoice | undefined;
function voice(): SpeechSynthesisVoice | undefined {
  if (!italianVoice) italianVoice = window.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('it'));
  return italianVoice;
}

/** Resolves when the sentence is spoken (or could not be: no speech on this device, audio locked). */
export function speak(text: string): Promise<void> {
  if (!('speechSynthesis' in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'it-IT';
    u.rate = 0.9;
    const v = voice();
    if (v) u.voice = v;
    const timer = window.setTimeout(resolve, 12_000); // some engines never fire "end"
    u.onend = u.onerror = () => {
      window.clearTimeout(timer);
      resolve();
    };
    window.speechSynthesis.speak(u);
  });
}

let chain: Promise<void> = Promise.resolve();

export function announceCall(number: string, deskName: string): void {
  chain = chain.then(async () => {
    playChime();
    await wait(1300);
    await speak(spokenCall(number, deskName));
    await wait(500);
  });
}

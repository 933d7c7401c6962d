// The loudness of a stream's microphone, 0–100 in steps of 5 on a decibel scale, for the device check's meter
// (an AnalyserNode; the audio is never played back). Browsers may create the AudioContext
// suspended until the person interacts with the page: the first click or key press resumes it.
import { useEffect, useState } from 'react';

export function useMediaLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    setLevel(0);
    if (!stream?.getAudioTracks().length || typeof AudioContext === 'undefined') return;
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 2048;
    ctx.createMediaStreamSource(stream).connect(analyser);
    const data = new Float32Array(analyser.fftSize);
    const resume = () => void ctx.resume().catch(() => undefined);
    resume();
    document.addEventListener('pointerdown', resume, { once: true });
    document.addEventListener('keydown', resume, { once: true });
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(data);
      let sum = 0;
      for (const v of data) sum += v * v;
      const rms = Math.sqrt(sum / data.length);
      // Decibels from -60 (silence) to 0 (full scale); normal speech lands around the middle.
      const db = rms > 0 ? 20 * Math.log10(rms) : -100;
      setLevel(Math.max(0, Math.min(100, Math.round(((db + 60) / 60) * 20) * 5)));
    }, 100);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
      void ctx.close().catch(() => undefined);
    };
  }, [stream]);
  return level;
}

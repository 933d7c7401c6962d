// The kiosk's barcode scanner behaves as a keyboard: it "types" the QR code's text very fast and
// presses Enter. Where no field has the focus (the start screen), we recognise that burst and treat
// it as a check-in, so a citizen can just hold the email's QR code to the reader.
import { useEffect, useRef } from 'react';

/** Scanners type a character every few milliseconds; people are far slower. */
const MAX_GAP_MS = 60;
const MIN_LENGTH = 10;

export function useScanner(active: boolean, onScan: (text: string) => void): void {
  const callback = useRef(onScan);
  callback.current = onScan;
  useEffect(() => {
    if (!active) return;
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      const now = performance.now();
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (e.key === 'Enter') {
        if (buffer.length >= MIN_LENGTH) {
          e.preventDefault();
          callback.current(buffer);
        }
        buffer = '';
      } else if (e.key.length === 1) {
        buffer += e.key;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}

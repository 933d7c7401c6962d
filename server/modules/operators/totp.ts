// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6
// digits, what every authenticator app does by default. A code is accepted for the step before and
// after the current one (clock drift) and only for a step later than the last one accepted, so a
// code seen over a shoulder or in a log cannot be used again.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Encode } from './base32.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const DRIFT_STEPS = 1;

/** A new 160-bit secret (RFC 4226 recommends the HMAC-SHA1 output size), in base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function hotp(key: Buffer, counter: bigint, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totpStep(epochMs: number, period = TOTP_PERIOD_SECONDS): bigint {
  return BigInt(Math.floor(epochMs / 1000 / period));
}

export function totpCode(key: Buffer, epochMs: number, digits = TOTP_DIGITS): string {
  return hotp(key, totpStep(epochMs), digits);
}

/**
 * The step a code belongs to, if it is valid now (±1 step) and newer than `lastStep`; otherwise
 * null. Every candidate step is computed, so the time taken does not depend on which one matched.
 */
export function matchTotp(key: Buffer, code: string, epochMs: number, lastStep: bigint | null): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(epochMs);
  let found: bigint | null = null;
  for (let d = -DRIFT_STEPS; d <= DRIFT_STEPS; d++) {
    const step = now + BigInt(d);
    const same = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(code));
    if (same && found === null && (lastStep === null || step > lastStep)) found = step;
  }
  return found;
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${params.toString().replace(/\+/g, '%20')}`;
}

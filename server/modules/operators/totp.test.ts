import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base32Decode, base32Encode } from './base32.ts';
import { hotp, matchTotp, newTotpSecret, otpauthUri, totpCode, totpStep } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8 digits.
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC6238_SHA1: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
// RFC 4226 appendix D: HOTP values for counters 0..9 (6 digits).
const RFC4226 = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    for (const [seconds, expected] of RFC6238_SHA1) assert.equal(totpCode(RFC_KEY, seconds * 1000, 8), expected, `T = ${seconds}`);
  });

  it('matches the RFC 4226 HOTP test vectors', () => {
    for (const [counter, expected] of RFC4226.entries()) assert.equal(hotp(RFC_KEY, BigInt(counter)), expected, `counter ${counter}`);
  });

  it('accepts the previous, current and next step, and no further', () => {
    const now = 1_772_434_800_000; // 2026-03-02T07:00:00Z
    const step = totpStep(now);
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step), now, null), step);
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step - 1n), now, null), step - 1n);
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step + 1n), now, null), step + 1n);
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step - 2n), now, null), null);
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step + 2n), now, null), null);
  });

  it('never accepts a step already used, nor an older one', () => {
    const now = 1_772_434_800_000;
    const step = totpStep(now);
    const code = hotp(RFC_KEY, step);
    assert.equal(matchTotp(RFC_KEY, code, now, step), null, 'replay');
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step - 1n), now, step), null, 'older than the last used');
    assert.equal(matchTotp(RFC_KEY, hotp(RFC_KEY, step + 1n), now, step), step + 1n);
  });

  it('refuses malformed codes', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 12345']) assert.equal(matchTotp(RFC_KEY, bad, 0, null), null, bad);
  });

  it('encodes secrets in base32 and builds the otpauth URI', () => {
    assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
    assert.equal(base32Encode(RFC_KEY), 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    assert.deepEqual(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq'), RFC_KEY);
    assert.deepEqual(base32Decode('MZXW6YTBOI======'), Buffer.from('foobar'));
    assert.equal(base32Decode('MZXW1'), null);
    const secret = newTotpSecret();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.equal(base32Decode(secret)!.length, 20);
    assert.equal(
      otpauthUri('JBSWY3DPEHPK3PXP', 'Comune di Bari', 'admin.bari'),
      'otpauth://totp/Comune%20di%20Bari:admin.bari?secret=JBSWY3DPEHPK3PXP&issuer=Comune%20di%20Bari&algorithm=SHA1&digits=6&period=30',
    );
  });
});

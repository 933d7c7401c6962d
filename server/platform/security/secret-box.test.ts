import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveKey, SecretBox } from './secret-box.ts';

describe('secret box', () => {
  const box = new SecretBox(deriveKey('a-session-secret-of-at-least-32-characters', 'totp'));

  it('opens what it sealed, for the same owner only', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'operator-1');
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]+$/);
    assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
    assert.equal(box.open(sealed, 'operator-1'), 'JBSWY3DPEHPK3PXP');
    assert.equal(box.open(sealed, 'operator-2'), null);
    assert.notEqual(box.seal('JBSWY3DPEHPK3PXP', 'operator-1'), sealed, 'a fresh IV every time');
  });

  it('refuses another key, another purpose, altered or malformed boxes', () => {
    const sealed = box.seal('secret', 'o');
    assert.equal(new SecretBox(deriveKey('another-session-secret-of-32-characters!', 'totp')).open(sealed, 'o'), null);
    assert.equal(new SecretBox(deriveKey('a-session-secret-of-at-least-32-characters', 'other')).open(sealed, 'o'), null);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1] ^= 1;
    assert.equal(box.open(`v1.${raw.toString('base64url')}`, 'o'), null);
    for (const bad of ['', 'v1.', 'v2.abc', 'v1.abc', 'nonsense']) assert.equal(box.open(bad, 'o'), null, bad);
  });
});

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { iceServers, turnCredentials } from './turn-credentials.ts';

describe('TURN credentials (coturn use-auth-secret)', () => {
  const now = Date.parse('2026-03-03T09:00:00Z');

  it('puts the expiry first in the username and signs it with HMAC-SHA1 of the shared secret', () => {
    const c = turnCredentials('s3cret', 'room:42', now, 3600);
    assert.equal(c.username, `${now / 1000 + 3600}:room_42`);
    assert.equal(c.credential, createHmac('sha1', 's3cret').update(c.username).digest('base64'));
    assert.notEqual(turnCredentials('other', 'room:42', now, 3600).credential, c.credential);
  });

  it('gives STUN alone without a TURN secret, and TURN with credentials when configured', () => {
    assert.deepEqual(iceServers({ stunUrls: ['stun:stun.comune.example.it:3478'], turnUrls: ['turn:turn.comune.example.it:3478'], turnSecret: undefined }, 'x', now), [
      { urls: ['stun:stun.comune.example.it:3478'] },
    ]);
    const servers = iceServers({ stunUrls: [], turnUrls: ['turn:t:3478?transport=udp', 'turns:t:5349'], turnSecret: 'k' }, 'x', now, 60);
    assert.equal(servers.length, 1);
    assert.match(servers[0]!.username!, /^\d+:x$/);
    assert.ok(servers[0]!.credential);
  });
});

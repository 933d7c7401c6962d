import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountDelay, addressKey, blockAfter, retryAfterSeconds, THROTTLE, waitAfter } from './throttle-policy.ts';

describe('throttling of failed sign-ins', () => {
  it('lets a few failures go free, then doubles the wait up to 15 minutes', () => {
    assert.deepEqual(
      [1, 4, 5, 6, 7, 10, 30].map((n) => blockAfter('pair', n) / 1000),
      [0, 0, 30, 60, 120, 900, 900],
    );
    assert.equal(blockAfter('address', 19), 0);
    assert.equal(blockAfter('address', 20), 30_000);
    assert.equal(waitAfter(1_000, 5), THROTTLE.maxWaitMs, 'no overflow');
  });

  it('never blocks a username: past the ceiling it only answers later, a few seconds at most', () => {
    assert.equal(blockAfter('account', 10_000), 0);
    assert.equal(accountDelay(THROTTLE.accountCeiling - 1), 0);
    assert.equal(accountDelay(THROTTLE.accountCeiling), 100);
    assert.equal(accountDelay(THROTTLE.accountCeiling + 4), 500);
    assert.equal(accountDelay(100_000), THROTTLE.accountMaxDelayMs);
  });

  it('counts IPv4 addresses as they are and IPv6 ones by their /64', () => {
    assert.equal(addressKey('198.51.100.7'), '198.51.100.7');
    assert.equal(addressKey('::ffff:198.51.100.7'), '198.51.100.7');
    assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:0DB8:0001:0002:ffff:1:2:3'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8::5'), '2001:db8:0:0::/64');
    assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
  });

  it('tells the client a whole number of seconds to wait', () => {
    const now = new Date('2026-03-02T07:00:00Z');
    assert.equal(retryAfterSeconds(new Date(now.getTime() + 29_001), now), 30);
    assert.equal(retryAfterSeconds(now, now), 1);
  });
});

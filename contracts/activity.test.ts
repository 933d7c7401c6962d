import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ACTIVITY, type ActionName, actionLabel, canonicalAction, isEventName } from './activity.ts';
import { EVENT_PAYLOADS } from './events.ts';

const names = Object.keys(ACTIVITY) as ActionName[];

describe('the catalogue of actions and events', () => {
  it('names every action entity.past-participle in kebab-case', () => {
    for (const n of names) assert.match(n, /^[a-z]+\.[a-z]+(-[a-z]+)*$/, n);
  });

  it('gives every action an Italian and an English label', () => {
    for (const n of names) {
      assert.ok(ACTIVITY[n].it.length > 2, n);
      assert.ok(ACTIVITY[n].en.length > 2, n);
    }
  });

  it('has a payload schema for exactly the actions published as events', () => {
    const events = names.filter(isEventName).sort();
    assert.deepEqual(Object.keys(EVENT_PAYLOADS).sort(), events);
  });

  it('maps every older spelling to one action, never to two', () => {
    const seen = new Map<string, string>();
    for (const n of names) {
      for (const old of (ACTIVITY[n] as { legacy?: readonly string[] }).legacy ?? []) {
        assert.ok(!seen.has(old), `${old} is a legacy name of ${seen.get(old)} and ${n}`);
        assert.ok(!names.includes(old as ActionName), `${old} is both current and legacy`);
        seen.set(old, n);
        assert.equal(canonicalAction(old), n);
      }
    }
    assert.equal(actionLabel('booking.cancel'), 'Appuntamento annullato');
    assert.equal(actionLabel('booking.cancelled', 'en'), 'Appointment cancelled');
    assert.equal(actionLabel('something.unknown'), 'something.unknown');
  });
});

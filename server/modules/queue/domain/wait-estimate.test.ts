import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { estimateMinutes, estimateWait, typicalHandlingMinutes, waitRange } from './wait-estimate.ts';

const handling = (s: string) => (s === 'long' ? 20 : 5);

describe('wait estimate', () => {
  it('sums the handling times ahead and divides them over the desks', () => {
    assert.equal(estimateMinutes({ aheadServices: ['short', 'short', 'long'], inServiceServices: [], desks: 2, handlingMinutes: handling }), 15);
    // Two tickets being served count half each.
    assert.equal(estimateMinutes({ aheadServices: [], inServiceServices: ['long', 'short'], desks: 1, handlingMinutes: handling }), 12.5);
    // No desk open yet: as if one were.
    assert.equal(estimateMinutes({ aheadServices: ['short'], inServiceServices: [], desks: 0, handlingMinutes: handling }), 5);
  });

  it('grows with the tickets ahead and shrinks with the desks; the range holds the estimate', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('short', 'long'), { maxLength: 60 }), fc.integer({ min: 1, max: 18 }), (ahead, desks) => {
        const base = { aheadServices: ahead, inServiceServices: [], handlingMinutes: handling };
        const m = estimateMinutes({ ...base, desks });
        assert.ok(estimateMinutes({ ...base, aheadServices: [...ahead, 'short'], desks }) > m);
        assert.ok(estimateMinutes({ ...base, desks: desks + 1 }) <= m);
        const r = estimateWait({ ...base, desks });
        assert.ok(r.minMinutes <= m && m <= r.maxMinutes, `${m} within ${r.minMinutes}-${r.maxMinutes}`);
        assert.ok(r.maxMinutes - r.minMinutes >= 2);
      }),
    );
  });

  it('says "0 to 2 minutes" with nobody ahead', () => {
    assert.deepEqual(waitRange(0), { minMinutes: 0, maxMinutes: 2 });
  });

  it("uses the service's duration until five tickets were served, then their trimmed mean", () => {
    assert.equal(typicalHandlingMinutes([300, 300, 300, 300], 15), 15);
    assert.equal(typicalHandlingMinutes([240, 240, 240, 240, 240], 15), 4);
    // One ticket left open for an hour does not make every wait look long.
    const samples = [...Array(9).fill(300), 3600];
    assert.equal(typicalHandlingMinutes(samples, 15), 5);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { tileCentre, tileExists, tileOf, tileWithinReach } from './tiles.ts';

const BARI = { latitude: 41.1171, longitude: 16.8719 };
const italy = fc.record({ latitude: fc.double({ min: 36, max: 47, noNaN: true }), longitude: fc.double({ min: 6.5, max: 18.5, noNaN: true }) });

describe('map tiles', () => {
  it('numbers tiles from the north-west corner: x eastwards, y southwards', () => {
    assert.deepEqual(tileOf(1, { latitude: 10, longitude: 10 }), { x: 1, y: 0 }, 'north-east quarter');
    assert.deepEqual(tileOf(2, { latitude: -10, longitude: -100 }), { x: 0, y: 2 }, 'just south of the equator, far west');
    assert.deepEqual(tileCentre(0, 0, 0), { latitude: 0, longitude: 0 });
  });

  it('puts every point in the tile whose centre is within half a tile of it', () => {
    fc.assert(
      fc.property(italy, fc.integer({ min: 11, max: 19 }), (p, z) => {
        const { x, y } = tileOf(z, p);
        assert.ok(tileExists(z, x, y));
        const c = tileCentre(z, x, y);
        const tileDegrees = 360 / 2 ** z;
        assert.ok(Math.abs(c.longitude - p.longitude) <= tileDegrees / 2 + 1e-9);
        assert.deepEqual(tileOf(z, c), { x, y }, "a tile's centre lies in the tile");
      }),
    );
  });

  it('serves the tiles around the comune and none far from it, nor any that do not exist', () => {
    fc.assert(
      fc.property(italy, fc.integer({ min: 11, max: 19 }), (p, z) => {
        const { x, y } = tileOf(z, p);
        const near = Math.abs(p.latitude - BARI.latitude) <= 0.45 && Math.abs(p.longitude - BARI.longitude) <= 0.45;
        const far = Math.abs(p.latitude - BARI.latitude) > 0.6 || Math.abs(p.longitude - BARI.longitude) > 0.6;
        if (near) assert.ok(tileWithinReach(z, x, y, BARI, 0.5));
        if (far) assert.ok(!tileWithinReach(z, x, y, BARI, 0.5));
      }),
    );
    assert.ok(!tileWithinReach(12, 4096, 0, BARI, 0.5), 'x beyond the grid');
    assert.ok(!tileWithinReach(12, -1, 0, BARI, 0.5));
    assert.ok(!tileWithinReach(12, 1.5, 0, BARI, 0.5));
  });
});

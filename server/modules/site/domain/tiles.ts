// Web Mercator ("slippy map") tile arithmetic for the map tiles Sportello serves: which tiles exist
// at a zoom, where a tile's centre lies, and whether a tile is near enough to the comune to be served
// (the tile proxy is not an open proxy for the whole world).

export interface Point {
  latitude: number;
  longitude: number;
}

/** A tile's address is valid: x and y within the 2^z grid. */
export function tileExists(z: number, x: number, y: number): boolean {
  const n = 2 ** z;
  return Number.isInteger(z) && Number.isInteger(x) && Number.isInteger(y) && z >= 0 && x >= 0 && y >= 0 && x < n && y < n;
}

/** The centre of tile (z, x, y) in degrees (WGS 84). */
export function tileCentre(z: number, x: number, y: number): Point {
  const n = 2 ** z;
  const longitude = ((x + 0.5) / n) * 360 - 180;
  const latitude = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI;
  return { latitude, longitude };
}

/** The tile holding a point at zoom z. */
export function tileOf(z: number, p: Point): { x: number; y: number } {
  const n = 2 ** z;
  const rad = (p.latitude * Math.PI) / 180;
  const x = Math.floor(((p.longitude + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** Whether the tile's centre lies within `reach` degrees of the centre, in latitude and in longitude. */
export function tileWithinReach(z: number, x: number, y: number, centre: Point, reach: number): boolean {
  if (!tileExists(z, x, y)) return false;
  const c = tileCentre(z, x, y);
  return Math.abs(c.latitude - centre.latitude) <= reach && Math.abs(c.longitude - centre.longitude) <= reach;
}

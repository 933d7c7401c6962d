// The map's tiles, fetched by Sportello from the tile server the comune configured and served from
// its own address: the citizen's browser never contacts a third party (their address and the page
// they are on stay with the comune), the CSP stays 'self', and the template may carry a key. Only
// tiles around the comune are served (not an open proxy), only images (by their bytes) are passed
// on, and recent tiles are kept in memory, bounded by bytes, so a map opened by many citizens costs
// the tile server one request per tile.
import { MAP_REACH_DEGREES, MAP_ZOOM, type MapSettings } from '../../../contracts/site.ts';
import { detectFileType } from '../../platform/files/content-type.ts';
import { appError } from '../../platform/http/errors.ts';
import { tileWithinReach } from './domain/tiles.ts';

const TILE_MAX_BYTES = 512 * 1024;
const CACHE_MAX_BYTES = 64 * 1024 * 1024;
const CACHE_TTL_MS = 24 * 3600_000;
const FETCH_TIMEOUT_MS = 8000;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export interface Tile {
  bytes: Buffer;
  type: string;
}

const noTile = () => appError('NOT_FOUND', { variant: 'mapTile' });
const unavailable = () => appError('MAP_TILES_UNAVAILABLE');

/** Least recently used first (a Map keeps insertion order; a hit is moved to the end). */
class TileCache {
  private readonly entries = new Map<string, { tile: Tile; at: number }>();
  private bytes = 0;
  get(key: string, now: number): Tile | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (now - e.at > CACHE_TTL_MS) {
      this.bytes -= e.tile.bytes.length;
      return undefined;
    }
    this.entries.set(key, e);
    return e.tile;
  }
  set(key: string, tile: Tile, now: number): void {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.tile.bytes.length;
    this.entries.delete(key);
    this.entries.set(key, { tile, at: now });
    this.bytes += tile.bytes.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= CACHE_MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.tile.bytes.length;
    }
  }
}

async function download(url: string): Promise<Tile> {
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { 'user-agent': 'Sportello (map tiles for a comune report form)', accept: 'image/*' },
      redirect: 'error',
    });
  } catch {
    throw unavailable();
  }
  if (res.status === 404) throw noTile();
  if (!res.ok || !res.body) throw unavailable();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > TILE_MAX_BYTES) throw unavailable();
    chunks.push(Buffer.from(chunk));
  }
  const bytes = Buffer.concat(chunks);
  const type = detectFileType(bytes.subarray(0, 64))?.mediaType;
  if (!type || !IMAGE_TYPES.has(type)) throw unavailable();
  return { bytes, type };
}

export function createTileSource() {
  const cache = new TileCache();
  const pending = new Map<string, Promise<Tile>>();
  return async function tile(tenantId: string, map: MapSettings, z: number, x: number, y: number, now: number): Promise<Tile> {
    if (z < MAP_ZOOM.min || z > MAP_ZOOM.max || !tileWithinReach(z, x, y, map, MAP_REACH_DEGREES)) throw noTile();
    const url = map.tilesUrl.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));
    const key = `${tenantId} ${url}`;
    const cached = cache.get(key, now);
    if (cached) return cached;
    // Citizens opening the map together wait for one download per tile.
    let inFlight = pending.get(key);
    if (!inFlight) {
      inFlight = download(url).finally(() => pending.delete(key));
      pending.set(key, inFlight);
    }
    const fetched = await inFlight;
    cache.set(key, fetched, now);
    return fetched;
  };
}

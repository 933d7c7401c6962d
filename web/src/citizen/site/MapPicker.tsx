// The report's point on the comune's map (only where the comune configured a tile server; its own
// chunk with Leaflet, loaded by the report form alone). A tap or click marks the point; keyboard users
// move the map with the arrow keys (and + / − to zoom) and mark its centre with the button. The
// tiles come from Sportello's own address, so the browser talks to no third party.
import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { TenantInfo } from '../../../../contracts/catalogue.ts';
import { MAP_REACH_DEGREES, MAP_ZOOM } from '../../../../contracts/site.ts';

export interface Point {
  latitude: number;
  longitude: number;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export default function MapPicker({ map, value, onChange }: { map: NonNullable<TenantInfo['map']>; value: Point | null; onChange(p: Point): void }) {
  const container = useRef<HTMLElement>(null);
  const leaflet = useRef<L.Map | null>(null);
  const marker = useRef<L.CircleMarker | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const reach = MAP_REACH_DEGREES;
    const m = L.map(container.current!, {
      center: [map.latitude, map.longitude],
      zoom: map.zoom,
      minZoom: MAP_ZOOM.min,
      maxZoom: MAP_ZOOM.max,
      maxBounds: [
        [map.latitude - reach, map.longitude - reach],
        [map.latitude + reach, map.longitude + reach],
      ],
    });
    m.attributionControl.setPrefix(false);
    // Leaflet writes the attribution as HTML: the comune's text is shown as text.
    L.tileLayer(map.tilesUrl, { attribution: escapeHtml(map.attribution), minZoom: MAP_ZOOM.min, maxZoom: MAP_ZOOM.max }).addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => changed.current({ latitude: round(e.latlng.lat), longitude: round(e.latlng.lng) }));
    leaflet.current = m;
    return () => {
      m.remove();
      leaflet.current = null;
      marker.current = null;
    };
  }, [map]);

  useEffect(() => {
    const m = leaflet.current;
    if (!m) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const at: L.LatLngExpression = [value.latitude, value.longitude];
    if (marker.current) marker.current.setLatLng(at);
    else marker.current = L.circleMarker(at, { radius: 10, color: '#0066cc', weight: 3, fillColor: '#ffffff', fillOpacity: 0.9 }).addTo(m);
    if (!m.getBounds().contains(at)) m.panTo(at);
  }, [value]);

  const markCentre = () => {
    const c = leaflet.current?.getCenter();
    if (c) onChange({ latitude: round(c.lat), longitude: round(c.lng) });
  };

  return (
    <div className="mb-3">
      <section
        ref={container}
        className="border rounded"
        style={{ height: '20rem' }}
        aria-label="Mappa del Comune: tocca il punto del disservizio, oppure sposta la mappa con le frecce e segna il centro"
        data-testid="report-map"
      />
      <button type="button" className="btn btn-outline-primary btn-sm mt-2" onClick={markCentre}>
        Segna il punto al centro della mappa
      </button>
    </div>
  );
}

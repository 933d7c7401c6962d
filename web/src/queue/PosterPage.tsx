// The poster an office prints and hangs at its door: "take a number with your phone", the QR code of
// the office's take-a-number page, the same address written out for who cannot scan, the hours.
// An A4 sheet on screen and on paper; the print button is not printed.
import type { OfficeQueueInfo } from '../../../contracts/queue.ts';
import { useTenant } from '../citizen/tenant.ts';
import { Icon } from '../shared/Icon.tsx';
import { ErrorAlert, Loading, PageHeading } from '../shared/Page.tsx';
import { useApi } from '../shared/useApi.ts';
import { BareFrame } from './BareFrame.tsx';
import './poster.css';

/** The address to type: no scheme, no "?origine=qr" (typed visits are not QR visits). */
function writtenUrl(url: string): string {
  const u = new URL(url, window.location.href);
  return `${u.host}${u.pathname}`;
}

/** The comune's home on this site, short enough to remember: "sportello.example.it/bari". */
function siteUrl(url: string, slug: string): string {
  return `${new URL(url, window.location.href).host}/${slug}`;
}

export default function PosterPage({ officeId }: { officeId: string }) {
  const t = useTenant();
  const info = useApi<OfficeQueueInfo>(`/api/v1/${t.slug}/offices/${encodeURIComponent(officeId)}/queue`);
  const data = info.data;
  return (
    <BareFrame className="poster-page">
      <div className="poster-toolbar poster-noprint">
        <p className="mb-0">Anteprima della locandina (foglio A4). Stampala e appendila all'ingresso dell'ufficio.</p>
        <button type="button" className="btn btn-primary" onClick={() => window.print()} disabled={!data}>
          <Icon name="it-print" className="icon-white me-1" />
          Stampa
        </button>
      </div>
      {!data ? (
        info.loading ? (
          <Loading />
        ) : (
          <>
            <PageHeading title="Ufficio non trovato" />
            {info.errorStatus === 404 ? <p>L'indirizzo non corrisponde a nessun ufficio del Comune.</p> : <ErrorAlert message={info.error} />}
          </>
        )
      ) : (
        <article className="poster-sheet">
          <p className="poster-comune">{t.name}</p>
          <p className="poster-office">{data.office.name}</p>
          <PageHeading title="Prendi il numero con il telefono" className="poster-title" />
          <img
            className="poster-qr"
            src={`/api/v1/${t.slug}/offices/${encodeURIComponent(officeId)}/poster-qr.svg`}
            alt={`Codice QR: apre la pagina per prendere il numero all'ufficio ${data.office.name}`}
          />
          <ol className="poster-steps">
            <li>Inquadra il codice con la fotocamera del telefono.</li>
            <li>Scegli il servizio e tocca «Prendi il numero».</li>
            <li>Aspetta dove preferisci: il telefono ti avvisa quando è il tuo turno.</li>
          </ol>
          <p className="poster-url-label">Non riesci a inquadrare il codice? Scrivi questo indirizzo:</p>
          <p className="poster-url">{writtenUrl(data.takeTicketUrl)}</p>
          <p className="poster-short">
            oppure apri <strong>{siteUrl(data.takeTicketUrl, t.slug)}</strong> e scegli l'ufficio.
          </p>
          {data.office.openingHours ? (
            <p className="poster-hours">
              <strong>Orari di apertura:</strong> {data.office.openingHours}
            </p>
          ) : null}
          <p className="poster-foot">Senza telefono? Prendi il numero al totem all'ingresso o chiedi al personale.</p>
        </article>
      )}
    </BareFrame>
  );
}

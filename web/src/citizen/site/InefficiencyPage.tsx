// "Segnalazione disservizio" (Modello Comuni): where (an address or landmark, and the point when the
// citizen shares their position or marks it on the comune's map), what (category, description, up to
// 3 photos), who (contacts, prefilled when logged in), the privacy notice accepted. Sent, the report
// gets its number; the photos follow with the report's one-time secret, each told apart if refused.
import { type FormEvent, lazy, Suspense, useEffect, useId, useState } from 'react';
import { REPORT_CATEGORIES, REPORT_PHOTOS, type ReportPhotoAdded, type ReportReceipt } from '../../../../contracts/requests.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { PageHeading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { Breadcrumb } from '../Layout.tsx';
import { useCitizen } from '../session.ts';
import { useTenant } from '../tenant.ts';
import { areaPath } from '../area/sections.ts';
import { sitePaths } from './names.ts';
import {
  CategorySelect,
  CONTACT_LABELS,
  ContactFields,
  type Contacts,
  checkContacts,
  contactsBody,
  DescriptionField,
  describedBy,
  type Errors,
  Field,
  FieldError,
  refusal,
  SendRow,
} from './request-form.tsx';

// Leaflet and its CSS only for the comuni with a map, and only on this page.
const MapPicker = lazy(() => import('./MapPicker.tsx'));

const LABELS: Record<string, string> = {
  ...CONTACT_LABELS,
  category: 'Tipo di disservizio',
  address: 'Indirizzo o luogo',
  description: 'Descrivi il problema',
  position: 'Posizione',
};
const MB = 1024 * 1024;

interface Sent {
  receipt: ReportReceipt;
  photos: number;
  refused: string[];
}

function usePreviews(files: File[]): string[] {
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const made = files.map((f) => URL.createObjectURL(f));
    setUrls(made);
    return () => {
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [files]);
  return urls;
}

export default function InefficiencyPage() {
  const t = useTenant();
  const id = useId();
  const citizen = useCitizen();
  const me = citizen.status === 'signed-in' ? citizen.me.citizen : null;
  const paths = sitePaths(t.slug);
  const [form, setForm] = useState({ category: '', address: '', description: '' });
  const [position, setPosition] = useState<{ latitude: number; longitude: number } | null>(null);
  const [locating, setLocating] = useState<string>();
  const [photos, setPhotos] = useState<File[]>([]);
  const previews = usePreviews(photos);
  const [contacts, setContacts] = useState<Contacts>({ name: '', surname: '', email: '', phone: '' });
  const [privacy, setPrivacy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [sent, setSent] = useState<Sent>();
  const [busy, setBusy] = useState<string>();
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  function locate() {
    if (!('geolocation' in navigator)) {
      setLocating('Il browser non può rilevare la posizione: scrivi l’indirizzo.');
      return;
    }
    setLocating('Rilevamento della posizione…');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ latitude: Math.round(p.coords.latitude * 1e6) / 1e6, longitude: Math.round(p.coords.longitude * 1e6) / 1e6 });
        setLocating(undefined);
      },
      () => setLocating('Posizione non disponibile (permesso negato o segnale assente): scrivi l’indirizzo.'),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  function pick(list: FileList | null) {
    const chosen = [...photos, ...Array.from(list ?? [])];
    const problems: string[] = [];
    const kept = chosen.filter((f) => {
      if (!(REPORT_PHOTOS.types as readonly string[]).includes(f.type)) problems.push(`${f.name}: formato non accettato (JPEG, PNG o WebP)`);
      else if (f.size > REPORT_PHOTOS.maxBytes) problems.push(`${f.name}: supera ${REPORT_PHOTOS.maxBytes / MB} MB`);
      else return true;
      return false;
    });
    if (kept.length > REPORT_PHOTOS.max) problems.push(`al massimo ${REPORT_PHOTOS.max} foto`);
    setPhotos(kept.slice(0, REPORT_PHOTOS.max));
    setErrors((e) => {
      const { photos: _dropped, ...rest } = e;
      return problems.length ? { ...rest, photos: `Non aggiunte: ${problems.join('; ')}.` } : rest;
    });
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    setFailure(undefined);
    const missing: Errors = checkContacts(me, contacts);
    if (!form.category) missing.category = 'Scegli il tipo di disservizio.';
    if (form.address.trim().length < 3) missing.address = "Indica l'indirizzo o un punto di riferimento.";
    if (form.description.trim().length < 10) missing.description = 'Descrivi il problema (almeno 10 caratteri).';
    if (!privacy) missing.privacy = "Per inviare la segnalazione devi dichiarare di aver letto l'informativa.";
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy('Invio della segnalazione…');
    try {
      const body = {
        category: form.category,
        address: form.address.trim(),
        ...(position ? { position } : {}),
        description: form.description.trim(),
        ...contactsBody(me, contacts),
      };
      const receipt = await api<ReportReceipt>(`/api/v1/${t.slug}/inefficiency-reports`, { method: 'POST', body });
      const refused: string[] = [];
      let added = 0;
      for (const [i, file] of photos.entries()) {
        setBusy(`Invio della foto ${i + 1} di ${photos.length}…`);
        const data = new FormData();
        data.append('token', receipt.photoToken);
        data.append('file', file, file.name);
        try {
          added = (await api<ReportPhotoAdded>(receipt.photosUrl, { method: 'POST', form: data })).photos;
        } catch (err) {
          refused.push(`${file.name}: ${errorMessage(err)}`);
        }
      }
      setSent({ receipt, photos: added, refused });
    } catch (err) {
      const r = refusal(err, LABELS);
      setErrors(r.errors);
      setFailure(r.failure);
    } finally {
      setBusy(undefined);
    }
  }

  const crumbs = [{ label: 'Home', href: paths.home }, { label: 'Segnalazione disservizio' }];
  if (sent) {
    return (
      <>
        <Breadcrumb items={crumbs} />
        <PageHeading title="Segnalazione inviata" />
        <div className="alert alert-success" role="status">
          <p className="mb-1">
            La tua segnalazione è la <strong data-testid="report-number">n. {sent.receipt.number}</strong>
            {sent.photos ? `, con ${sent.photos === 1 ? 'una foto' : `${sent.photos} foto`}` : ''}.
          </p>
          <p className="mb-0">Ti abbiamo inviato una email di conferma a {contactsBody(me, contacts).email}: ti scriveremo quando sarà presa in carico e quando sarà risolta.</p>
        </div>
        {sent.refused.length ? (
          <div className="alert alert-warning" role="alert">
            <p className="mb-1">Alcune foto non sono state allegate:</p>
            <ul className="mb-0">
              {sent.refused.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="d-flex flex-wrap gap-3">
          {me ? <Link href={areaPath(t.slug, 'pratiche')}>Segui la segnalazione nella tua area personale</Link> : null}
          <Link href={paths.reports}>Le segnalazioni aperte</Link>
          <Link href={paths.home}>Torna alla home</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <Breadcrumb items={crumbs} />
      <PageHeading title="Segnalazione disservizio" description={`Segnala al ${t.name} un problema in città: una buca, un lampione spento, rifiuti abbandonati.`} />
      <p className="lead">
        Una buca, un lampione spento, rifiuti abbandonati: segnalalo al Comune. Ricevi subito un numero e ti scriviamo quando il problema è preso in carico e risolto. Puoi vedere
        le <Link href={paths.reports}>segnalazioni già aperte</Link>.
      </p>
      <div className="alert alert-warning" role="note">
        Per le emergenze chiama il <a href="tel:112">112</a>.
      </div>
      <form onSubmit={send} noValidate className="mt-4">
        <fieldset>
          <legend className="h5">Luogo</legend>
          <Field id={id} name="address" label={LABELS.address!} errors={errors} hint="Via e numero civico, oppure un punto di riferimento (es. davanti alla scuola Mazzini).">
            <input
              id={`${id}-address`}
              className={`form-control${errors.address ? ' is-invalid' : ''}`}
              value={form.address}
              maxLength={200}
              autoComplete="street-address"
              aria-invalid={errors.address ? true : undefined}
              aria-describedby={describedBy(id, 'address', errors, true)}
              onChange={(e) => set('address')(e.target.value)}
            />
          </Field>
          {t.map ? (
            <Suspense fallback={<p>Caricamento della mappa…</p>}>
              <MapPicker map={t.map} value={position} onChange={setPosition} />
            </Suspense>
          ) : null}
          <div className="mb-4">
            {position ? (
              <p className="mb-1" data-testid="position" role="status">
                Punto indicato: {position.latitude.toLocaleString('it-IT')}, {position.longitude.toLocaleString('it-IT')}{' '}
                <button type="button" className="btn btn-link p-0 align-baseline" onClick={() => setPosition(null)}>
                  Rimuovi la posizione
                </button>
              </p>
            ) : (
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={locate}>
                Usa la mia posizione
              </button>
            )}
            {locating ? (
              <p className="small mt-1 mb-0" role="status">
                {locating}
              </p>
            ) : null}
          </div>
        </fieldset>
        <fieldset>
          <legend className="h5">Disservizio</legend>
          <CategorySelect
            id={id}
            label={LABELS.category!}
            placeholder="Scegli il tipo"
            options={REPORT_CATEGORIES}
            value={form.category}
            errors={errors}
            onChange={set('category')}
          />
          <DescriptionField
            id={id}
            label={LABELS.description!}
            hint="Che cosa non va e da quando. Non scrivere dati personali di altre persone."
            value={form.description}
            errors={errors}
            onChange={set('description')}
          />
          <div className="mb-4">
            <label htmlFor={`${id}-photos`} className="form-label d-block fw-semibold">
              Foto (facoltative)
            </label>
            <input
              id={`${id}-photos`}
              type="file"
              className="form-control"
              accept={REPORT_PHOTOS.types.join(',')}
              multiple
              disabled={photos.length >= REPORT_PHOTOS.max}
              aria-describedby={describedBy(id, 'photos', errors, true)}
              onChange={(e) => {
                pick(e.target.files);
                e.target.value = '';
              }}
            />
            <small id={`${id}-photos-hint`} className="form-text">
              Fino a {REPORT_PHOTOS.max} foto JPEG, PNG o WebP di {REPORT_PHOTOS.maxBytes / MB} MB al massimo. Togliamo dalle foto i dati sul luogo e sul telefono prima di
              conservarle.
            </small>
            <FieldError id={id} name="photos" errors={errors} />
            {photos.length ? (
              <ul className="list-unstyled d-flex flex-wrap gap-3 mt-2" data-testid="photos">
                {photos.map((f, i) => (
                  <li key={`${f.name}-${i}`} className="text-center">
                    {previews[i] ? <img src={previews[i]} alt={`Anteprima di ${f.name}`} width={96} height={72} style={{ objectFit: 'cover' }} /> : null}
                    <button
                      type="button"
                      className="btn btn-link btn-sm d-block"
                      onClick={() => setPhotos(photos.filter((_, j) => j !== i))}
                      aria-label={`Togli la foto ${f.name}`}
                    >
                      Togli
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </fieldset>
        <ContactFields
          id={id}
          me={me}
          value={contacts}
          errors={errors}
          onChange={(k, v) => setContacts((c) => ({ ...c, [k]: v }))}
          answerWhere="puoi seguire la segnalazione nella tua area personale."
        />
        <div className="form-check mb-4">
          <input
            id={`${id}-privacy`}
            type="checkbox"
            checked={privacy}
            onChange={(e) => setPrivacy(e.target.checked)}
            aria-invalid={errors.privacy ? true : undefined}
            aria-describedby={describedBy(id, 'privacy', errors)}
          />
          <label htmlFor={`${id}-privacy`}>
            Ho letto e compreso l'<Link href={paths.privacy}>informativa sulla privacy</Link>
          </label>
          <FieldError id={id} name="privacy" errors={errors} />
        </div>
        <SendRow failure={failure} busy={busy} label="Invia la segnalazione" />
      </form>
    </>
  );
}

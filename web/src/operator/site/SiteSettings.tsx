// The comune's site settings (admins): the footer's contacts, the statements' addresses, the social
// links, and where each second-level page of Amministrazione, Novità and Vivere lives on the
// institutional site. Empty fields are left out of the footer.
import { type FormEvent, useState } from 'react';
import { MAP_ZOOM, type MapSettings, SITE_SECTIONS, SOCIAL_NETWORKS, type SiteProfile, type SocialNetwork } from '../../../../contracts/site.ts';
import { useSession } from '../session.tsx';
import { describeError, FocusHeading, OutcomeAlert, type Outcome, SelectField, TextArea, TextField } from '../ui.tsx';

const CONTACTS: Array<[keyof SiteProfile['contacts'], string, string?]> = [
  ['address', 'Indirizzo della sede'],
  ['phone', 'Telefono'],
  ['email', 'Email'],
  ['pec', 'PEC'],
  ['fiscalCode', 'Codice fiscale del Comune', '11 cifre'],
];
const STATEMENTS: Array<['accessibilityUrl' | 'improvementPlanUrl' | 'privacyUrl', string, string]> = [
  ['accessibilityUrl', 'Dichiarazione di accessibilità', "L'indirizzo della dichiarazione pubblicata su form.agid.gov.it"],
  ['improvementPlanUrl', 'Piano di miglioramento del sito', 'Facoltativo'],
  ['privacyUrl', 'Informativa privacy del Comune', "Facoltativo: se vuota, il footer porta all'informativa di questi servizi"],
];
const LABELS: Record<string, string> = {
  ...Object.fromEntries(CONTACTS.map(([k, l]) => [k, l])),
  ...Object.fromEntries(STATEMENTS.map(([k, l]) => [k, l])),
  tilesUrl: 'Indirizzo delle tessere della mappa',
  attribution: 'Attribuzione della mappa',
  latitude: 'Latitudine del centro',
  longitude: 'Longitudine del centro',
  zoom: 'Zoom iniziale',
};

const NO_MAP: MapSettings = { tilesUrl: '', attribution: '', latitude: 41.9, longitude: 12.5, zoom: 15 };

/** The tile server for the report form's map: without it, reports take an address only. */
function MapFields({ map, onChange }: { map: MapSettings | undefined; onChange(m: MapSettings | undefined): void }) {
  const m = map ?? NO_MAP;
  const set = (patch: Partial<MapSettings>) => onChange({ ...m, ...patch });
  const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(',', '.')));
  return (
    <fieldset className="mt-4">
      <legend className="h5">Mappa per le segnalazioni</legend>
      <p className="small">
        Facoltativa. Con un server di tessere (per esempio quello del SIT del Comune o un fornitore OpenStreetMap con cui il Comune ha un accordo) i cittadini indicano il punto del
        disservizio sulla mappa. Le tessere passano da Sportello: il browser del cittadino non contatta il fornitore.
      </p>
      <TextField label={LABELS.tilesUrl!} hint="https://…/{z}/{x}/{y}.png" value={m.tilesUrl} onChange={(v) => set({ tilesUrl: v })} maxLength={300} />
      <TextField
        label={LABELS.attribution!}
        hint="Come chiede la licenza delle tessere, es. © OpenStreetMap contributors"
        value={m.attribution}
        onChange={(v) => set({ attribution: v })}
        maxLength={200}
      />
      <div className="row">
        <div className="col-12 col-md-4">
          <TextField label={LABELS.latitude!} value={Number.isNaN(m.latitude) ? '' : String(m.latitude)} onChange={(v) => set({ latitude: num(v) })} maxLength={12} />
        </div>
        <div className="col-12 col-md-4">
          <TextField label={LABELS.longitude!} value={Number.isNaN(m.longitude) ? '' : String(m.longitude)} onChange={(v) => set({ longitude: num(v) })} maxLength={12} />
        </div>
        <div className="col-12 col-md-4">
          <TextField label={LABELS.zoom!} type="number" min={MAP_ZOOM.min} max={MAP_ZOOM.max} value={String(m.zoom)} onChange={(v) => set({ zoom: Math.round(num(v)) })} />
        </div>
      </div>
      {map ? (
        <button type="button" className="btn btn-outline-danger btn-sm mb-3" onClick={() => onChange(undefined)}>
          Togli la mappa
        </button>
      ) : null}
    </fieldset>
  );
}

export function SiteSettings({ profile, onSaved }: { profile: SiteProfile; onSaved(p: SiteProfile): void }) {
  const session = useSession();
  const [draft, setDraft] = useState<SiteProfile>(profile);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const setContact = (k: keyof SiteProfile['contacts'], v: string) => setDraft((d) => ({ ...d, contacts: { ...d.contacts, [k]: v } }));
  const setLink = (key: string, v: string) =>
    setDraft((d) => {
      const sectionLinks = { ...d.sectionLinks };
      if (v.trim()) sectionLinks[key] = v.trim();
      else delete sectionLinks[key];
      return { ...d, sectionLinks };
    });
  const setSocial = (i: number, patch: Partial<{ network: SocialNetwork; url: string }>) =>
    setDraft((d) => ({ ...d, social: d.social.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    const body: SiteProfile = {
      ...draft,
      contacts: Object.fromEntries(Object.entries(draft.contacts).filter(([, v]) => typeof v === 'string' && v.trim())),
      social: draft.social.filter((s) => s.url.trim()),
    };
    for (const [k] of STATEMENTS) if (!body[k]?.trim()) delete body[k];
    if (!body.map?.tilesUrl.trim()) delete body.map;
    try {
      const saved = await session.call<SiteProfile>('admin/site', { method: 'PUT', body });
      setDraft(saved);
      onSaved(saved);
      setOutcome({ ok: true, message: 'Impostazioni del sito salvate.' });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="mb-5">
      <FocusHeading className="h4">Contatti e dichiarazioni</FocusHeading>
      <div className="row">
        {CONTACTS.map(([k, label, hint]) => (
          <div className="col-12 col-md-6" key={k}>
            <TextField label={label} hint={hint} value={draft.contacts[k] ?? ''} onChange={(v) => setContact(k, v)} maxLength={200} />
          </div>
        ))}
      </div>
      <TextArea label="Orari dell'URP" value={draft.contacts.openingHours ?? ''} onChange={(v) => setContact('openingHours', v)} maxLength={500} rows={2} />
      {STATEMENTS.map(([k, label, hint]) => (
        <TextField key={k} label={label} hint={hint} type="url" value={draft[k] ?? ''} onChange={(v) => setDraft((d) => ({ ...d, [k]: v }))} maxLength={500} />
      ))}

      <h3 className="h5 mt-4">Social</h3>
      {draft.social.map((s, i) => (
        <div className="row align-items-end" key={i}>
          <div className="col-12 col-md-3">
            <SelectField
              label={`Social ${i + 1}`}
              value={s.network}
              onChange={(v) => setSocial(i, { network: v as SocialNetwork })}
              options={Object.entries(SOCIAL_NETWORKS).map(([value, label]) => ({ value, label }))}
            />
          </div>
          <div className="col-12 col-md-7">
            <TextField label={`Indirizzo del profilo ${i + 1}`} type="url" value={s.url} onChange={(v) => setSocial(i, { url: v })} maxLength={500} />
          </div>
          <div className="col-12 col-md-2 pb-3">
            <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => setDraft((d) => ({ ...d, social: d.social.filter((_, j) => j !== i) }))}>
              Rimuovi<span className="visually-hidden"> il social {i + 1}</span>
            </button>
          </div>
        </div>
      ))}
      {draft.social.length < 8 ? (
        <button type="button" className="btn btn-outline-primary btn-sm mb-3" onClick={() => setDraft((d) => ({ ...d, social: [...d.social, { network: 'facebook', url: '' }] }))}>
          Aggiungi un social
        </button>
      ) : null}

      <MapFields map={draft.map} onChange={(map) => setDraft((d) => ({ ...d, map }))} />

      <h3 className="h5 mt-4">Pagine del sito istituzionale</h3>
      <p className="small">Dove i cittadini trovano ciascuna pagina dei menu Amministrazione, Novità e Vivere. Se vuota, il link porta alla home del sito istituzionale.</p>
      {(Object.keys(SITE_SECTIONS) as Array<keyof typeof SITE_SECTIONS>).map((section) => (
        <fieldset key={section} className="mb-3">
          <legend className="h6">{SITE_SECTIONS[section].title}</legend>
          {Object.entries(SITE_SECTIONS[section].pages).map(([page, name]) => (
            <TextField
              key={page}
              label={name}
              type="url"
              value={draft.sectionLinks[`${section}.${page}`] ?? ''}
              onChange={(v) => setLink(`${section}.${page}`, v)}
              maxLength={500}
            />
          ))}
        </fieldset>
      ))}
      <OutcomeAlert outcome={outcome} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Salva le impostazioni
      </button>
    </form>
  );
}

// The fields of a service card, in the order citizens read them: heading (title, summary, category,
// status), the sections, the office in charge and the appointment service. Sections are plain text:
// a blank line starts a paragraph, "- " at the start of a line makes a list.
import { type FormEvent, useState } from 'react';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { type AdminServiceCard, SERVICE_CATEGORIES } from '../../../../contracts/service-cards.ts';
import { useSession } from '../session.tsx';
import { TopicPicker } from './TopicPicker.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, type Outcome, SelectField, TextArea, TextField } from '../ui.tsx';

const SECTIONS = [
  ['audience', 'A chi è rivolto'],
  ['description', 'Descrizione'],
  ['howTo', 'Come fare'],
  ['whatYouNeed', 'Cosa serve'],
  ['whatYouGet', 'Cosa si ottiene'],
  ['timesAndDeadlines', 'Tempi e scadenze'],
  ['costs', 'Quanto costa'],
  ['linkedProcedures', "Procedure collegate all'esito"],
  ['accessOnline', 'Accedi al servizio: online'],
  ['accessInPerson', 'Accedi al servizio: di persona'],
  ['moreInfo', 'Ulteriori informazioni'],
  ['specialCases', 'Casi particolari'],
  ['conditions', 'Condizioni di servizio'],
] as const;
type SectionKey = (typeof SECTIONS)[number][0];

const LABELS: Record<string, string> = {
  slug: 'Indirizzo',
  title: 'Titolo',
  summary: 'Descrizione breve',
  category: 'Categoria',
  inactiveReason: 'Motivo',
  maxDays: 'Durata massima',
  topics: 'Argomenti',
  officeId: 'Ufficio responsabile',
  ...Object.fromEntries(SECTIONS),
};

const slugOf = (title: string) =>
  title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

function initial(card: AdminServiceCard | undefined, offices: OperatorOffice[]) {
  const sections = Object.fromEntries(SECTIONS.map(([k]) => [k, card?.[k] ?? ''])) as Record<SectionKey, string>;
  return {
    slug: card?.slug ?? '',
    title: card?.title ?? '',
    summary: card?.summary ?? '',
    category: card?.category ?? 'anagrafe-e-stato-civile',
    active: card ? card.status === 'active' : true,
    inactiveReason: card?.inactiveReason ?? '',
    published: card?.published ?? false,
    maxDays: card?.maxDays ? String(card.maxDays) : '',
    topics: card?.topics ?? [],
    officeId: card?.officeId ?? offices[0]?.id ?? '',
    bookingServiceId: card?.bookingServiceId ?? '',
    ...sections,
  };
}

export function CardForm({ card, offices, onSaved, onClose }: { card?: AdminServiceCard; offices: OperatorOffice[]; onSaved(c: AdminServiceCard): void; onClose(): void }) {
  const session = useSession();
  const [f, setF] = useState(() => initial(card, offices));
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));
  const services = offices.flatMap((o) => o.services.map((s) => ({ value: s.id, label: `${s.name} (${o.name})` })));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (f.summary.trim().length > 160) {
      setOutcome({ ok: false, message: 'La descrizione breve può avere al massimo 160 caratteri.' });
      return;
    }
    if (!f.active && f.inactiveReason.trim().length < 3) {
      setOutcome({ ok: false, message: 'Indica perché il servizio non è attivo: i cittadini lo leggono sulla scheda.' });
      return;
    }
    const body = {
      title: f.title.trim(),
      summary: f.summary.trim(),
      category: f.category,
      active: f.active,
      inactiveReason: f.active ? null : f.inactiveReason.trim(),
      published: f.published,
      maxDays: f.maxDays.trim() ? Number(f.maxDays) : null,
      topics: f.topics,
      officeId: f.officeId,
      bookingServiceId: f.bookingServiceId || null,
      ...Object.fromEntries(SECTIONS.map(([k]) => [k, f[k]])),
    };
    setBusy(true);
    setOutcome(undefined);
    try {
      const saved = card
        ? await session.call<AdminServiceCard>(`admin/service-cards/${card.id}`, { method: 'PATCH', body })
        : await session.call<AdminServiceCard>('admin/service-cards', { method: 'POST', body: { ...body, slug: f.slug.trim() || slugOf(f.title) } });
      onSaved(saved);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card card-bg shadow-sm mt-3" aria-label={card ? `Modifica la scheda ${card.title}` : 'Nuova scheda servizio'}>
      <div className="card-body">
        <FocusHeading>{card ? `Modifica: ${card.title}` : 'Nuova scheda servizio'}</FocusHeading>
        <TextField id="card-title" label="Titolo" required value={f.title} onChange={(v) => set({ title: v })} maxLength={160} />
        {card ? null : (
          <TextField
            id="card-slug"
            label="Indirizzo della pagina (facoltativo)"
            value={f.slug}
            onChange={(v) => set({ slug: v })}
            maxLength={100}
            hint={`Parole minuscole separate da trattini. Vuoto: ${slugOf(f.title) || 'dal titolo'}.`}
          />
        )}
        <TextField
          id="card-summary"
          label="Descrizione breve"
          required
          value={f.summary}
          onChange={(v) => set({ summary: v })}
          maxLength={160}
          hint={`Al massimo 160 caratteri (${f.summary.length} scritti).`}
        />
        <SelectField
          id="card-category"
          label="Categoria"
          value={f.category}
          onChange={(v) => set({ category: v as typeof f.category })}
          options={Object.entries(SERVICE_CATEGORIES).map(([value, label]) => ({ value, label }))}
          className="mb-4"
        />
        <Checkbox label="Servizio attivo" checked={f.active} onChange={(v) => set({ active: v })} />
        {f.active ? null : (
          <TextField id="card-inactive-reason" label="Perché non è attivo" required value={f.inactiveReason} onChange={(v) => set({ inactiveReason: v })} maxLength={300} />
        )}
        <Checkbox label="Pubblicata sul sito" checked={f.published} onChange={(v) => set({ published: v })} hint="Solo le schede pubblicate sono visibili ai cittadini." />
        <fieldset className="mt-3">
          <legend className="h6">Sezioni</legend>
          <p className="small">Una riga vuota separa i paragrafi; una riga che inizia con "- " diventa un elenco puntato.</p>
          {SECTIONS.map(([key, label]) => (
            <TextArea key={key} label={label} value={f[key]} onChange={(v) => set({ [key]: v } as Partial<typeof f>)} maxLength={10_000} rows={key === 'description' ? 4 : 2} />
          ))}
        </fieldset>
        <TextField
          id="card-max-days"
          label="Durata massima del procedimento (giorni)"
          type="number"
          min={1}
          max={3650}
          value={f.maxDays}
          onChange={(v) => set({ maxDays: v })}
          hint="L. 241/1990 art. 2: 30 giorni se la legge non fissa un altro termine."
        />
        <TopicPicker value={f.topics} onChange={(topics) => set({ topics })} />
        <SelectField
          id="card-office"
          label="Ufficio responsabile"
          value={f.officeId}
          onChange={(v) => set({ officeId: v })}
          options={offices.map((o) => ({ value: o.id, label: o.name }))}
          className="mb-4"
        />
        <SelectField
          id="card-booking"
          label="Servizio da prenotare con “Prenota appuntamento”"
          value={f.bookingServiceId}
          onChange={(v) => set({ bookingServiceId: v })}
          options={[{ value: '', label: 'Nessuno' }, ...services]}
          className="mb-4"
        />
        <div className="d-flex flex-wrap gap-2 mt-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {card ? 'Salva le modifiche' : 'Crea la scheda'}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onClose}>
            Annulla
          </button>
        </div>
        <OutcomeAlert outcome={outcome} />
      </div>
    </form>
  );
}

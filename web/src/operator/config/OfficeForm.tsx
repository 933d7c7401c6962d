// The fields of an office, for creating one (admins) or changing it.
import { useState, type FormEvent } from 'react';
import type { OperatorOffice } from '../../../../contracts/operator.ts';
import { useSession } from '../session.tsx';
import { Checkbox, describeError, OutcomeAlert, TextArea, TextField, type Outcome } from '../ui.tsx';

const LABELS = { name: 'Nome', address: 'Indirizzo', description: 'Descrizione', phone: 'Telefono', email: 'Email', openingHours: 'Orari al pubblico' };

export function OfficeForm({ office, onSaved, submitLabel = 'Salva ufficio' }: { office?: OperatorOffice; onSaved(o: OperatorOffice): void; submitLabel?: string }) {
  const session = useSession();
  const [f, setF] = useState({
    name: office?.name ?? '',
    address: office?.address ?? '',
    description: office?.description ?? '',
    phone: office?.phone ?? '',
    email: office?.email ?? '',
    openingHours: office?.openingHours ?? '',
    active: office?.active ?? true,
  });
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<typeof f>) => setF((x) => ({ ...x, ...p }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (f.name.trim().length < 2 || f.address.trim().length < 2) {
      setOutcome({ ok: false, message: 'Nome e indirizzo sono obbligatori (almeno 2 caratteri).' });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    const body = {
      name: f.name.trim(),
      address: f.address.trim(),
      description: f.description,
      phone: f.phone.trim() || null,
      email: f.email.trim() || null,
      openingHours: f.openingHours,
      active: f.active,
    };
    try {
      const saved = office
        ? await session.call<OperatorOffice>(`admin/offices/${office.id}`, { method: 'PATCH', body })
        : await session.call<OperatorOffice>('admin/offices', { method: 'POST', body });
      setOutcome({ ok: true, message: office ? 'Dati dell’ufficio salvati.' : `Ufficio «${saved.name}» creato.` });
      onSaved(saved);
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <div className="col-md-6">
          <TextField label={LABELS.name} required value={f.name} onChange={(v) => set({ name: v })} maxLength={200} />
        </div>
        <div className="col-md-6">
          <TextField label={LABELS.address} required value={f.address} onChange={(v) => set({ address: v })} maxLength={300} />
        </div>
        <div className="col-md-6">
          <TextField label={LABELS.phone} type="tel" value={f.phone} onChange={(v) => set({ phone: v })} maxLength={40} />
        </div>
        <div className="col-md-6">
          <TextField label={LABELS.email} type="email" value={f.email} onChange={(v) => set({ email: v })} maxLength={254} />
        </div>
        <div className="col-12">
          <TextArea label={LABELS.description} value={f.description} onChange={(v) => set({ description: v })} maxLength={2000} />
        </div>
        <div className="col-12">
          <TextField
            label={LABELS.openingHours}
            value={f.openingHours}
            onChange={(v) => set({ openingHours: v })}
            maxLength={500}
            hint="Testo mostrato ai cittadini, per esempio «Lunedì-venerdì 9:00-12:30». Gli orari prenotabili si impostano per sportello."
          />
        </div>
        <div className="col-12 mb-3">
          <Checkbox label="Ufficio attivo (visibile e prenotabile dai cittadini)" checked={f.active} onChange={(v) => set({ active: v })} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}

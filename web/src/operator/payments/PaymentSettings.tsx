// "Impostazioni pagoPA" (admins): the comune as a pagoPA creditor — fiscal code, segregation code,
// CBILL, what the notice shows, IBANs, kinds of income (IBAN and taxonomy code) and the provider.
// Checked by the server as the installer's file is; problems are shown next to their fields.
import { useState } from 'react';
import type { Static } from 'typebox';
import type { CreditorFile, CreditorSettings } from '../../../../contracts/payments.ts';
import { ApiError } from '../../shared/api.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { Link } from '../../shared/router.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, Heading, OutcomeAlert, type Outcome, SelectField, TextField } from '../ui.tsx';

type File = Static<typeof CreditorFile>;
type Settings = Static<typeof CreditorSettings>;

/** A field's place in words: "ibans[0].iban" → "IBAN 1". */
function fieldLabel(field: string): string {
  const item = /^(ibans|kinds)\[(\d+)\]/.exec(field);
  if (item) return `${item[1] === 'ibans' ? 'IBAN' : 'tipo di entrata'} ${Number(item[2]) + 1}`;
  const names: Record<string, string> = { fiscalCode: 'codice fiscale', segregationCode: 'codice di segregazione', cbill: 'codice CBILL', provider: 'collegamento' };
  return names[field] ?? field;
}

const EMPTY: File = { fiscalCode: '', segregationCode: '', ibans: [{ iban: '', label: 'Conto di tesoreria' }], kinds: [], provider: 'simulator' };

function Editor({ initial, keys, onSaved }: { initial: File; keys: Settings['keys']; onSaved(s: Settings): void }) {
  const session = useSession();
  const [f, setF] = useState<File>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<File>) => setF((x) => ({ ...x, ...patch }));
  const text = (v: string) => (v.trim() ? v.trim() : undefined);
  const save = async () => {
    setBusy(true);
    setErrors({});
    try {
      const body: File = {
        ...f,
        fiscalCode: f.fiscalCode.trim(),
        segregationCode: f.segregationCode.trim(),
        name: text(f.name ?? ''),
        sector: text(f.sector ?? ''),
        info: text(f.info ?? ''),
        cbill: text(f.cbill ?? '')?.toUpperCase(),
      };
      for (const k of ['name', 'sector', 'info', 'cbill'] as const) if (body[k] === undefined) delete body[k];
      onSaved(await session.call<Settings>('admin/payments', { method: 'PUT', body }));
      setOutcome({ ok: true, message: 'Impostazioni pagoPA salvate.' });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        const found = Object.fromEntries(err.fields.map((x) => [x.field.replace(/^\//, '').replace(/\/(\d+)\//g, '[$1].'), x.message]));
        setErrors(found);
        const where = [...new Set(Object.keys(found).map(fieldLabel))].join(', ');
        setOutcome({ ok: false, message: `Alcuni dati non sono validi (${where}): li trovi segnalati qui sopra.` });
      } else setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  };
  const ibanOptions = f.ibans.filter((x) => x.iban.trim()).map((x) => ({ value: x.iban, label: `${x.label} (${x.iban})` }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="mb-4">
        <legend className="h5">Ente creditore</legend>
        <div className="row">
          <div className="col-12 col-md-4">
            <TextField label="Codice fiscale dell'ente" value={f.fiscalCode} onChange={(v) => set({ fiscalCode: v })} required maxLength={11} error={errors.fiscalCode} />
          </div>
          <div className="col-12 col-md-4">
            <TextField
              label="Codice di segregazione"
              value={f.segregationCode}
              onChange={(v) => set({ segregationCode: v })}
              required
              maxLength={2}
              error={errors.segregationCode}
            />
          </div>
          <div className="col-12 col-md-4">
            <TextField label="Codice CBILL" value={f.cbill ?? ''} onChange={(v) => set({ cbill: v })} maxLength={5} error={errors.cbill} />
          </div>
          <div className="col-12 col-md-4">
            <TextField label="Nome sull'avviso" value={f.name ?? ''} onChange={(v) => set({ name: v })} maxLength={100} hint="Vuoto: il nome del Comune" />
          </div>
          <div className="col-12 col-md-4">
            <TextField label="Settore" value={f.sector ?? ''} onChange={(v) => set({ sector: v })} maxLength={50} />
          </div>
          <div className="col-12 col-md-4">
            <TextField label="Contatti sull'avviso" value={f.info ?? ''} onChange={(v) => set({ info: v })} maxLength={100} />
          </div>
        </div>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">Conti (IBAN)</legend>
        {f.ibans.map((x, i) => (
          <div className="row align-items-end" key={`iban-${i}`}>
            <div className="col-12 col-md-6">
              <TextField
                label={`IBAN ${i + 1}`}
                value={x.iban}
                onChange={(v) => set({ ibans: f.ibans.map((y, j) => (j === i ? { ...y, iban: v } : y)) })}
                required
                maxLength={40}
                error={errors[`ibans[${i}].iban`]}
              />
            </div>
            <div className="col-12 col-md-4">
              <TextField
                label={`Descrizione del conto ${i + 1}`}
                value={x.label}
                onChange={(v) => set({ ibans: f.ibans.map((y, j) => (j === i ? { ...y, label: v } : y)) })}
                required
                maxLength={100}
              />
            </div>
            <div className="col-12 col-md-2 mb-3">
              <button type="button" className="btn btn-outline-danger btn-sm" disabled={f.ibans.length === 1} onClick={() => set({ ibans: f.ibans.filter((_, j) => j !== i) })}>
                Rimuovi<span className="visually-hidden"> IBAN {i + 1}</span>
              </button>
            </div>
          </div>
        ))}
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => set({ ibans: [...f.ibans, { iban: '', label: '' }] })}>
          Aggiungi un IBAN
        </button>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">Tipi di entrata</legend>
        <p className="small">Quello che gli operatori scelgono creando un pagamento: il conto su cui arriva e il codice tassonomico pagoPA (per esempio 9/0301109AP/).</p>
        {f.kinds.map((k, i) => {
          const patch = (p: Partial<File['kinds'][number]>) => set({ kinds: f.kinds.map((y, j) => (j === i ? { ...y, ...p } : y)) });
          return (
            <div className="row align-items-end border-bottom mb-3" key={`kind-${i}`}>
              <div className="col-12 col-md-3">
                <TextField label={`Codice (tipo ${i + 1})`} value={k.code} onChange={(v) => patch({ code: v })} required maxLength={40} error={errors[`kinds[${i}].code`]} />
              </div>
              <div className="col-12 col-md-3">
                <TextField label={`Descrizione (tipo ${i + 1})`} value={k.label} onChange={(v) => patch({ label: v })} required maxLength={100} />
              </div>
              <div className="col-12 col-md-2">
                <TextField
                  label={`Tassonomia (tipo ${i + 1})`}
                  value={k.taxonomy}
                  onChange={(v) => patch({ taxonomy: v })}
                  required
                  maxLength={40}
                  error={errors[`kinds[${i}].taxonomy`]}
                />
              </div>
              <div className="col-12 col-md-3">
                <SelectField label={`Conto (tipo ${i + 1})`} value={k.iban} onChange={(v) => patch({ iban: v })} options={[{ value: '', label: 'Scegli' }, ...ibanOptions]} />
                {errors[`kinds[${i}].iban`] ? <div className="invalid-feedback d-block">{errors[`kinds[${i}].iban`]}</div> : null}
              </div>
              <div className="col-12 col-md-1 mb-3">
                <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => set({ kinds: f.kinds.filter((_, j) => j !== i) })}>
                  Rimuovi<span className="visually-hidden"> il tipo {i + 1}</span>
                </button>
              </div>
            </div>
          );
        })}
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => set({ kinds: [...f.kinds, { code: '', label: '', taxonomy: '9/', iban: f.ibans[0]?.iban ?? '' }] })}
        >
          Aggiungi un tipo di entrata
        </button>
      </fieldset>
      <fieldset className="mb-4">
        <legend className="h5">Collegamento</legend>
        <SelectField
          label="Dove vanno i pagamenti"
          value={f.provider}
          onChange={(v) => set({ provider: v as File['provider'] })}
          options={[
            { value: 'simulator', label: 'Simulatore pagoPA (ambiente di prova, nessun incasso)' },
            { value: 'pagopa', label: 'pagoPA (GPD e Checkout)' },
          ]}
        />
        {errors.provider ? <div className="invalid-feedback d-block">{errors.provider}</div> : null}
        {f.provider === 'pagopa' ? (
          <p className="small mt-2" data-testid="pagopa-keys">
            Chiavi pagoPA sul server: GPD {keys.gpd ? 'presente' : 'mancante'}, ricevute {keys.receipts ? 'presente' : 'mancante'}. Le chiavi si impostano nella configurazione del
            server (PAGOPA_KEYS), non qui.
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Salva le impostazioni
      </button>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}

export function PaymentSettings() {
  const session = useSession();
  const res = useOperatorApi<Settings>('admin/payments');
  return (
    <>
      <p>
        <Link href={`${session.base}/pagamenti`}>Torna ai pagamenti</Link>
      </p>
      <Heading title="Impostazioni pagoPA" />
      {res.loading && !res.data ? <Loading /> : null}
      <ErrorAlert message={res.error} />
      {res.data ? <Editor initial={res.data.settings ?? EMPTY} keys={res.data.keys} onSaved={res.setData} /> : null}
    </>
  );
}

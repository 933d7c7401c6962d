// "Nuovo pagamento": a fee for a citizen (a service done at the desk): debtor, amount, reason, due
// date, kind of income, instalments. One Idempotency-Key per form: a double click or a retry after a
// lost answer makes one position. Once created: its notice code and the notice to print or send.
import { useState } from 'react';
import type { Static } from 'typebox';
import type { PaymentCreated, PaymentSettingsView } from '../../../../contracts/payments.ts';
import { noticeCode } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { describeError, FocusHeading, OutcomeAlert, type Outcome, SelectField, TextField } from '../ui.tsx';
import { parseEuro } from './money.ts';

const LABELS = {
  'debtor.fiscalCode': 'Codice fiscale',
  'debtor.name': 'Nome e cognome',
  'debtor.email': 'Email',
  amountCents: 'Importo',
  description: 'Causale',
  dueDate: 'Scadenza',
  kind: 'Tipo di entrata',
  instalments: 'Rate',
};

export function NewPayment({ settings, onCreated }: { settings: Static<typeof PaymentSettingsView>; onCreated(): void }) {
  const session = useSession();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [fiscalCode, setFiscalCode] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [kind, setKind] = useState(settings.kinds[0]?.code ?? '');
  const [instalments, setInstalments] = useState('1');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [created, setCreated] = useState<Static<typeof PaymentCreated>>();
  const cents = parseEuro(amount);

  const submit = async () => {
    if (cents === null) return setOutcome({ ok: false, message: 'Scrivi un importo in euro, per esempio 16,50.' });
    setBusy(true);
    try {
      const res = await session.call<Static<typeof PaymentCreated>>('payments', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: {
          debtor: { fiscalCode: fiscalCode.trim().toUpperCase(), name: name.trim(), ...(email.trim() ? { email: email.trim() } : {}) },
          amountCents: cents,
          description: description.trim(),
          dueDate,
          kind,
          ...(Number(instalments) > 1 ? { instalments: Number(instalments) } : {}),
        },
      });
      setCreated(res);
      setOutcome({ ok: true, message: `Pagamento creato: codice avviso ${noticeCode(res.nav)}. Il cittadino lo trova nella sua area personale.` });
      setKey(crypto.randomUUID());
      onCreated();
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-payment" className="card card-bg shadow-sm no-after mb-4">
      <div className="card-body">
        <FocusHeading className="h4">
          <span id="new-payment">Nuovo pagamento</span>
        </FocusHeading>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="row">
            <div className="col-12 col-md-4">
              <TextField label="Codice fiscale o partita IVA" value={fiscalCode} onChange={setFiscalCode} required maxLength={16} autoComplete="off" />
            </div>
            <div className="col-12 col-md-4">
              <TextField label="Nome e cognome (o ragione sociale)" value={name} onChange={setName} required maxLength={70} />
            </div>
            <div className="col-12 col-md-4">
              <TextField
                label="Email (per l'avviso)"
                type="email"
                value={email}
                onChange={setEmail}
                maxLength={254}
                hint="Facoltativa: se il cittadino ha un'area personale lo avvisiamo lì."
              />
            </div>
            <div className="col-12 col-md-4">
              <TextField
                label="Importo in euro"
                value={amount}
                onChange={setAmount}
                required
                hint="Per esempio 16,50"
                error={amount && cents === null ? 'Importo non valido' : undefined}
              />
            </div>
            <div className="col-12 col-md-8">
              <TextField label="Causale" value={description} onChange={setDescription} required maxLength={140} hint="Comparirà sull'avviso (fino a 140 caratteri)." />
            </div>
            <div className="col-12 col-md-4">
              <TextField label="Scadenza" type="date" value={dueDate} onChange={setDueDate} required />
            </div>
            <div className="col-12 col-md-4">
              <SelectField label="Tipo di entrata" value={kind} onChange={setKind} options={settings.kinds.map((k) => ({ value: k.code, label: k.label }))} />
            </div>
            <div className="col-12 col-md-4">
              <SelectField
                label="Rate"
                value={instalments}
                onChange={setInstalments}
                options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: i === 0 ? 'Unica soluzione' : `${i + 1} rate mensili` }))}
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary mt-2" disabled={busy}>
            Crea il pagamento
          </button>
        </form>
        <OutcomeAlert outcome={outcome} />
        {created ? (
          <p>
            <a href={created.noticeUrl} download data-testid="new-payment-notice">
              Scarica l'avviso di pagamento
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}

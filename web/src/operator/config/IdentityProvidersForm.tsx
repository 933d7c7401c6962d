// "Accesso dei cittadini": where the comune's citizens log in with SPID and CIE. An admin enters
// the issuer and client id the comune's OpenID Connect gateway gave it; left empty, demo and test
// installations use the embedded test provider (production refuses it).
import { useState, type FormEvent } from 'react';
import type { Static } from 'typebox';
import type { IdentityProvidersConfig, IdentityProvidersView } from '../../../../contracts/identity.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { describeError, OutcomeAlert, TextField, type Outcome } from '../ui.tsx';

type View = Static<typeof IdentityProvidersView>;
type Fields = Record<'spidIssuer' | 'spidClient' | 'cieIssuer' | 'cieClient', string>;

const LABELS = {
  'spid.issuer': 'SPID: indirizzo del gestore (issuer)',
  'spid.clientId': 'SPID: client id',
  'cie.issuer': 'CIE: indirizzo del gestore (issuer)',
  'cie.clientId': 'CIE: client id',
};

export function IdentityProvidersForm() {
  const view = useOperatorApi<View>('admin/identity-providers');
  if (!view.data) return view.error ? <ErrorAlert message={view.error} /> : <Loading />;
  return <Editor initial={view.data} />;
}

function Editor({ initial }: { initial: View }) {
  const session = useSession();
  const [f, setF] = useState<Fields>({
    spidIssuer: initial.spid?.issuer ?? '',
    spidClient: initial.spid?.clientId ?? '',
    cieIssuer: initial.cie?.issuer ?? '',
    cieClient: initial.cie?.clientId ?? '',
  });
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Fields) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const one = (issuer: string, clientId: string, previous: View['spid']) =>
      issuer.trim() ? { issuer: issuer.trim(), clientId: clientId.trim(), ...(previous?.params ? { params: previous.params } : {}) } : null;
    const body: IdentityProvidersConfig = { spid: one(f.spidIssuer, f.spidClient, initial.spid), cie: one(f.cieIssuer, f.cieClient, initial.cie) };
    setBusy(true);
    setOutcome(undefined);
    try {
      await session.call<View>('admin/identity-providers', { method: 'PUT', body });
      setOutcome({ ok: true, message: 'Configurazione dell’accesso salvata.' });
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, LABELS) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Accesso dei cittadini con SPID e CIE">
      <p>
        Indica il gestore OpenID Connect del Comune per SPID e per CIE (il proxy SPID/CIE, un broker Keycloak, un hub regionale). Registra presso il gestore l'indirizzo di ritorno{' '}
        <code>{`${window.location.origin}/api/v1/${session.tenant.slug}/auth/callback`}</code>.
        {initial.testProviderAvailable ? ' Lasciato vuoto, si usa il gestore di prova con identità fittizie (mai in produzione).' : ' In produzione è obbligatorio.'} Prima di
        salvare, Sportello legge la configurazione del gestore (indirizzo https, documento /.well-known/openid-configuration) e ti dice se qualcosa non va.
      </p>
      <div className="row">
        <div className="col-md-8">
          <TextField id="idp-spid-issuer" label="SPID: indirizzo del gestore (issuer)" type="url" value={f.spidIssuer} onChange={set('spidIssuer')} />
        </div>
        <div className="col-md-4">
          <TextField id="idp-spid-client" label="SPID: client id" value={f.spidClient} onChange={set('spidClient')} />
        </div>
        <div className="col-md-8">
          <TextField id="idp-cie-issuer" label="CIE: indirizzo del gestore (issuer)" type="url" value={f.cieIssuer} onChange={set('cieIssuer')} />
        </div>
        <div className="col-md-4">
          <TextField id="idp-cie-client" label="CIE: client id" value={f.cieClient} onChange={set('cieClient')} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        Salva accesso
      </button>
      <OutcomeAlert outcome={outcome} />
    </form>
  );
}

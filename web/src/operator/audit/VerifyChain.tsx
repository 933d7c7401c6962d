// "Verifica l'integrità": the server recomputes the comune's hash chain and names the first broken
// link; the outcome is announced in a live region.
import { useState } from 'react';
import type { ChainVerification } from '../../../../contracts/officers.ts';
import { when } from '../../shared/format.ts';
import { useSession } from '../session.tsx';
import { describeError } from '../ui.tsx';

export function VerifyChain() {
  const session = useSession();
  const [result, setResult] = useState<ChainVerification>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await session.call<ChainVerification>('admin/audit/verify', { method: 'POST' }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mb-4" aria-labelledby="verify-title">
      <h2 className="h5" id="verify-title">
        Integrità del registro
      </h2>
      <p>Ogni voce contiene l'impronta della precedente: la verifica le ricalcola tutte e segnala la prima voce modificata, cancellata o fuori posto.</p>
      <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => void verify()}>
        {busy ? 'Verifica in corso…' : "Verifica l'integrità del registro"}
      </button>
      <div role="status" aria-live="polite" data-testid="verify-result">
        {result?.ok ? (
          <div className="alert alert-success mt-3">
            Registro integro: {result.checked} {result.checked === 1 ? 'voce verificata' : 'voci verificate'}
            {result.unsealed ? `, ${result.unsealed} ancora da collegare (registrate negli ultimi secondi)` : ''}.
            {result.head ? (
              <>
                {' '}
                Ultimo anello: voce n. {result.head.seq} del {when(result.head.at)}, impronta <code className="text-break">{result.head.hash}</code>.
              </>
            ) : null}
          </div>
        ) : null}
        {result && !result.ok && result.firstBroken ? (
          <div className="alert alert-danger mt-3" role="alert">
            Registro alterato. {result.firstBroken.message} (voce del {when(result.firstBroken.at)}, identificativo {result.firstBroken.id}). Voci integre prima di questa:{' '}
            {result.checked}.
          </div>
        ) : null}
        {error ? (
          <div className="alert alert-danger mt-3" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    </section>
  );
}

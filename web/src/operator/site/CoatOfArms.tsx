// The comune's coat of arms (admins): shown in the header of every citizen page and as the pages'
// icon. A PNG, JPEG or WebP of at most 128 KB; the server checks the bytes, not the name.
import { type ChangeEvent, useId, useState } from 'react';
import type { TenantInfo } from '../../../../contracts/catalogue.ts';
import { COAT_OF_ARMS_MAX_BYTES } from '../../../../contracts/site.ts';
import { useApi } from '../../shared/useApi.ts';
import { useSession } from '../session.tsx';
import { describeError, OutcomeAlert, type Outcome } from '../ui.tsx';

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function CoatOfArms() {
  const session = useSession();
  const id = useId();
  const tenant = useApi<TenantInfo>(`/api/v1/${session.tenant.slug}`);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function change(body: { imageBase64: string } | null, done: string) {
    setBusy(true);
    setOutcome(undefined);
    try {
      await session.call('admin/site/coat-of-arms', body ? { method: 'PUT', body } : { method: 'DELETE' });
      setOutcome({ ok: true, message: done });
      tenant.reload();
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err) });
    } finally {
      setBusy(false);
    }
  }

  async function picked(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > COAT_OF_ARMS_MAX_BYTES) return setOutcome({ ok: false, message: "L'immagine supera 128 KB: riducila e riprova." });
    await change({ imageBase64: await base64Of(file) }, 'Stemma caricato.');
  }

  const url = tenant.data?.coatOfArmsUrl;
  return (
    <section className="mb-5" aria-labelledby={`${id}-title`}>
      <h2 className="h4" id={`${id}-title`}>
        Stemma
      </h2>
      <div className="d-flex flex-wrap align-items-center gap-3">
        {url ? <img src={url} alt="Stemma attuale" height="82" /> : <p className="mb-0">Nessuno stemma: le pagine mostrano un emblema neutro.</p>}
        <div>
          {/* The file input stays focusable (hidden visually); its label is the button people see. */}
          <input
            id={`${id}-file`}
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="visually-hidden file-as-button"
            onChange={(e) => void picked(e)}
            disabled={busy}
          />
          <label htmlFor={`${id}-file`} className="btn btn-outline-primary btn-sm mb-0">
            {url ? 'Sostituisci lo stemma' : 'Carica lo stemma'}
          </label>
          <small className="d-block form-text">PNG, JPEG o WebP, al massimo 128 KB.</small>
        </div>
        {url ? (
          <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void change(null, 'Stemma rimosso.')} disabled={busy}>
            Rimuovi lo stemma
          </button>
        ) : null}
      </div>
      <OutcomeAlert outcome={outcome} />
    </section>
  );
}

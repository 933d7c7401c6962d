// Which queues each desk serves, and whether it takes video calls. A video queue needs a desk that
// takes video (the server refuses otherwise, 400 DESK_WITHOUT_VIDEO): the form says so beside the
// checkbox, and still shows the server's message if it comes.
import { useState, type FormEvent } from 'react';
import type { OfficeQueueConfig } from '../../../../../contracts/queue.ts';
import { useSession } from '../../session.tsx';
import { Checkbox, describeError, FocusHeading, OutcomeAlert, type Outcome } from '../../ui.tsx';
import { focusLater } from '../focus.ts';

type Desk = OfficeQueueConfig['desks'][number];

export function DeskQueues({ config, officeName, onSaved }: { config: OfficeQueueConfig; officeName: string; onSaved(c: OfficeQueueConfig): void }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();
  const queueLabel = (id: string) => {
    const q = config.queues.find((x) => x.id === id);
    return q ? `${q.prefix} ${q.name}` : id;
  };
  const desk = config.desks.find((d) => d.id === editing);

  if (!config.desks.length) return <p>L'ufficio non ha sportelli: creali nella sezione Sportelli e orari.</p>;
  return (
    <>
      <div className="table-responsive">
        <table className="table" data-testid="desk-queues">
          <caption>Code servite dagli sportelli di {officeName}</caption>
          <thead>
            <tr>
              <th scope="col">Sportello</th>
              <th scope="col">Code servite</th>
              <th scope="col">Videochiamate</th>
              <th scope="col">
                <span className="visually-hidden">Azioni</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {config.desks.map((d) => (
              <tr key={d.id} data-desk-id={d.id}>
                <th scope="row">{d.name}</th>
                <td>{d.queueIds.length ? d.queueIds.map(queueLabel).join(', ') : 'nessuna'}</td>
                <td>{d.takesVideo ? 'Sì' : 'No'}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-outline-primary btn-xs"
                    onClick={() => {
                      setOutcome(undefined);
                      setEditing(d.id);
                    }}
                  >
                    Modifica<span className="visually-hidden"> le code di {d.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <OutcomeAlert outcome={outcome} />
      {desk ? (
        <DeskQueuesForm
          key={desk.id}
          desk={desk}
          config={config}
          onClose={() => {
            setEditing(null);
            focusLater(`tr[data-desk-id="${desk.id}"] button`);
          }}
          onSaved={(c) => {
            onSaved(c);
            setEditing(null);
            setOutcome({ ok: true, message: `Code di ${desk.name} salvate.` });
            focusLater(`tr[data-desk-id="${desk.id}"] button`);
          }}
        />
      ) : null}
    </>
  );
}

function DeskQueuesForm({ desk, config, onSaved, onClose }: { desk: Desk; config: OfficeQueueConfig; onSaved(c: OfficeQueueConfig): void; onClose(): void }) {
  const session = useSession();
  const [queueIds, setQueueIds] = useState<string[]>(desk.queueIds);
  const [takesVideo, setTakesVideo] = useState(desk.takesVideo);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      onSaved(await session.call<OfficeQueueConfig>(`admin/desks/${encodeURIComponent(desk.id)}/queues`, { method: 'PUT', body: { queueIds, takesVideo } }));
    } catch (err) {
      setOutcome({ ok: false, message: describeError(err, { queueIds: 'Code', takesVideo: 'Gestisce videochiamate' }) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card card-bg shadow-sm mt-3" aria-label={`Code di ${desk.name}`} data-testid="desk-queues-form">
      <div className="card-body">
        <FocusHeading>Code servite da {desk.name}</FocusHeading>
        <fieldset className="my-3">
          <legend className="h6">Code</legend>
          {config.queues.length ? (
            <div className="checkbox-list">
              {config.queues.map((q) => (
                <Checkbox
                  key={q.id}
                  label={`${q.prefix} ${q.name}${q.kind === 'video' ? ' (videochiamata)' : ''}${q.active ? '' : ' (non attiva)'}`}
                  checked={queueIds.includes(q.id)}
                  onChange={(on) => setQueueIds((ids) => (on ? [...ids, q.id] : ids.filter((x) => x !== q.id)))}
                />
              ))}
            </div>
          ) : (
            <p>L'ufficio non ha ancora code.</p>
          )}
        </fieldset>
        <div className="mb-3">
          <Checkbox
            label="Gestisce videochiamate"
            checked={takesVideo}
            onChange={setTakesVideo}
            hint="Necessario per servire una coda di videochiamate: lo sportello deve avere videocamera e microfono."
          />
        </div>
        <div className="d-flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Salva code dello sportello
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onClose}>
            Chiudi senza salvare
          </button>
        </div>
        <OutcomeAlert outcome={outcome} />
      </div>
    </form>
  );
}

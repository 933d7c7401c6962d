// The office's queues as a citizen needs them before taking a number: what each is for, how many are
// waiting, how long it may take, how many desks are open.
import type { QueueInfo } from '../../../contracts/queue.ts';
import { estimatedWaitText, VIDEO_QUEUE_TITLE, waitingText } from './ticket-words.ts';

export function QueueList({ queues }: { queues: QueueInfo[] }) {
  if (!queues.length) return <p>Questo ufficio non ha code attive.</p>;
  return (
    <section aria-labelledby="queues-title" className="mb-4">
      <h2 className="h4" id="queues-title">
        Situazione delle code
      </h2>
      <div className="row g-3">
        {queues.map((q) => (
          <div className="col-12 col-md-6" key={q.id}>
            <article className="card card-bg shadow-sm h-100" aria-labelledby={`queue-${q.id}`}>
              <div className="card-body">
                <h3 className="h5 card-title" id={`queue-${q.id}`}>
                  {q.kind === 'video' ? VIDEO_QUEUE_TITLE : q.name}
                </h3>
                <p className="small mb-2">{q.services.map((s) => s.name).join(', ')}</p>
                <dl className="queue-facts mb-0">
                  <dt>In attesa</dt>
                  <dd>{waitingText(q.waiting)}</dd>
                  <dt>Attesa stimata</dt>
                  <dd>{estimatedWaitText(q.estimatedWait, q.openDesks)}</dd>
                  <dt>{q.kind === 'video' ? 'Operatori collegati' : 'Sportelli aperti'}</dt>
                  <dd>{q.openDesks === 0 ? 'Nessuno in questo momento' : q.openDesks}</dd>
                </dl>
              </div>
            </article>
          </div>
        ))}
      </div>
    </section>
  );
}

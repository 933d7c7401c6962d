// "Coda virtuale" in an office's configuration: the office's rules for the line, its queues (letter,
// services, in person or video) and which queues each desk serves. Every save answers with the whole
// queue configuration, which replaces what is shown, so the three parts never disagree.
import { useEffect, useRef } from 'react';
import type { OperatorOffice } from '../../../../../contracts/operator.ts';
import type { OfficeQueueConfig } from '../../../../../contracts/queue.ts';
import { ErrorAlert, Loading } from '../../../shared/Page.tsx';
import { useOperatorApi } from '../../session.tsx';
import { DeskQueues } from './DeskQueues.tsx';
import { PriorityClassesForm } from './PriorityClassesForm.tsx';
import { QueueList } from './QueueList.tsx';
import { QueueRulesForm } from './QueueRulesForm.tsx';

export function OfficeQueueSection({ office }: { office: OperatorOffice }) {
  const config = useOperatorApi<OfficeQueueConfig>(`admin/offices/${encodeURIComponent(office.id)}/queue`);
  const { reload } = config;

  // A desk or service added or renamed in the sections above changes what can be chosen here.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [office.desks, office.services, reload]);

  if (!config.data) return config.error ? <ErrorAlert message={config.error} /> : <Loading />;
  const c = config.data;
  return (
    <>
      <p>
        I cittadini prendono il numero dal sito, dal QR code della locandina o dal chiosco dell'ufficio. Ogni coda ha una lettera (A001, A002…) e raccoglie uno o più servizi; ogni
        sportello serve le code indicate qui.
      </p>
      <h3 className="h5 mt-4">Regole della coda</h3>
      <QueueRulesForm officeId={office.id} settings={c.settings} onSaved={config.setData} />
      <h3 className="h5 mt-5">Code</h3>
      <QueueList office={office} config={c} onSaved={config.setData} />
      <h3 className="h5 mt-5">Code servite dagli sportelli</h3>
      <DeskQueues config={c} officeName={office.name} onSaved={config.setData} />
      <h3 className="h5 mt-5">Categorie con precedenza (per tutto il comune)</h3>
      <p>Passano davanti a chi non ha prenotato. Il cittadino la dichiara quando prende il numero; l'operatore la vede allo sportello.</p>
      <PriorityClassesForm />
    </>
  );
}

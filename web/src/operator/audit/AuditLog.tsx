// "Registro attività" (admins): the comune's audit log with filters, newest first, page by page,
// and the integrity check of its hash chain.
import { useState } from 'react';
import type { AuditPage, OfficerList } from '../../../../contracts/officers.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi } from '../session.tsx';
import { Heading } from '../ui.tsx';
import { AuditFilters, filterQuery, NO_FILTERS, type AuditFilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { VerifyChain } from './VerifyChain.tsx';

const PAGE_SIZE = 25;

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS);
  // Cursors of the pages seen so far: the first is the newest page (no cursor).
  const [cursors, setCursors] = useState<string[]>([]);
  const params = filterQuery(filters);
  params.set('limit', String(PAGE_SIZE));
  const cursor = cursors[cursors.length - 1];
  if (cursor) params.set('before', cursor);
  const page = useOperatorApi<AuditPage>(`admin/audit?${params.toString()}`);
  const officers = useOperatorApi<OfficerList>('admin/operators');

  return (
    <>
      <Heading title="Registro attività" />
      <p>Chi ha fatto cosa e quando, in questo comune. Le voci non si possono modificare né cancellare.</p>
      <VerifyChain />
      <AuditFilters
        officers={officers.data?.officers ?? []}
        initial={filters}
        onApply={(f) => {
          setFilters(f);
          setCursors([]);
        }}
      />
      <ErrorAlert message={page.error} />
      {page.loading && !page.data ? <Loading /> : null}
      {page.data ? <AuditTable entries={page.data.entries} page={cursors.length + 1} /> : null}
      <nav className="d-flex flex-wrap gap-2" aria-label="Pagine del registro">
        <button type="button" className="btn btn-outline-primary" disabled={!cursors.length} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Voci più recenti
        </button>
        <button
          type="button"
          className="btn btn-outline-primary"
          disabled={!page.data?.nextBefore}
          onClick={() => page.data?.nextBefore && setCursors((c) => [...c, page.data!.nextBefore!])}
        >
          Voci meno recenti
        </button>
      </nav>
    </>
  );
}

// "Protocollo": the comune's protocol register. Every officer registers documents by hand and
// searches the register; admins annul entries and download the daily registers.
import { useState, type FormEvent } from 'react';
import type { DailyRegisterList, ProtocolEntry, ProtocolPage } from '../../../../contracts/protocol.ts';
import { fileSize, longDay, when } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';
import { useOperatorApi, useSession } from '../session.tsx';
import { Heading, SelectField, TextField } from '../ui.tsx';
import { EntryTable } from './EntryTable.tsx';
import { DIRECTION_OPTIONS } from './labels.ts';
import { RegisterForm } from './RegisterForm.tsx';

const PAGE_SIZE = 25;
const NO_FILTERS = { q: '', number: '', year: '', from: '', to: '', direction: '' };
type Filters = typeof NO_FILTERS;

function query(f: Filters, cursor: string | undefined): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v.trim()) p.set(k, v.trim());
  p.set('limit', String(PAGE_SIZE));
  if (cursor) p.set('before', cursor);
  return p.toString();
}

function SearchForm({ onApply }: { onApply(f: Filters): void }) {
  const [f, setF] = useState(NO_FILTERS);
  const set = (p: Partial<Filters>) => setF((x) => ({ ...x, ...p }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  return (
    <form onSubmit={submit} className="mb-3" aria-label="Cerca nel registro di protocollo">
      <div className="row g-2">
        <div className="col-md-4">
          <TextField id="protocol-q" label="Parole (corrispondente o oggetto)" value={f.q} onChange={(v) => set({ q: v })} maxLength={200} />
        </div>
        <div className="col-6 col-md-2">
          <TextField id="protocol-number" label="Numero" type="number" min={1} value={f.number} onChange={(v) => set({ number: v })} />
        </div>
        <div className="col-6 col-md-2">
          <TextField id="protocol-year" label="Anno" type="number" min={2000} max={9999} value={f.year} onChange={(v) => set({ year: v })} />
        </div>
        <div className="col-md-4">
          <SelectField
            id="protocol-filter-direction"
            label="Direzione"
            value={f.direction}
            onChange={(v) => set({ direction: v })}
            options={[{ value: '', label: 'Tutte' }, ...DIRECTION_OPTIONS]}
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField id="protocol-from" label="Dal giorno" type="date" value={f.from} onChange={(v) => set({ from: v })} />
        </div>
        <div className="col-6 col-md-3">
          <TextField id="protocol-to" label="Al giorno" type="date" value={f.to} onChange={(v) => set({ to: v })} />
        </div>
      </div>
      <button type="submit" className="btn btn-outline-primary">
        Cerca
      </button>
    </form>
  );
}

function DailyRegisters() {
  const list = useOperatorApi<DailyRegisterList>('admin/protocol/daily');
  return (
    <section aria-labelledby="daily-title" className="mt-5">
      <h2 id="daily-title" className="h4">
        Registri giornalieri
      </h2>
      <p>Ogni mattina il registro delle registrazioni e degli annullamenti del giorno prima, in PDF e in JSON, con l’impronta SHA-256 di ciascun file.</p>
      <ErrorAlert message={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !list.data.registers.length ? <p>Nessun registro giornaliero ancora prodotto.</p> : null}
      {list.data?.registers.length ? (
        <div className="table-responsive">
          <table className="table">
            <caption>Registri giornalieri, dal più recente</caption>
            <thead>
              <tr>
                <th scope="col">Giorno</th>
                <th scope="col">Registrazioni</th>
                <th scope="col">Annullamenti</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {list.data.registers.map((r) => (
                <tr key={r.day}>
                  <th scope="row">{longDay(r.day)}</th>
                  <td>{r.firstNumber === null ? 0 : `${r.entries} (n. ${r.firstNumber}–${r.lastNumber})`}</td>
                  <td>{r.annulments}</td>
                  <td>
                    <a href={r.pdf.url} download>
                      PDF del {longDay(r.day)}
                    </a>{' '}
                    ({fileSize(r.pdf.size)}) ·{' '}
                    <a href={r.json.url} download>
                      JSON
                    </a>
                    <div className="small text-break">
                      SHA-256 PDF <code>{r.pdf.sha256}</code>
                    </div>
                    <div className="small">Prodotto il {when(r.producedAt)}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function Protocol() {
  const session = useSession();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [cursors, setCursors] = useState<string[]>([]);
  const page = useOperatorApi<ProtocolPage>(`protocol?${query(filters, cursors[cursors.length - 1])}`);
  const replace = (changed: ProtocolEntry) => page.data && page.setData({ ...page.data, entries: page.data.entries.map((e) => (e.id === changed.id ? changed : e)) });

  return (
    <>
      <Heading title="Protocollo" />
      <p>
        Il registro di protocollo del comune: ogni documento in entrata o in uscita riceve un numero progressivo dell’anno. Le registrazioni non si modificano: si annullano, con il
        motivo.
      </p>
      <RegisterForm
        onRegistered={() => {
          setCursors([]);
          page.reload();
        }}
      />
      <section aria-labelledby="search-title">
        <h2 id="search-title" className="h4">
          Registro
        </h2>
        <SearchForm
          onApply={(f) => {
            setFilters(f);
            setCursors([]);
          }}
        />
        <ErrorAlert message={page.error} />
        {page.loading && !page.data ? <Loading /> : null}
        {page.data ? <EntryTable entries={page.data.entries} onChanged={replace} /> : null}
        <nav className="d-flex flex-wrap gap-2" aria-label="Pagine del registro di protocollo">
          <button type="button" className="btn btn-outline-primary" disabled={!cursors.length} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Registrazioni più recenti
          </button>
          <button
            type="button"
            className="btn btn-outline-primary"
            disabled={!page.data?.nextBefore}
            onClick={() => page.data?.nextBefore && setCursors((c) => [...c, page.data!.nextBefore!])}
          >
            Registrazioni meno recenti
          </button>
        </nav>
      </section>
      {session.operator.role === 'admin' ? <DailyRegisters /> : null}
    </>
  );
}

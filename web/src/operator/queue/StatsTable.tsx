// The statistics of a period, one row per day, service and desk, with the totals of the counts at the
// foot. Minutes keep one decimal (Italian comma); "—" where nothing was called or served.
import type { StatsRow } from '../../../../contracts/queue.ts';
import { minutes } from './ticket-text.ts';

const shortDay = new Intl.DateTimeFormat('it-IT', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
const dayLabel = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? shortDay.format(new Date(`${day}T12:00:00Z`)) : day);

export function StatsTable({ rows, caption }: { rows: StatsRow[]; caption: string }) {
  if (!rows.length) return <p data-testid="stats-empty">Nessun numero preso nel periodo scelto.</p>;
  const sum = (k: 'tickets' | 'served' | 'noShows' | 'abandoned') => rows.reduce((n, r) => n + r[k], 0);
  return (
    <div className="table-responsive">
      <table className="table queue-table stats-table" data-testid="stats-rows">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Giorno</th>
            <th scope="col">Servizio</th>
            <th scope="col">Sportello</th>
            <th scope="col" className="num">
              Numeri
            </th>
            <th scope="col" className="num">
              Serviti
            </th>
            <th scope="col" className="num">
              Non presentati
            </th>
            <th scope="col" className="num">
              Abbandonati
            </th>
            <th scope="col" className="num">
              Attesa media
            </th>
            <th scope="col" className="num">
              Attesa massima
            </th>
            <th scope="col" className="num">
              Servizio medio
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.day}|${r.service}|${r.desk}`}>
              <th scope="row">{dayLabel(r.day)}</th>
              <td>{r.service}</td>
              <td>
                {r.desk === '—' ? (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">nessuno sportello</span>
                  </>
                ) : (
                  r.desk
                )}
              </td>
              <td className="num">{r.tickets}</td>
              <td className="num">{r.served}</td>
              <td className="num">{r.noShows}</td>
              <td className="num">{r.abandoned}</td>
              <td className="num">{minutes(r.avgWaitMinutes)}</td>
              <td className="num">{minutes(r.maxWaitMinutes)}</td>
              <td className="num">{minutes(r.avgServiceMinutes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Totale del periodo
            </th>
            <td className="num">{sum('tickets')}</td>
            <td className="num">{sum('served')}</td>
            <td className="num">{sum('noShows')}</td>
            <td className="num">{sum('abandoned')}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
      {rows.some((r) => r.desk === '—') ? (
        <p className="small">Sportello «—»: numeri che nessuno sportello ha in carico (mai chiamati, oppure trasferiti e di nuovo in attesa).</p>
      ) : null}
    </div>
  );
}

// The accessible slot picker Modello Comuni lacks: a list of the days that have free slots and radio
// buttons for their times, the first free slot offered first. Loads two weeks at a time.
import { useEffect, useId, useRef, useState } from 'react';
import type { AvailabilityResponse, SlotView } from '../../../../contracts/booking.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { addDays, localDay, longDay, time } from '../../shared/format.ts';
import { ErrorAlert, Loading } from '../../shared/Page.tsx';

const WINDOW_DAYS = 14;

interface Day {
  date: string;
  slots: SlotView[];
}

export interface SlotPickerProps {
  tenant: string;
  serviceId: string;
  horizonDays: number;
  value: string | undefined;
  /** The chosen time, or null when the one chosen is no longer free. */
  onChange(slot: SlotView | null): void;
  /** Changing it reloads availability (after a slot was taken). */
  refreshKey?: number;
  /** A start to leave out (the booking's current slot when rescheduling). */
  exclude?: string;
}

export function SlotPicker({ tenant, serviceId, horizonDays, value, onChange, refreshKey = 0, exclude }: SlotPickerProps) {
  const id = useId();
  const [days, setDays] = useState<Day[]>([]);
  const [until, setUntil] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [selectedDay, setSelectedDay] = useState<string>();
  const today = localDay(new Date());
  const lastDay = addDays(today, horizonDays);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  async function load(from: string, keep: Day[]): Promise<void> {
    setLoading(true);
    setError(undefined);
    try {
      let start = from;
      let found = keep;
      // Skip empty windows so the citizen lands on the first free day without clicking around.
      while (start <= lastDay) {
        const windowEnd = addDays(start, WINDOW_DAYS - 1);
        // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as strings, not numbers
        const to = windowEnd < lastDay ? windowEnd : lastDay;
        const res = await api<AvailabilityResponse>(`/api/v1/${tenant}/services/${serviceId}/availability?from=${start}&to=${to}`);
        const fresh = res.days.map((d) => ({ date: d.date, slots: d.slots.filter((s) => s.available > 0 && s.start !== exclude) })).filter((d) => d.slots.length > 0);
        found = [...found, ...fresh];
        start = addDays(to, 1);
        setUntil(to);
        if (fresh.length > 0) break;
      }
      setDays(found);
      // The first free day is shown; the time is the citizen's choice (nothing is chosen for them,
      // so "Avanti" never goes on with a time nobody picked). A choice no longer free is dropped.
      if (!found.some((d) => d.date === selectedDay)) setSelectedDay(found[0]?.date);
      if (value && !found.flatMap((d) => d.slots).some((s) => s.start === value)) onChangeRef.current(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    setDays([]);
    void load(today, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenant, serviceId, refreshKey]);

  useEffect(() => {
    if (!value) return;
    const d = days.find((day) => day.slots.some((s) => s.start === value));
    if (d && d.date !== selectedDay) setSelectedDay(d.date);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, days]);

  const current = days.find((d) => d.date === selectedDay);
  const more = until !== null && until < lastDay;

  return (
    <div>
      <ErrorAlert message={error} />
      {!loading && !error && days.length === 0 ? (
        <div className="alert alert-warning" role="status">
          Non ci sono orari liberi nei prossimi {horizonDays} giorni. Riprova più tardi o contatta l'ufficio.
        </div>
      ) : null}
      {days.length > 0 ? (
        <>
          <div className="select-wrapper mb-4">
            <label htmlFor={`${id}-day`}>Giorno</label>
            <select
              id={`${id}-day`}
              value={selectedDay}
              onChange={(e) => {
                setSelectedDay(e.target.value);
              }}
            >
              {days.map((d) => (
                <option key={d.date} value={d.date}>
                  {longDay(d.date)} ({d.slots.length} {d.slots.length === 1 ? 'orario libero' : 'orari liberi'})
                </option>
              ))}
            </select>
          </div>
          {!value && days[0] ? (
            <p>
              Il primo orario libero è {longDay(days[0].date)} alle {time(days[0].slots[0]!.start)}.{' '}
              <button
                type="button"
                className="btn btn-outline-primary btn-sm ms-1"
                onClick={() => {
                  setSelectedDay(days[0]!.date);
                  onChange(days[0]!.slots[0]!);
                }}
              >
                Scegli il primo orario libero
              </button>
            </p>
          ) : null}
          {current ? (
            <fieldset>
              <legend className="h6 mb-2">Orario, {longDay(current.date)}</legend>
              <div className="slot-times">
                {current.slots.map((s) => (
                  <div className="form-check" key={s.start}>
                    <input type="radio" name={`${id}-time`} id={`${id}-${s.start}`} value={s.start} checked={value === s.start} onChange={() => onChange(s)} />
                    <label htmlFor={`${id}-${s.start}`}>{time(s.start)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          ) : null}
        </>
      ) : null}
      {loading ? <Loading label="Ricerca degli orari liberi…" /> : null}
      {more && !loading ? (
        <button type="button" className="btn btn-link px-0 mt-3" onClick={() => void load(addDays(until!, 1), days)}>
          Mostra altri giorni
        </button>
      ) : null}
    </div>
  );
}

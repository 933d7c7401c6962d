// The totem at the office: take a number with one touch, or register the arrival of a booked
// appointment (reference typed, or the email's QR code held to the scanner). The result shows the
// number large, can be printed, and the screen goes back to the start by itself for the next person.
import { useCallback, useEffect, useState } from 'react';
import type { OfficeQueueInfo, TicketCreated, TicketRequest } from '../../../../contracts/queue.ts';
import { useTenant } from '../../citizen/tenant.ts';
import { api, ApiError, errorMessage } from '../../shared/api.ts';
import { ErrorAlert, Loading, PageHeading } from '../../shared/Page.tsx';
import { useApi } from '../../shared/useApi.ts';
import { BareFrame } from '../BareFrame.tsx';
import { KioskCheckIn } from './KioskCheckIn.tsx';
import { KioskResult, type KioskOutcome } from './KioskResult.tsx';
import { KioskStart } from './KioskStart.tsx';
import { useIdle } from './useIdle.ts';
import { useScanner } from './useScanner.ts';
import './kiosk.css';

type Screen = { name: 'start' } | { name: 'appointment' } | { name: 'result'; outcome: KioskOutcome };

/** Queue figures go stale on a screen that stays on all day. */
const REFRESH_MS = 30_000;
const IDLE_MS = 60_000;

/** A scanned QR code (a link, or a long token) rather than a booking reference typed by hand. */
export function looksLikeCode(text: string): boolean {
  const s = text.trim();
  return s.includes('/') || s.length >= 20;
}

export default function KioskPage({ officeId }: { officeId: string }) {
  const t = useTenant();
  const base = `/api/v1/${t.slug}/offices/${encodeURIComponent(officeId)}`;
  const info = useApi<OfficeQueueInfo>(`${base}/queue`);
  const [screen, setScreen] = useState<Screen>({ name: 'start' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [resetKey, setResetKey] = useState(0);
  const reload = info.reload;

  const toStart = useCallback(() => {
    setScreen({ name: 'start' });
    setError(undefined);
    setResetKey((k) => k + 1); // a fresh start screen: no priority left on for the next person
    reload();
  }, [reload]);

  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useIdle(screen.name === 'appointment' || Boolean(error), IDLE_MS, toStart);

  async function takeNumber(serviceId: string, serviceName: string, priority: string | undefined) {
    setBusy(true);
    setError(undefined);
    try {
      const body: TicketRequest = { serviceId, source: 'kiosk', ...(priority ? { priority } : {}) };
      const created = await api<TicketCreated>(`${base}/tickets`, { method: 'POST', body });
      setScreen({ name: 'result', outcome: { kind: 'ticket', created, serviceName } });
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.code === 'QUEUE_CLOSED') reload();
    } finally {
      setBusy(false);
    }
  }

  async function checkIn(text: string) {
    const value = text.trim();
    setBusy(true);
    setError(undefined);
    try {
      const body = looksLikeCode(value) ? { code: value } : { reference: value };
      const res = await api<{ bookingId: string; ticket: TicketCreated | null }>(`${base}/check-in`, { method: 'POST', body });
      setScreen({ name: 'result', outcome: { kind: 'check-in', created: res.ticket } });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  // The QR code held to the scanner while no field has the focus: straight to the check-in.
  useScanner(screen.name !== 'result' && !busy, (text) => {
    setScreen({ name: 'appointment' });
    void checkIn(text);
  });

  const data = info.data;
  return (
    <BareFrame className="kiosk-page">
      <header className="kiosk-header kiosk-noprint">
        <p className="kiosk-comune mb-0">{t.name}</p>
        {data ? <PageHeading title={data.office.name} className="kiosk-office" /> : <PageHeading title="Prendi il numero" className="kiosk-office" />}
      </header>
      {!data ? (
        info.loading ? (
          <Loading />
        ) : (
          <ErrorAlert message={info.error} />
        )
      ) : screen.name === 'result' ? (
        <KioskResult outcome={screen.outcome} officeName={data.office.name} tenantName={t.name} onDone={toStart} />
      ) : screen.name === 'appointment' ? (
        <KioskCheckIn busy={busy} error={error} onSubmit={(text) => void checkIn(text)} onBack={toStart} />
      ) : (
        <KioskStart
          key={resetKey}
          info={data}
          busy={busy}
          error={error}
          onTake={(id, name, p) => void takeNumber(id, name, p)}
          onAppointment={() => {
            setError(undefined);
            setScreen({ name: 'appointment' });
          }}
        />
      )}
    </BareFrame>
  );
}

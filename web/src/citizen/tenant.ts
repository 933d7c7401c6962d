// The comune the page belongs to, from the first path segment (/bari/...).
import { createContext, useContext } from 'react';
import type { TenantInfo } from '../../../contracts/catalogue.ts';

export const TenantContext = createContext<TenantInfo | null>(null);

export function useTenant(): TenantInfo {
  const t = useContext(TenantContext);
  if (!t) throw new Error('useTenant outside a tenant page');
  return t;
}

export const bookingPath = (slug: string, q: { officeId?: string; serviceId?: string } = {}) => {
  const params = new URLSearchParams();
  if (q.officeId) params.set('ufficio', q.officeId);
  if (q.serviceId) params.set('servizio', q.serviceId);
  const s = params.toString();
  return `/${slug}/prenota-appuntamento${s ? `?${s}` : ''}`;
};

// Helpers that find demo offices and services by name and book through the public API.
import type { FastifyInstance } from 'fastify';

export async function findService(app: FastifyInstance, tenant: string, officePrefix: string, serviceName?: string) {
  const offices = (await app.inject(`/api/v1/${tenant}/offices`)).json().offices as Array<{ id: string; name: string }>;
  const office = offices.find((o) => o.name.startsWith(officePrefix));
  if (!office) throw new Error(`no office ${officePrefix} in ${tenant}`);
  const services = (await app.inject(`/api/v1/${tenant}/offices/${office.id}/services`)).json().services as Array<{
    id: string;
    name: string;
    mode: string;
    durationMinutes: number;
  }>;
  const service = serviceName ? services.find((s) => s.name === serviceName) : services[0];
  if (!service) throw new Error(`no service ${serviceName} in ${officePrefix}`);
  return { office, service };
}

export async function freeSlots(app: FastifyInstance, tenant: string, serviceId: string, from = '2026-03-02', to = '2026-03-06') {
  const res = await app.inject(`/api/v1/${tenant}/services/${serviceId}/availability?from=${from}&to=${to}`);
  if (res.statusCode !== 200) throw new Error(`availability ${res.statusCode} ${res.body}`);
  return (res.json().days as Array<{ date: string; slots: Array<{ start: string; end: string; available: number }> }>).flatMap((d) => d.slots).filter((s) => s.available > 0);
}

export function applicant(email = 'mario.rossi@example.it') {
  return { name: 'Mario', surname: 'Rossi', email, address: 'Via Sparano 1, Bari' };
}

export async function book(app: FastifyInstance, tenant: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: `/api/v1/${tenant}/bookings`, payload: body, headers });
}

export function tokenOf(manageUrl: string): string {
  return manageUrl.split('/appuntamento/')[1]!.split('/')[0]!;
}

export async function outbox(app: FastifyInstance, to?: string) {
  const res = await app.inject(`/api/dev/outbox?withContent=true${to ? `&to=${encodeURIComponent(to)}` : ''}`);
  return res.json().messages as Array<{
    to: string;
    subject: string;
    text: string;
    html: string | null;
    state: string;
    attachments: Array<{ filename: string; contentType: string; content?: string }>;
  }>;
}

// Queue fixtures shared by tests and benchmarks: one officer per desk of Bari's registry office (a
// desk takes one officer), and a line of tickets taken through the public API from many phones.
import type { Harness } from './harness.ts';
import { findService } from './fixtures.ts';
import { signIn } from './operator.ts';
import { hashPassword } from '../../server/modules/operators/index.ts';

export async function registryOffice(h: Harness) {
  const { office, service } = await findService(h.app, 'bari', 'Anagrafe');
  return { officeId: office.id, serviceId: service.id };
}

/** Creates `cieN.bari` officers for the registry office's desks; returns each desk with its officer. */
export async function registryOfficers(h: Harness, count: number): Promise<Array<{ deskId: string; username: string }>> {
  const { officeId } = await registryOffice(h);
  const tenant = await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow();
  const desks = await h.ctx.db.selectFrom('desks').select('id').where('office_id', '=', officeId).orderBy('num').limit(count).execute();
  const hash = await hashPassword('sportello-demo');
  const out = [];
  for (const [i, d] of desks.entries()) {
    const username = `cie${i + 1}.bari`;
    const op = await h.ctx.db
      .insertInto('operators')
      .values({ tenant_id: tenant.id, username, display_name: `Operatore CIE ${i + 1}`, password_hash: hash, role: 'operator' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.ctx.db.insertInto('operator_offices').values({ tenant_id: tenant.id, operator_id: op.id, office_id: officeId }).execute();
    out.push({ deskId: d.id, username });
  }
  return out;
}

/** Signs the officer in on `node` and seats them at the desk; returns a caller for desk actions. */
export async function seatOfficer(node: Harness, deskId: string, username: string) {
  const op = await signIn(node.app, 'bari', username);
  const res = await op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${deskId}/session`, payload: {} });
  if (res.statusCode !== 200) throw new Error(`seat ${username}: ${res.statusCode} ${res.body}`);
  return (action: string, payload?: object) => op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${deskId}/${action}`, ...(payload ? { payload } : {}) });
}

let phone = 0;
/** Takes `n` numbers through the public API, 50 at a time, each from its own address (rate limits). */
export async function takeTickets(h: Harness, officeId: string, serviceId: string, n: number): Promise<Array<{ id: string; token: string; number: string }>> {
  const out = [];
  for (let i = 0; i < n; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, () => {
        const p = ++phone;
        return h.app.inject({
          method: 'POST',
          url: `/api/v1/bari/offices/${officeId}/tickets`,
          payload: { serviceId },
          headers: { 'x-forwarded-for': `10.${(p >> 16) & 255}.${(p >> 8) & 255}.${p & 255}` },
        });
      }),
    );
    for (const res of batch) {
      if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
      out.push(res.json() as { id: string; token: string; number: string });
    }
  }
  return out;
}

// Officer-account helpers: raw login attempts, the current TOTP code of a secret at the test
// clock, and an admin creating an officer (returns the temporary password shown once).
import type { FastifyInstance } from 'fastify';
import type { ManualClock } from '../../server/platform/clock.ts';
import { base32Decode } from '../../server/modules/operators/index.ts';
import { totpCode } from '../../server/modules/operators/index.ts';
import type { InjectOptions } from 'fastify';

// Login is rate-limited per address (20 a minute); these suites sign in far more often than that,
// so each attempt comes from its own address of a documentation range.
let host = 0;
const nextAddress = () => `198.51.100.${(host++ % 250) + 1}`;

export function login(app: FastifyInstance, tenant: string, username: string, password: string, totp?: string, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: `/api/v1/${tenant}/operator/session`,
    remoteAddress: nextAddress(),
    payload: { username, password, ...(totp ? { totpCode: totp } : {}) },
    ...(cookie ? { cookies: { sportello_op: cookie } } : {}),
  });
}

/** Signs in (as test/support/operator.ts signIn does) and returns a request helper with cookie and CSRF token. */
export async function signIn(app: FastifyInstance, tenant: string, username: string, password = 'sportello-demo', totp?: string) {
  const res = await login(app, tenant, username, password, totp);
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sportello_op')!;
  const { csrfToken } = res.json();
  const request = (opts: InjectOptions & { csrf?: boolean }) =>
    app.inject({ ...opts, cookies: { sportello_op: cookie.value }, headers: { ...(opts.headers ?? {}), ...(opts.csrf === false ? {} : { 'x-csrf-token': csrfToken }) } });
  return { cookie, csrfToken, request, body: res.json() };
}

type Officer = Awaited<ReturnType<typeof signIn>>;

/** The code an authenticator app shows for `secret` at the test clock, `steps` periods later. */
export function codeAt(secret: string, clock: ManualClock, steps = 0): string {
  return totpCode(base32Decode(secret)!, clock.now().getTime() + steps * 30_000);
}

export async function createOfficer(admin: Officer, tenant: string, body: Record<string, unknown>) {
  const res = await admin.request({ method: 'POST', url: `/api/v1/${tenant}/operator/admin/operators`, payload: body });
  if (res.statusCode !== 201) throw new Error(`create officer: ${res.statusCode} ${res.body}`);
  return res.json() as { officer: { id: string; username: string; mustChangePassword: boolean }; temporaryPassword: string };
}

export async function officeIdOf(app: FastifyInstance, tenant: string, prefix: string): Promise<string> {
  const offices = (await app.inject(`/api/v1/${tenant}/offices`)).json().offices as Array<{ id: string; name: string }>;
  const office = offices.find((o) => o.name.startsWith(prefix));
  if (!office) throw new Error(`no office ${prefix}`);
  return office.id;
}

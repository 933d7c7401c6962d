// Logs a citizen in through the whole OpenID Connect dance, as a browser would: our login redirect,
// the embedded test provider's page and form, the callback. Returns a request helper carrying the
// session cookie and the CSRF token.
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';

const pathOf = (url: string) => {
  const u = new URL(url, 'http://localhost:3000');
  return u.pathname + u.search;
};

export async function loginAs(
  app: FastifyInstance,
  tenant: string,
  fiscalCode: string,
  opts: { provider?: 'spid' | 'cie'; level?: number; returnTo?: string; headers?: Record<string, string> } = {},
) {
  const provider = opts.provider ?? 'spid';
  const start = await app.inject({
    url: `/api/v1/${tenant}/auth/login?provider=${provider}${opts.returnTo ? `&returnTo=${encodeURIComponent(opts.returnTo)}` : ''}`,
    headers: opts.headers,
  });
  assert.equal(start.statusCode, 302, start.body);
  const binding = start.cookies.find((c) => c.name === 'sportello_auth')!;
  const authorize = new URL(start.headers.location as string);
  const page = await app.inject({ url: authorize.pathname + authorize.search });
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /AMBIENTE DI PROVA/);
  const form = new URLSearchParams(authorize.search);
  form.delete('response_type');
  form.set('identity', fiscalCode);
  form.set('level', String(opts.level ?? 2));
  const chosen = await app.inject({ method: 'POST', url: authorize.pathname, payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(chosen.statusCode, 303, chosen.body);
  const callback = await app.inject({ url: pathOf(chosen.headers.location as string), cookies: { sportello_auth: binding.value }, headers: opts.headers });
  assert.equal(callback.statusCode, 302, callback.body);
  const session = callback.cookies.find((c) => c.name === 'sportello_cit');
  assert.ok(session, `logged in (went to ${callback.headers.location})`);
  const me = await app.inject({ url: `/api/v1/${tenant}/me`, cookies: { sportello_cit: session.value } });
  assert.equal(me.statusCode, 200, me.body);
  const { csrfToken } = me.json();
  const request = (o: InjectOptions & { csrf?: boolean }) =>
    app.inject({
      ...o,
      cookies: { ...(o.cookies ?? {}), sportello_cit: session.value },
      headers: { ...(o.headers ?? {}), ...(o.csrf === false ? {} : { 'x-csrf-token': csrfToken }) },
    });
  return { cookie: session, csrfToken, request, me: me.json(), landedOn: callback.headers.location as string };
}

// Signs an officer in through the API and returns a request helper carrying cookie and CSRF token.
import type { FastifyInstance, InjectOptions } from 'fastify';

export async function signIn(app: FastifyInstance, tenant: string, username: string, password = 'sportello-demo') {
  const res = await app.inject({ method: 'POST', url: `/api/v1/${tenant}/operator/session`, payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sportello_op')!;
  const { csrfToken } = res.json();
  const request = (opts: InjectOptions & { csrf?: boolean }) =>
    app.inject({
      ...opts,
      cookies: { sportello_op: cookie.value },
      headers: { ...(opts.headers ?? {}), ...(opts.csrf === false ? {} : { 'x-csrf-token': csrfToken }) },
    });
  return { cookie, csrfToken, request, body: res.json() };
}

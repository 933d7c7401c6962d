// Every route of the application, fuzzed from its own schemas: requests with valid and invalid
// parameters, query strings and bodies (control characters, wrong types, huge strings, deep nesting),
// anonymous and with an officer's or a citizen's session. No answer may be a 5xx, and every JSON
// answer must match the schema the route declares for its status (errors: the app's error shape).
// FUZZ_RUNS raises the number of requests per route (default 20); FUZZ_SEED replays a run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { RouteOptions } from 'fastify';
import fc from 'fast-check';
import { ErrorResponse } from '../contracts/common.ts';
import { loginAs } from './support/citizen.ts';
import { applicant, book, findService, freeSlots, tokenOf } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';
import { invalid, type Schema, valid } from './support/schema-arbitrary.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const MARIO = 'RSSMRA85T10A562S';
// Generous limits: the fuzzer is one client sending thousands of requests.
const LIMITS = Object.fromEntries(
  ['PUBLIC_WRITES', 'PUBLIC_READS', 'MANAGE_LINKS', 'CITIZEN_LOGIN', 'OFFICER_LOGIN', 'OFFICER_ACCOUNT', 'DATA_EXPORT', 'AUDIT_VERIFY'].map((n) => [
    `RATE_LIMIT_${n}_PER_MIN`,
    '100000',
  ]),
);

// The validator of answers: Fastify's own Ajv (with formats), without coercion.
const ajvOf = AjvCompiler()(
  { ErrorResponse } as never,
  { customOptions: { strict: false, coerceTypes: false, allErrors: true, removeAdditional: false, useDefaults: false } } as never,
);
const validators = new Map<unknown, (data: unknown) => boolean>();
function matches(schema: unknown, data: unknown): string | null {
  let v = validators.get(schema);
  if (!v) {
    v = ajvOf({ schema: schema as never, method: 'GET', url: '/', httpPart: 'body' } as never) as unknown as (data: unknown) => boolean;
    validators.set(schema, v);
  }
  return v(data) ? null : JSON.stringify((v as unknown as { errors: unknown }).errors).slice(0, 600);
}

interface Route {
  method: string;
  url: string;
  schema?: Record<string, unknown>;
  config?: { auth?: string; socket?: boolean };
}

/** A path segment; text that is not valid Unicode (a lone surrogate) goes as the bytes a client could send. */
function segment(value: unknown): string {
  const text = String(value ?? 'x');
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}

function responseSchema(route: Route, status: number): unknown {
  const response = (route.schema?.response ?? {}) as Record<string, unknown>;
  const declared = response[status] ?? response[`${Math.floor(status / 100)}xx`];
  if (declared && typeof declared === 'object' && 'content' in declared) {
    const json = (declared as { content: Record<string, { schema: unknown }> }).content['application/json'];
    return json?.schema ?? 'not-json';
  }
  // Every error of the app's API is in the app's shape, declared or not (the embedded test identity
  // provider, outside /api/, answers as OpenID Connect says).
  return declared ?? (status >= 400 && route.url.startsWith('/api/') ? ErrorResponse : undefined);
}

for (const engine of ENGINES) {
  describe(`route fuzzer (${engine.name})`, () => {
    let h: Harness;
    const routes: Route[] = [];
    const real: Record<string, fc.Arbitrary<unknown>> = {};
    before(async () => {
      h = await startHarness({ url: engine.url, env: LIMITS, onRoute: (r: RouteOptions) => routes.push(r as unknown as Route) });
      // Real ids and tokens, so that requests get past "not found" into the handlers.
      const offices = (await h.app.inject('/api/v1/bari/offices')).json().offices as Array<{ id: string }>;
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const booked = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('fuzz@example.it') });
      assert.equal(booked.statusCode, 201, booked.body);
      real.tenant = fc.constantFrom('bari', 'bari', 'bitonto');
      real.officeId = fc.constantFrom(...offices.map((o) => o.id));
      real.serviceId = fc.constant(service.id);
      real.token = fc.constant(tokenOf(booked.json().manageUrl));
      real.bookingId = fc.constant(booked.json().id);
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const desks = (await admin.request({ url: '/api/v1/bari/operator/desks' })).json().desks as Array<{ id: string }>;
      if (desks.length) real.deskId = fc.constantFrom(...desks.map((d) => d.id));
    });
    after(async () => h.close());

    it('answers every route without a 5xx, and as its schema says', async () => {
      let officer = await signIn(h.app, 'bari', 'admin.bari');
      let citizen = await loginAs(h.app, 'bari', MARIO);
      // One request method per route (static files are registered for HEAD and GET at once).
      const targets = routes
        .map((r) => ({ ...r, method: [r.method].flat().find((m) => m !== 'HEAD') ?? 'HEAD' }))
        .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));
      assert.ok(targets.length > 80, `${targets.length} routes`);
      const failures: string[] = [];
      let requests = 0;
      const statuses = new Map<number, number>();

      for (const route of targets) {
        if (process.env.FUZZ_DEBUG) console.error('fuzz', route.method, route.url);
        const s = (route.schema ?? {}) as Record<string, Schema | undefined>;
        const request = fc.record({
          params: fc.oneof({ weight: 4, arbitrary: valid(s.params, real) }, { weight: 1, arbitrary: invalid(s.params) }),
          query: fc.oneof({ weight: 4, arbitrary: valid(s.querystring, real) }, { weight: 1, arbitrary: invalid(s.querystring) }),
          body: fc.oneof({ weight: 3, arbitrary: valid(s.body, real) }, { weight: 2, arbitrary: invalid(s.body) }),
          headers: valid(s.headers),
          who: fc.constantFrom('anonymous', 'session', 'session', 'session'),
          wildcard: fc.string({ maxLength: 30 }),
        });
        await fc
          .assert(
            fc.asyncProperty(request, async (r) => {
              const params = (r.params && typeof r.params === 'object' ? r.params : {}) as Record<string, unknown>;
              const path = route.url.replace(/:(\w+)/g, (_m, name: string) => segment(params[name])).replace('*', segment(r.wildcard));
              const qs = new URLSearchParams();
              if (r.query && typeof r.query === 'object' && !Array.isArray(r.query)) {
                for (const [k, v] of Object.entries(r.query))
                  for (const one of [v].flat()) if (one !== undefined) qs.append(k, typeof one === 'string' ? one : JSON.stringify(one));
              }
              const url = qs.size ? `${path}?${qs}` : path;
              const withBody = !['GET', 'DELETE'].includes(route.method) && r.body !== undefined;
              const opts = {
                method: route.method as 'GET',
                url,
                remoteAddress: '198.51.100.7',
                headers: (r.headers && typeof r.headers === 'object' ? Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, String(v)])) : {}) as Record<
                  string,
                  string
                >,
                ...(withBody ? { payload: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } } : {}),
              };
              const auth = route.config?.auth;
              const res =
                r.who === 'session' && auth === 'officer'
                  ? await officer.request(opts)
                  : r.who === 'session' && auth?.startsWith('citizen')
                    ? await citizen.request(opts)
                    : await h.app.inject(opts);
              requests++;
              statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
              // A fuzzed logout or password change may end the session: sign in again for the next request.
              if (res.statusCode === 401 && r.who === 'session' && auth === 'officer') officer = await signIn(h.app, 'bari', 'admin.bari');
              if (res.statusCode === 401 && r.who === 'session' && auth?.startsWith('citizen')) citizen = await loginAs(h.app, 'bari', MARIO);

              const where = `${route.method} ${route.url} → ${res.statusCode} for ${opts.method} ${url.slice(0, 200)} ${withBody ? JSON.stringify(r.body).slice(0, 200) : ''}`;
              if (res.statusCode >= 500) throw new Error(`5xx: ${where}: ${res.body.slice(0, 300)}`);
              const type = String(res.headers['content-type'] ?? '');
              if (!type.startsWith('application/json') || res.body === '') return;
              const schema = responseSchema(route, res.statusCode);
              if (schema === undefined || schema === 'not-json') return;
              const mismatch = matches(schema, res.json());
              if (mismatch) throw new Error(`schema mismatch: ${where}: ${mismatch} in ${res.body.slice(0, 300)}`);
            }),
            { numRuns: RUNS, seed: SEED, endOnFailure: true },
          )
          .catch((err: Error) => {
            const cause = err.cause instanceof Error ? err.cause : err;
            failures.push(`${route.method} ${route.url}: ${cause.message.slice(0, 900)}${cause === err ? '' : ` (seed ${/seed: (-?\d+)/.exec(err.message)?.[1]})`}`);
          });
      }
      if (process.env.FUZZ_DEBUG)
        console.error(
          'fuzz statuses',
          requests,
          [...statuses].sort((x, y) => x[0] - y[0]),
        );
      assert.ok(requests >= targets.length, `${requests} requests`);
      assert.deepEqual(failures, [], failures.join('\n\n'));
    });
  });
}

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applicant, findService, freeSlots, outbox, tokenOf } from './support/fixtures.ts';
import { loginAs } from './support/citizen.ts';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';

const MARIO = 'RSSMRA85T10A562S';
const ANNA = 'SPSNNA90D55A662O';

for (const engine of ENGINES) {
  describe(`citizen identity and personal area (${engine.name})`, () => {
    let h: Harness;
    let ip = 0;
    const from = () => ({ 'x-forwarded-for': `10.5.${Math.floor(++ip / 250)}.${ip % 250}` });

    before(async () => {
      h = await startHarness({ url: engine.url });
    });
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    it('logs in with SPID through the gateway and lands back where the citizen was', async () => {
      const mario = await loginAs(h.app, 'bari', MARIO, { level: 2, returnTo: '/bari/prenota-appuntamento?servizio=x' });
      assert.equal(mario.landedOn, '/bari/prenota-appuntamento?servizio=x');
      const c = mario.me.citizen;
      assert.deepEqual(
        {
          fiscalCode: c.fiscalCode,
          givenName: c.givenName,
          familyName: c.familyName,
          birthDate: c.birthDate,
          residence: c.residenceAddress,
          email: c.email,
          verified: c.emailVerified,
          provider: c.provider,
          level: c.spidLevel,
        },
        {
          fiscalCode: MARIO,
          givenName: 'Mario',
          familyName: 'Rossi',
          birthDate: '1985-12-10',
          residence: 'Via Sparano da Bari 1, 70121 Bari (BA)',
          email: 'mario.rossi@example.it',
          verified: true,
          provider: 'spid',
          level: 2,
        },
      );
      assert.equal(mario.cookie.httpOnly, true);
      assert.equal(mario.cookie.sameSite, 'Lax');
      const cie = await loginAs(h.app, 'bari', ANNA, { provider: 'cie' });
      assert.equal(cie.me.citizen.provider, 'cie');
      assert.equal(cie.me.citizen.spidLevel, null);
    });

    it('refuses SPID level 1: personal data need level 2 at least', async () => {
      const start = await h.app.inject('/api/v1/bari/auth/login?provider=spid');
      const authorize = new URL(start.headers.location as string);
      assert.equal(authorize.searchParams.get('acr_values'), 'https://www.spid.gov.it/SpidL2');
      const form = new URLSearchParams(authorize.search);
      form.set('identity', MARIO);
      form.set('level', '1');
      const chosen = await h.app.inject({ method: 'POST', url: authorize.pathname, payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const callback = new URL(chosen.headers.location as string);
      const res = await h.app.inject({ url: callback.pathname + callback.search, cookies: { sportello_auth: start.cookies.find((c) => c.name === 'sportello_auth')!.value } });
      assert.match(res.headers.location as string, /^\/bari\/accedi\?errore=livello/);
      assert.equal(
        res.cookies.find((c) => c.name === 'sportello_cit'),
        undefined,
      );
      assert.equal((await loginAs(h.app, 'bari', MARIO, { level: 3 })).me.citizen.spidLevel, 3);
    });

    it('never redirects outside the comune, and refuses a callback from another browser or a replay', async () => {
      for (const returnTo of ['https://evil.example/', '//evil.example/x', '/bitonto/area-personale', '/bari/\\evil', '/bari/\u0001', '/bari/\u0100']) {
        assert.equal((await loginAs(h.app, 'bari', MARIO, { returnTo })).landedOn, '/bari/area-personale', returnTo);
      }
      // The callback without the browser's binding cookie (a login forced on someone else) starts no session.
      const start = await h.app.inject(`/api/v1/bari/auth/login?provider=spid`);
      const authorize = new URL(start.headers.location as string);
      const form = new URLSearchParams(authorize.search);
      form.set('identity', MARIO);
      const chosen = await h.app.inject({ method: 'POST', url: authorize.pathname, payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const callback = new URL(chosen.headers.location as string);
      const foreign = await h.app.inject(callback.pathname + callback.search);
      assert.equal(foreign.statusCode, 302);
      assert.match(foreign.headers.location as string, /^\/bari\/accedi\?errore=sessione/);
      assert.equal(
        foreign.cookies.find((c) => c.name === 'sportello_cit'),
        undefined,
      );
      // The same state twice: the second is refused (the login request is used once).
      const binding = start.cookies.find((c) => c.name === 'sportello_auth')!.value;
      const again = await h.app.inject({ url: callback.pathname + callback.search, cookies: { sportello_auth: binding } });
      assert.match(again.headers.location as string, /errore=scaduto/);
      assert.equal(
        again.cookies.find((c) => c.name === 'sportello_cit'),
        undefined,
      );
    });

    it('issues a new session id at every login and ends it at logout, here and at the gateway', async () => {
      const first = await loginAs(h.app, 'bari', MARIO);
      const second = await loginAs(h.app, 'bari', MARIO, { headers: { cookie: `sportello_cit=${first.cookie.value}` } });
      assert.notEqual(second.cookie.value, first.cookie.value);
      assert.equal((await first.request({ url: '/api/v1/bari/me' })).statusCode, 401, 'the session planted before the login is gone');
      assert.equal((await second.request({ method: 'POST', url: '/api/v1/bari/auth/logout', csrf: false })).statusCode, 403, 'logout needs the CSRF token');
      const out = await second.request({ method: 'POST', url: '/api/v1/bari/auth/logout' });
      assert.equal(out.statusCode, 200, out.body);
      const logoutUrl = new URL(out.json().logoutUrl);
      assert.equal(logoutUrl.pathname, '/oidc-test/logout');
      assert.equal(logoutUrl.searchParams.get('post_logout_redirect_uri'), 'http://localhost:3000/bari');
      assert.ok(logoutUrl.searchParams.get('id_token_hint'));
      assert.equal((await second.request({ url: '/api/v1/bari/me' })).statusCode, 401);
      // Idle for more than 30 minutes: the session is over.
      const idle = await loginAs(h.app, 'bari', MARIO);
      h.clock.advance(31 * 60_000);
      assert.equal((await idle.request({ url: '/api/v1/bari/me' })).statusCode, 401);
    });

    it('books with the identity filled in, ties the booking to the fiscal code and limits per citizen', async () => {
      const anna = await loginAs(h.app, 'bari', ANNA);
      const { service } = await findService(h.app, 'bari', 'Ripartizione Urbanistica', 'Piani di lottizzazione');
      const [slot, other] = await freeSlots(h.app, 'bari', service.id);
      const body = { serviceId: service.id, start: slot!.start, applicant: { name: 'Qualcun', surname: 'Altro', email: 'anna.esposito@example.it' } };
      assert.equal(
        (await anna.request({ method: 'POST', url: '/api/v1/bari/bookings', payload: body, headers: from(), csrf: false })).statusCode,
        403,
        'a logged-in write needs the CSRF token',
      );
      const res = await anna.request({ method: 'POST', url: '/api/v1/bari/bookings', payload: body, headers: from() });
      assert.equal(res.statusCode, 201, res.body);
      const row = await h.ctx.db
        .selectFrom('bookings')
        .select(['fiscal_code', 'applicant_name', 'applicant_surname', 'applicant_address'])
        .where('id', '=', res.json().id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { fiscal_code: ANNA, applicant_name: 'Anna', applicant_surname: 'Esposito', applicant_address: 'Corso Cavour 120, 70122 Bari (BA)' });
      // Another email does not get around the per-citizen limit: the fiscal code counts.
      const second = await anna.request({
        method: 'POST',
        url: '/api/v1/bari/bookings',
        payload: { ...body, start: other!.start, applicant: { ...body.applicant, email: 'altra@example.it' } },
        headers: from(),
      });
      assert.equal(second.statusCode, 409, second.body);
      assert.equal(second.json().code, 'BOOKING_LIMIT_REACHED');
    });

    it("shows the Scrivania: the citizen's appointments, messages, activities and deadlines", async () => {
      const mario = await loginAs(h.app, 'bari', MARIO);
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-03', '2026-03-06');
      const booked = await mario.request({
        method: 'POST',
        url: '/api/v1/bari/bookings',
        payload: { serviceId: service.id, start: slot!.start, applicant: applicant('mario.rossi@example.it') },
        headers: from(),
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const desk = (await mario.request({ url: '/api/v1/bari/me/dashboard' })).json();
      assert.equal(desk.appointments[0].reference, booked.json().reference);
      assert.ok(
        desk.messages.some((m: { subject: string }) => m.subject.startsWith('Appuntamento confermato')),
        'the confirmation is in the inbox too',
      );
      assert.ok(desk.messages.some((m: { subject: string }) => /Il Comune Ti Informa/.test(m.subject)));
      assert.ok(desk.unread >= 3);
      assert.ok(desk.activities.some((a: { title: string }) => a.title.startsWith('Appuntamento prenotato: «Informazioni generali»')));
      assert.ok(desk.activities.some((a: { title: string }) => a.title === "Accesso all'area personale con SPID"));
      assert.ok(desk.deadlines.some((d: { kind: string }) => d.kind === 'appointment'));
      assert.ok(desk.deadlines.some((d: { title: string }) => /carta d'identità scade/.test(d.title)));

      const inbox = (await mario.request({ url: '/api/v1/bari/me/messages' })).json();
      const first = inbox.messages[0];
      assert.equal((await mario.request({ method: 'POST', url: `/api/v1/bari/me/messages/${first.id}/read` })).statusCode, 204);
      assert.equal((await mario.request({ url: '/api/v1/bari/me/messages' })).json().unread, inbox.unread - 1);

      // The appointment is managed from the area: a fresh manage link.
      const link = await mario.request({ method: 'POST', url: `/api/v1/bari/me/appointments/${booked.json().id}/manage-link` });
      assert.equal(link.statusCode, 200, link.body);
      assert.equal((await h.app.inject(`/api/v1/bari/bookings/manage/${tokenOf(link.json().manageUrl)}`)).json().reference, booked.json().reference);
    });

    it('keeps each citizen to their own data, and each comune to its own citizens', async () => {
      const mario = await loginAs(h.app, 'bari', MARIO);
      const anna = await loginAs(h.app, 'bari', ANNA);
      const marioMessage = (await mario.request({ url: '/api/v1/bari/me/messages' })).json().messages[0];
      assert.equal((await anna.request({ method: 'POST', url: `/api/v1/bari/me/messages/${marioMessage.id}/read` })).statusCode, 404);
      assert.ok((await anna.request({ url: '/api/v1/bari/me/messages' })).json().messages.every((m: { id: string }) => m.id !== marioMessage.id));
      const marioBooking = (await mario.request({ url: '/api/v1/bari/me/appointments' })).json().upcoming[0];
      assert.ok(marioBooking, 'Mario has an appointment');
      assert.equal((await anna.request({ method: 'POST', url: `/api/v1/bari/me/appointments/${marioBooking.id}/manage-link` })).statusCode, 404);
      assert.ok((await anna.request({ url: '/api/v1/bari/me/appointments' })).json().upcoming.every((b: { id: string }) => b.id !== marioBooking.id));
      assert.equal((await anna.request({ url: '/api/v1/bari/me/dashboard' })).headers['cache-control'], 'no-store');
      const exported = await anna.request({ url: '/api/v1/bari/me/export' });
      assert.match(exported.headers['content-disposition'] as string, /attachment; filename="i-miei-dati-bari.json"/);
      assert.ok(!exported.body.includes(MARIO), "Anna's data only");
      assert.equal(exported.json().identity.fiscalCode, ANNA);
      // Bari's session means nothing in Bitonto.
      assert.equal((await mario.request({ url: '/api/v1/bitonto/me' })).statusCode, 401);
      assert.equal((await h.app.inject('/api/v1/bari/me/dashboard')).statusCode, 401);
    });

    it('changes contacts: a new email counts once confirmed from the link sent to it', async () => {
      const mario = await loginAs(h.app, 'bari', MARIO);
      const res = await mario.request({
        method: 'PUT',
        url: '/api/v1/bari/me/contacts',
        payload: { email: 'mario.nuovo@example.it', phone: '+39 333 0000000', notifyEmail: false },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().citizen.email, 'mario.rossi@example.it', 'unchanged until confirmed');
      assert.equal(res.json().citizen.pendingEmail, 'mario.nuovo@example.it');
      assert.equal((await mario.request({ method: 'PUT', url: '/api/v1/bari/me/contacts', payload: { email: 'not-an-email' } })).statusCode, 400);
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'mario.nuovo@example.it');
      const link = /https?:\/\/\S+\/me\/email\/confirm\?token=\S+/.exec(mail!.text)![0];
      const wrong = await h.app.inject(`/api/v1/bari/me/email/confirm?token=${'x'.repeat(43)}`);
      assert.match(wrong.headers.location as string, /email=link-non-valido/);
      const ok = await h.app.inject(new URL(link).pathname + new URL(link).search);
      assert.match(ok.headers.location as string, /\/bari\/area-personale\/impostazioni\?email=confermata/);
      const me = (await mario.request({ url: '/api/v1/bari/me' })).json();
      assert.deepEqual([me.citizen.email, me.citizen.emailVerified, me.citizen.pendingEmail, me.citizen.notifyEmail], ['mario.nuovo@example.it', true, null, false]);
      // A new login keeps the citizen's chosen email, not the provider's.
      assert.equal((await loginAs(h.app, 'bari', MARIO)).me.citizen.email, 'mario.nuovo@example.it');
    });

    it("lets admins point the comune's login at its gateway; others may not", async () => {
      const { signIn } = await import('./support/operator.ts');
      const admin = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const gateway = { spid: { issuer: 'https://spid.example.it/oidc/op', clientId: 'https://sportello.example.it/bitonto', params: { idp_hint: 'spid' } }, cie: null };
      // The gateway's discovery document is checked before saving (test/identity-gateways.test.ts): served here.
      const issuer = gateway.spid.issuer;
      const document = {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        code_challenge_methods_supported: ['S256'],
      };
      h.ctx.fetch = async () => new Response(JSON.stringify(document), { headers: { 'content-type': 'application/json' } });
      const saved = await admin.request({ method: 'PUT', url: '/api/v1/bitonto/operator/admin/identity-providers', payload: gateway });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.deepEqual((await admin.request({ method: 'GET', url: '/api/v1/bitonto/operator/admin/identity-providers' })).json(), { ...gateway, testProviderAvailable: true });
      assert.equal(
        (await admin.request({ method: 'PUT', url: '/api/v1/bitonto/operator/admin/identity-providers', payload: { spid: { issuer: 'not a url', clientId: 'x' }, cie: null } }))
          .statusCode,
        400,
      );
      const operator = await signIn(h.app, 'bitonto', 'suap.bitonto');
      assert.equal((await operator.request({ method: 'PUT', url: '/api/v1/bitonto/operator/admin/identity-providers', payload: gateway })).statusCode, 403);
      // CIE still uses the test provider; SPID now goes to the (unreachable) gateway and says so.
      await admin.request({ method: 'PUT', url: '/api/v1/bitonto/operator/admin/identity-providers', payload: { spid: null, cie: null } });
      assert.equal((await h.app.inject('/api/v1/bitonto/auth/login?provider=cie')).statusCode, 302);
      delete h.ctx.fetch;
    });

    it("shows each service's privacy notice", async () => {
      const list = (await h.app.inject('/api/v1/bari/privacy-notices')).json().notices;
      assert.ok(list.length >= 8);
      const notice = (await h.app.inject(`/api/v1/bari/services/${list[0].serviceId}/privacy`)).json();
      assert.match(notice.text, /Titolare del trattamento: Comune di Bari/);
    });
  });
}

describe('citizen login in production mode', () => {
  it('refuses the embedded test provider', async () => {
    const { loadConfig } = await import('../server/config.ts');
    const { registerTestProvider } = await import('../server/modules/identity/test-provider/routes.ts');
    const config = loadConfig({
      SPORTELLO_MODE: 'production',
      DATABASE_URL: 'postgres://x@localhost/x',
      SMTP_URL: 'smtp://localhost',
      SESSION_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://sportello.example.it',
    });
    const Fastify = (await import('fastify')).default;
    await assert.rejects(registerTestProvider(Fastify(), { config } as never), /cannot run in production/);
  });
});

// What Sportello sends to pagoPA matches pagoPA's published OpenAPI documents (GPD debt positions and
// Checkout carts, validated here with Ajv against the saved documents), and the pagoPA client speaks
// that API: paths, subscription keys, a duplicate position taken as published, the Checkout redirect,
// receipts read from the position and from the comune's receipt list, errors as "unavailable".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { cartRequest, createPosition, findCreditor, gpdBodyById, PagoPaProvider, pagopaOpenApiDocument, ProviderUnavailable, xmlField } from '../server/modules/payments/index.ts';
import { findTenantBySlug } from '../server/platform/tenants/repository.ts';
import { startHarness, type Harness } from './support/harness.ts';

const doc = (name: 'gpd' | 'gpd-receipts' | 'checkout-carts') => JSON.parse(fs.readFileSync(pagopaOpenApiDocument(name), 'utf8'));

function validator(name: 'gpd' | 'gpd-receipts' | 'checkout-carts', schema: string, draft2020: boolean) {
  const ajv = draft2020 ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  ajv.addSchema(doc(name), name);
  const validate = ajv.getSchema(`${name}#/components/schemas/${schema}`)!;
  return (body: unknown) => {
    const ok = validate(body);
    return { ok, errors: JSON.stringify(validate.errors) };
  };
}

const MARIO = 'RSSMRA85T10A562S';

describe('requests to pagoPA follow its OpenAPI documents', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it('sends GPD a debt position its schema accepts: one payment, instalments, a digital stamp, a company', async () => {
    const tenant = (await findTenantBySlug(h.ctx.db, 'bari'))!;
    const check = validator('gpd', 'PaymentPositionModel', true);
    const base = {
      debtor: { fiscalCode: MARIO, name: 'Mario Rossi', email: 'mario.rossi@example.it' },
      description: 'Diritti',
      dueOn: '2026-04-30',
      kind: 'diritti-segreteria',
      origin: 'desk' as const,
    };
    const cases = [
      { ...base, amountCents: 1650 },
      { ...base, amountCents: 10001, instalments: 4 },
      { ...base, amountCents: 1600 + 1650, stamp: { amountCents: 1600, type: '01', hash: 'ZmFrZS1oYXNoLW9mLXRoZS1jZXJ0aWZpY2F0ZQ==', province: 'BA' } },
      { ...base, debtor: { fiscalCode: '01234567890', name: 'Ditta Esempio srl' }, amountCents: 5000 },
    ];
    for (const input of cases) {
      const { position } = await createPosition(h.ctx, tenant, input);
      const body = await gpdBodyById(h.ctx, tenant.id, position.id);
      const result = check(body);
      assert.ok(result.ok, result.errors);
      const options = body.paymentOption ?? [];
      assert.equal(
        options.reduce((a, o) => a + o.amount, 0),
        input.amountCents,
        'options add up to the position',
      );
      for (const o of options)
        assert.equal(
          o.transfer?.reduce((a, t) => a + t.amount, 0),
          o.amount,
          'transfers add up to their option',
        );
    }
    const stamped = await gpdBodyById(h.ctx, tenant.id, (await createPosition(h.ctx, tenant, cases[2]!)).position.id);
    assert.equal(stamped.paymentOption![0]!.transfer!.length, 2);
    assert.deepEqual(stamped.paymentOption![0]!.transfer![1]!.stamp, { hashDocument: 'ZmFrZS1oYXNoLW9mLXRoZS1jZXJ0aWZpY2F0ZQ==', stampType: '01', provincialResidence: 'BA' });
    assert.equal(stamped.paymentOption![0]!.transfer![1]!.iban, undefined);
    assert.equal((await gpdBodyById(h.ctx, tenant.id, (await createPosition(h.ctx, tenant, cases[3]!)).position.id)).type, 'G');
    const wrong = { ...stamped, paymentOption: [{ ...stamped.paymentOption![0]!, description: 'x'.repeat(141) }] };
    assert.equal(check(wrong).ok, false, 'the schema is really applied');
  });

  it('refuses a position whose amounts do not add up, in the database itself', async () => {
    const tenant = (await findTenantBySlug(h.ctx.db, 'bari'))!;
    const { position } = await createPosition(h.ctx, tenant, {
      debtor: { fiscalCode: MARIO, name: 'Mario Rossi' },
      amountCents: 1000,
      description: 'X',
      dueOn: '2026-04-30',
      kind: 'diritti-segreteria',
      origin: 'desk',
    });
    await assert.rejects(
      h.ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('payment_transfers').set({ amount_cents: 999 }).where('option_id', '=', position.options[0]!.id).execute();
      }),
      /do not add up/,
    );
  });

  it('opens a Checkout cart its schema accepts', async () => {
    const check = validator('checkout-carts', 'CartRequest', false);
    const creditor = (await findCreditor(h.ctx.db, (await findTenantBySlug(h.ctx.db, 'bari'))!.id))!;
    const cart = cartRequest(
      [
        { nav: '301202600000000164', amountCents: 1650, description: 'Diritti' },
        { nav: '301202600000000265', amountCents: 100, description: 'Altro' },
      ],
      creditor,
      { ok: 'http://localhost:3000/bari/area-personale/pagamenti/esito/x?esito=ok', cancel: 'http://localhost:3000/c', error: 'http://localhost:3000/e' },
      { email: 'mario.rossi@example.it', cartId: '4a1f0c2e-0000-4000-8000-000000000001' },
    );
    const result = check(cart);
    assert.ok(result.ok, result.errors);
    assert.equal(check({ ...cart, paymentNotices: [] }).ok, false, 'the schema is really applied');
  });
});

describe('the pagoPA client', () => {
  const calls: Array<{ url: string; method: string; headers: Record<string, string>; body: unknown }> = [];
  const answers: Array<(url: string) => Response | undefined> = [];
  const fakeFetch = (async (input: string | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, method: init?.method ?? 'GET', headers: init?.headers as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    for (const answer of answers) {
      const r = answer(url);
      if (r) return r;
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  const provider = new PagoPaProvider({
    organization: '80015010723',
    endpoints: { gpdUrl: 'https://gpd.example/v1', receiptsUrl: 'https://receipts.example/v1', checkoutUrl: 'https://checkout.example/v1' },
    keys: { gpd: 'gpd-key', receipts: 'receipts-key' },
    fetch: fakeFetch,
  });
  const position = {
    iupd: '80015010723-01202600000000164',
    type: 'F' as const,
    payStandIn: true,
    fiscalCode: MARIO,
    fullName: 'Mario Rossi',
    switchToExpired: false,
    companyName: 'Comune di Bari',
  };

  it('publishes with the subscription key, and takes a duplicate (409) as published', async () => {
    answers.push((url) => (url.includes('/debtpositions?toPublish=true') ? new Response('{}', { status: calls.length === 1 ? 201 : 409 }) : undefined));
    await provider.publish(position);
    await provider.publish(position);
    assert.equal(calls[0]!.url, 'https://gpd.example/v1/organizations/80015010723/debtpositions?toPublish=true');
    assert.equal(calls[0]!.method, 'POST');
    assert.equal(calls[0]!.headers['ocp-apim-subscription-key'], 'gpd-key');
    assert.deepEqual(calls[0]!.body, position);
  });

  it('follows Checkout’s redirect to the payment page', async () => {
    answers.unshift((url) => (url.endsWith('/carts') ? new Response(null, { status: 302, headers: { location: 'https://checkout.pagopa.it/c/abc' } }) : undefined));
    const url = await provider.openCart({ paymentNotices: [], returnUrls: { returnOkUrl: 'a', returnCancelUrl: 'b', returnErrorUrl: 'c' } });
    assert.equal(url, 'https://checkout.pagopa.it/c/abc');
    assert.equal(calls.at(-1)!.headers['ocp-apim-subscription-key'], undefined, 'Checkout for creditors needs no key');
  });

  it('reads receipts from the position (paid options only) and from the comune’s list', async () => {
    answers.unshift((url) =>
      url.endsWith(`/debtpositions/${position.iupd}`)
        ? Response.json({
            paymentOption: [
              { iuv: '01202600000000164', amount: 1650, status: 'PO_PAID', idReceipt: 'r-1', paymentDate: '2026-03-03T10:00:00Z', pspCompany: 'Banca X' },
              { iuv: '01202600000000265', amount: 100, status: 'PO_UNPAID' },
            ],
          })
        : undefined,
    );
    const receipts = await provider.receiptsOf(position.iupd);
    assert.deepEqual(
      receipts.map((r) => [r.receiptId, r.iuv, r.amountCents, r.psp, r.paidAt.toISOString()]),
      [['r-1', '01202600000000164', 1650, 'Banca X', '2026-03-03T10:00:00.000Z']],
    );
    answers.unshift((url) =>
      url.includes('/payments/80015010723/receipts?')
        ? Response.json({ currentPageNumber: 0, length: 1, totalPages: 1, results: [{ iuv: '01202699999999912', paymentDateTime: '2026-03-03T11:00:00' }] })
        : url.endsWith('/payments/80015010723/receipts/01202699999999912')
          ? new Response(
              '<pafn:paSendRTV2Req xmlns:pafn="x"><receipt><receiptId>abc123</receiptId><noticeNumber>301202699999999912</noticeNumber><paymentAmount>50.00</paymentAmount><pspCompanyName>Poste</pspCompanyName><paymentDateTime>2026-03-03T11:00:00</paymentDateTime></receipt></pafn:paSendRTV2Req>',
              { headers: { 'content-type': 'application/xml' } },
            )
          : undefined,
    );
    const listed = await provider.receiptsBetween(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-04T00:00:00Z'));
    assert.deepEqual(
      listed.map((r) => [r.receiptId, r.iuv, r.amountCents, r.psp]),
      [['abc123', '01202699999999912', 5000, 'Poste']],
    );
    assert.equal(calls.at(-1)!.headers['ocp-apim-subscription-key'], 'receipts-key');
    assert.equal(xmlField('<a:b x="1">v</a:b>', 'b'), 'v');
  });

  it('turns errors and silence into "unavailable", for the caller to retry', async () => {
    answers.unshift((url) => (url.includes('/invalidate') ? new Response('boom', { status: 500 }) : undefined));
    await assert.rejects(provider.invalidate(position.iupd), ProviderUnavailable);
    const down = new PagoPaProvider({
      ...{ organization: '80015010723', endpoints: { gpdUrl: 'https://x', receiptsUrl: 'https://x', checkoutUrl: 'https://x' }, keys: { gpd: 'k', receipts: 'k' } },
      fetch: (async () => Promise.reject(new Error('ECONNREFUSED'))) as typeof fetch,
    });
    await assert.rejects(down.publish(position), ProviderUnavailable);
    const keyless = new PagoPaProvider({
      organization: '80015010723',
      endpoints: { gpdUrl: 'https://x', receiptsUrl: 'https://x', checkoutUrl: 'https://x' },
      keys: { gpd: undefined, receipts: undefined },
      fetch: fakeFetch,
    });
    await assert.rejects(keyless.publish(position), /PAGOPA_KEYS/);
  });
});

// pagoPA payments through HTTP, on the local simulator: an officer asks Mario for a fee (a notice with
// a valid number, once even on a double click), Mario pays it in the simulator's checkout and comes
// back to a paid position with its receipt, once, though the receipt arrives twice; a late receipt
// leaves him "waiting" until it comes; a failed or abandoned payment leaves the position payable;
// "segna come pagato" racing a receipt pays once; a receipt for an unknown notice reaches the admins;
// nobody else sees or pays Mario's positions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyReceipt, paySimCart, reconcileAll, reconcileRecent, simForeignReceipt } from '../server/modules/payments/index.ts';
import { findTenantBySlug } from '../server/platform/tenants/repository.ts';
import { loginAs } from './support/citizen.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';
import { pdfTextOf } from './support/pdf-text.ts';

const MARIO = 'RSSMRA85T10A562S';
const ANNA = 'SPSNNA90D55A662O';
const BARI_FISCAL_CODE = '80015010723';
type Citizen = Awaited<ReturnType<typeof loginAs>>;
type Officer = Awaited<ReturnType<typeof signIn>>;

/** The NAV's check digits, computed here from the rule (DOMAIN.md), not by the code under test. */
const navIsValid = (nav: string) => /^3\d{17}$/.test(nav) && (BigInt(nav.slice(0, 16)) % 93n).toString().padStart(2, '0') === nav.slice(16);
const cartOf = (url: string) => /\/pagopa-simulatore\/([0-9a-f-]{36})$/.exec(url)?.[1] ?? '';

for (const engine of ENGINES) {
  describe(`pagoPA payments (${engine.name})`, () => {
    let h: Harness;
    let mario: Citizen;
    let anna: Citizen;
    let urp: Officer;
    let admin: Officer;
    before(async () => {
      h = await startHarness({ url: engine.url });
      mario = await loginAs(h.app, 'bari', MARIO);
      anna = await loginAs(h.app, 'bari', ANNA);
      urp = await signIn(h.app, 'bari', 'urp.bari');
      admin = await signIn(h.app, 'bari', 'admin.bari');
    });
    after(async () => h.close());

    const create = (body: Record<string, unknown> = {}, key?: string) =>
      urp.request({
        method: 'POST',
        url: '/api/v1/bari/operator/payments',
        payload: {
          debtor: { fiscalCode: MARIO, name: 'Mario Rossi' },
          amountCents: 1650,
          description: 'Diritti di segreteria certificato',
          dueDate: '2026-03-31',
          kind: 'diritti-segreteria',
          ...body,
        },
        ...(key ? { headers: { 'idempotency-key': key } } : {}),
      });
    const checkout = (who: Citizen, ids: string[]) => who.request({ method: 'POST', url: '/api/v1/bari/me/payments/checkout', payload: { paymentIds: ids } });
    const back = (who: Citizen, id: string, outcome: string) => who.request({ method: 'POST', url: `/api/v1/bari/me/payments/checkouts/${id}/return`, payload: { outcome } });
    const simPay = (url: string, outcome: string) => h.app.inject({ method: 'POST', url: `/api/v1/pagopa-simulator/carts/${cartOf(url)}/pay`, payload: { outcome } });
    const detail = async (id: string) => (await urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments/${id}` })).json();
    const minePayments = async (who: Citizen) => (await who.request({ method: 'GET', url: '/api/v1/bari/me/payments' })).json();

    it('creates a position with a valid notice number, once for a double click, and tells Mario with the notice attached', async () => {
      const [a, b] = await Promise.all([create({}, 'desk-fee-0001'), create({}, 'desk-fee-0001')]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201], `${a.body} ${b.body}`);
      assert.equal(a.json().id, b.json().id, 'one position');
      const p = a.json();
      assert.ok(navIsValid(p.nav), p.nav);
      assert.equal(p.nav.slice(1, 3), '01', "Bari's segregation code");
      assert.equal(p.iuv, p.nav.slice(1));
      assert.equal(p.status, 'payable', 'published to the simulator');
      assert.equal(p.amountCents, 1650);
      const reused = await create({ amountCents: 9999 }, 'desk-fee-0001');
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().code, 'IDEMPOTENCY_KEY_REUSED');

      const mail = (await outbox(h.app, 'mario.rossi@example.it')).find((m) => m.subject.startsWith('Avviso di pagamento'));
      assert.ok(mail, 'Mario is told');
      assert.ok(mail.text.includes('16,50 €'));
      assert.ok(mail.attachments.some((x) => x.contentType === 'application/pdf' && x.filename === `avviso-pagamento-${p.nav}.pdf`));
      // The outbox API shows attachments as text: the bytes are read from the outbox itself.
      const row = await h.ctx.db.selectFrom('mail_outbox').select('attachments').where('subject', '=', mail.subject).executeTakeFirstOrThrow();
      const attached = (typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments) as Array<{ content: string }>;
      const text = await pdfTextOf(Buffer.from(attached[0]!.content, 'base64'));
      const groups = p.nav.replace(/(\d{4})(?=\d)/g, '$1 ');
      for (const expected of [
        'AVVISO DI PAGAMENTO',
        'Diritti di segreteria certificato',
        '16,50 Euro',
        '31/03/2026',
        groups,
        BARI_FISCAL_CODE,
        MARIO,
        'Rata unica',
        'Codice CBILL',
        'AMBIENTE DI PROVA',
      ]) {
        assert.ok(text.includes(expected), `notice shows ${expected}`);
      }
      const listed = await minePayments(mario);
      const mine = listed.payments.find((x: { id: string }) => x.id === p.id);
      assert.equal(mine.status, 'payable');
      assert.equal(mine.canPay, true);
      assert.equal(listed.simulator, true);
      const notice = await mario.request({ method: 'GET', url: mine.noticeUrl });
      assert.equal(notice.statusCode, 200);
      assert.equal(notice.headers['content-type'], 'application/pdf');
    });

    it('keeps Mario’s positions from anyone else: Anna, and another comune’s officers', async () => {
      const p = (await create({ description: 'Riservato a Mario' })).json();
      assert.equal(
        (await minePayments(anna)).payments.some((x: { id: string }) => x.id === p.id),
        false,
      );
      assert.equal((await anna.request({ method: 'GET', url: `/api/v1/bari/me/payments/${p.id}/notice.pdf` })).statusCode, 404);
      const stolen = await checkout(anna, [p.id]);
      assert.equal(stolen.statusCode, 404);
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'GET', url: `/api/v1/bitonto/operator/payments/${p.id}` })).statusCode, 404);
      assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/bari/me/payments' })).statusCode, 401);
    });

    it('pays through the simulator and comes back to a paid position, once though the receipt arrives twice', async () => {
      const p = (await create({ description: 'Pagata online', amountCents: 2200 })).json();
      const started = await checkout(mario, [p.id]);
      assert.equal(started.statusCode, 201, started.body);
      const { checkoutId, checkoutUrl } = started.json();
      assert.match(checkoutUrl, /^http:\/\/localhost:3000\/pagopa-simulatore\//);
      const cart = (await h.app.inject({ method: 'GET', url: `/api/v1/pagopa-simulator/carts/${cartOf(checkoutUrl)}` })).json();
      assert.deepEqual(
        cart.notices.map((n: { noticeNumber: string; amount: number; fiscalCode: string }) => [n.noticeNumber, n.amount, n.fiscalCode]),
        [[p.nav, 2200, BARI_FISCAL_CODE]],
      );
      const paid = await simPay(checkoutUrl, 'paid_twice');
      assert.equal(paid.statusCode, 200);
      assert.equal(paid.json().redirectUrl, `http://localhost:3000/bari/area-personale/pagamenti/esito/${checkoutId}?esito=ok`);
      const view = (await back(mario, checkoutId, 'ok')).json();
      assert.equal(view.state, 'paid');
      assert.equal(view.payments[0].status, 'paid');
      assert.equal(view.payments[0].paidVia, 'pagopa');
      // Reconciliation reads the same receipts again: nothing changes.
      await reconcileAll(h.ctx);
      await reconcileRecent(h.ctx);
      const d = await detail(p.id);
      assert.equal(d.receipts.length, 1, 'one receipt kept');
      assert.equal(d.receipts[0].outcome, 'applied');
      assert.equal(d.history.filter((e: { action: string }) => e.action === 'payment.paid').length, 1, 'paid once');
      const receipt = await mario.request({ method: 'GET', url: `/api/v1/bari/me/payments/${p.id}/receipt.pdf` });
      assert.equal(receipt.statusCode, 200);
      const text = await pdfTextOf(receipt.rawPayload);
      assert.ok(text.includes('Ricevuta di pagamento') && text.includes('22,00') && text.includes(d.receipts[0].receiptId));
      const mails = (await outbox(h.app, 'mario.rossi@example.it')).filter((m) => m.subject === 'Pagamento ricevuto: Pagata online');
      assert.equal(mails.length, 1);
      assert.ok(mails[0]!.attachments.some((a) => a.filename.startsWith('ricevuta-pagamento')));
      const titles = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/activities' })).json().activities.map((a: { title: string }) => a.title);
      for (const t of ['Pagamento ricevuto: Pagata online', 'Pagamento avviato: Pagata online', "L'ufficio ti ha chiesto un pagamento: Pagata online"])
        assert.ok(titles.includes(t), `Attività: ${t}`);
      assert.equal(
        (await anna.request({ method: 'GET', url: '/api/v1/bari/me/activities' })).json().activities.some((a: { title: string }) => a.title.includes('Pagata online')),
        false,
      );
      const again = await checkout(mario, [p.id]);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'PAYMENT_NOT_PAYABLE');
    });

    it('waits for a late receipt, and leaves a failed or abandoned payment payable', async () => {
      const p = (await create({ description: 'Ricevuta in ritardo' })).json();
      const first = (await checkout(mario, [p.id])).json();
      await simPay(first.checkoutUrl, 'paid_late');
      assert.equal((await back(mario, first.checkoutId, 'ok')).json().state, 'waiting');
      h.clock.advance(3 * 60_000);
      mario = await loginAs(h.app, 'bari', MARIO);
      const later = (await mario.request({ method: 'GET', url: `/api/v1/bari/me/payments/checkouts/${first.checkoutId}` })).json();
      assert.equal(later.state, 'paid');

      const q = (await create({ description: 'Da riprovare' })).json();
      const failed = (await checkout(mario, [q.id])).json();
      assert.match((await simPay(failed.checkoutUrl, 'failed')).json().redirectUrl, /esito=errore$/);
      const afterFail = (await back(mario, failed.checkoutId, 'error')).json();
      assert.equal(afterFail.state, 'failed');
      assert.equal(afterFail.payments[0].status, 'payable');
      assert.equal(afterFail.payments[0].canPay, true);
      const abandoned = (await checkout(mario, [q.id])).json();
      assert.match((await simPay(abandoned.checkoutUrl, 'cancelled')).json().redirectUrl, /esito=annullato$/);
      assert.equal((await back(mario, abandoned.checkoutId, 'cancelled')).json().state, 'cancelled');
      assert.equal((await simPay(abandoned.checkoutUrl, 'paid')).statusCode, 409, 'a closed cart cannot be paid');
      // Resumed later: paid at the third try.
      const resumed = (await checkout(mario, [q.id])).json();
      await simPay(resumed.checkoutUrl, 'paid');
      assert.equal((await back(mario, resumed.checkoutId, 'ok')).json().state, 'paid');
    });

    it('pays several at once, and refuses a second payment of a notice paid in another tab', async () => {
      const a = (await create({ description: 'Primo', amountCents: 100 })).json();
      const b = (await create({ description: 'Secondo', amountCents: 200 })).json();
      const tab1 = (await checkout(mario, [a.id, b.id])).json();
      const tab2 = (await checkout(mario, [a.id])).json();
      const cart = (await h.app.inject({ method: 'GET', url: `/api/v1/pagopa-simulator/carts/${cartOf(tab1.checkoutUrl)}` })).json();
      assert.equal(cart.totalCents, 300);
      await simPay(tab1.checkoutUrl, 'paid');
      assert.equal((await back(mario, tab1.checkoutId, 'ok')).json().state, 'paid');
      assert.match((await simPay(tab2.checkoutUrl, 'paid')).json().redirectUrl, /esito=errore$/, 'pagoPA refuses a notice already paid');
      assert.equal((await back(mario, tab2.checkoutId, 'error')).json().payments[0].status, 'paid');
      assert.equal((await detail(a.id)).receipts.length, 1);
    });

    it('pays once when "segna come pagato" races the receipt, and shows the admins the second payment', async () => {
      const p = (await create({ description: 'Pagata due volte' })).json();
      const c = (await checkout(mario, [p.id])).json();
      await paySimCart(h.ctx.db, h.ctx.clock, cartOf(c.checkoutUrl), 'paid');
      const [marked] = await Promise.all([
        urp.request({
          method: 'POST',
          url: `/api/v1/bari/operator/payments/${p.id}/mark-paid`,
          payload: { reference: 'Tabaccheria 123', note: 'Ricevuta mostrata allo sportello' },
        }),
        reconcileRecent(h.ctx),
      ]);
      assert.ok([200, 409].includes(marked.statusCode), marked.body);
      const d = await detail(p.id);
      assert.equal(d.payment.status, 'paid');
      const settled = d.history.filter((e: { action: string }) => e.action === 'payment.paid' || e.action === 'payment.marked-paid');
      assert.equal(settled.length, 1, 'paid exactly once');
      const anomalies = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/payments/anomalies' })).json().anomalies;
      const mine = anomalies.filter((a: { paymentId: string | null }) => a.paymentId === p.id);
      if (marked.statusCode === 200) {
        assert.equal(mine.length, 1, 'the pagoPA payment after the desk one is for the admins');
        assert.equal(mine[0].outcome, 'already_paid');
      } else assert.equal(mine.length, 0);
      const twice = await Promise.all([1, 2].map(() => urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/mark-paid`, payload: { reference: 'x' } })));
      assert.deepEqual(
        twice.map((r) => r.statusCode),
        [409, 409],
      );
    });

    it('records a desk payment once for a double click, audited with its reference', async () => {
      const p = (await create({ description: 'Pagata in banca' })).json();
      const clicks = await Promise.all(
        [1, 2].map(() => urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/mark-paid`, payload: { reference: 'CRO 0042' } })),
      );
      assert.deepEqual(clicks.map((r) => r.statusCode).sort(), [200, 409]);
      const d = await detail(p.id);
      assert.equal(d.payment.paidVia, 'offline');
      assert.equal(d.receipts.length, 1);
      assert.equal(d.receipts[0].reference, 'CRO 0042');
      const entry = d.history.find((e: { action: string }) => e.action === 'payment.marked-paid');
      assert.equal(entry.by, 'Maria Lorusso (URP)');
      const mario2 = (await minePayments(mario)).payments.find((x: { id: string }) => x.id === p.id);
      assert.equal(mario2.status, 'paid');
      assert.equal((await mario.request({ method: 'GET', url: mario2.receiptUrl })).statusCode, 200);
    });

    it('cancels with a reason: no longer payable, Mario told', async () => {
      const p = (await create({ description: 'Emessa per errore' })).json();
      const cancelled = await urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/cancel`, payload: { reason: 'Importo già versato con altra pratica' } });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().payment.status, 'cancelled');
      assert.equal((await checkout(mario, [p.id])).json().code, 'PAYMENT_NOT_PAYABLE');
      assert.equal((await urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/cancel`, payload: { reason: 'di nuovo' } })).statusCode, 409);
      const mail = (await outbox(h.app, 'mario.rossi@example.it')).find((m) => m.subject === 'Pagamento annullato: Emessa per errore');
      assert.ok(mail?.text.includes('Importo già versato con altra pratica'));
    });

    it('does not settle a notice with a receipt for less, nor read a receipt without amount', async () => {
      const p = (await create({ description: 'Importo ridotto', amountCents: 5000 })).json();
      const tenant = (await findTenantBySlug(h.ctx.db, 'bari'))!;
      const receipt = { receiptId: 'less-1', iuv: p.iuv, amountCents: 4000, paidAt: h.clock.now(), psp: 'Banca', payer: null, raw: {} };
      assert.equal(await applyReceipt(h.ctx, tenant, receipt), 'amount_mismatch');
      assert.equal((await detail(p.id)).payment.status, 'payable', 'still 10 euro to pay');
      assert.equal(await applyReceipt(h.ctx, tenant, { ...receipt, receiptId: 'zero', amountCents: 0 }), 'malformed');
      assert.equal(await applyReceipt(h.ctx, tenant, { ...receipt, receiptId: 'nan', amountCents: Number.NaN }), 'malformed');
    });

    it('flags a receipt for a notice the comune never issued, until an admin reviews it', async () => {
      await h.ctx.db.updateTable('operators').set({ email: 'ragioneria@comune.bari.it' }).where('username', '=', 'admin.bari').execute();
      await simForeignReceipt(h.ctx.db, BARI_FISCAL_CODE, '01202699999999912', 5000, h.clock.now());
      await reconcileAll(h.ctx);
      await reconcileAll(h.ctx);
      const list = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/payments/anomalies' })).json().anomalies;
      const foreign = list.filter((a: { iuv: string }) => a.iuv === '01202699999999912');
      assert.equal(foreign.length, 1, 'once, though reconciliation ran twice');
      assert.equal(foreign[0].outcome, 'unknown_notice');
      const told = (await outbox(h.app, 'ragioneria@comune.bari.it')).filter((m) => m.subject.startsWith('Ricevuta pagoPA da verificare'));
      assert.equal(told.length, 1, 'the admin is told once');
      assert.match(told[0]!.text, /50,00 € per lo IUV 01202699999999912[\s\S]*non ha emesso questo avviso/);
      const byOperator = await urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/anomalies/${foreign[0].id}/review`, payload: { note: 'x' } });
      assert.equal(byOperator.statusCode, 403);
      const reviewed = await admin.request({
        method: 'POST',
        url: `/api/v1/bari/operator/payments/anomalies/${foreign[0].id}/review`,
        payload: { note: 'Pagamento di un avviso TARI emesso dal gestionale: registrato lì.' },
      });
      assert.equal(reviewed.statusCode, 204);
      const after = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/payments/anomalies' })).json().anomalies;
      assert.equal(
        after.some((a: { iuv: string }) => a.iuv === '01202699999999912'),
        false,
      );
    });

    it('splits in instalments that add up to the cent, each with its own notice', async () => {
      const res = await create({ description: 'Canone a rate', amountCents: 10000, instalments: 3, kind: 'occupazione-suolo' });
      assert.equal(res.statusCode, 201, res.body);
      const d = await detail(res.json().id);
      assert.deepEqual(
        d.payment.options.map((o: { instalment: number; amountCents: number; dueOn: string }) => [o.instalment, o.amountCents, o.dueOn]),
        [
          [1, 3334, '2026-03-31'],
          [2, 3333, '2026-04-30'],
          [3, 3333, '2026-05-31'],
        ],
      );
      assert.ok(d.payment.options.every((o: { nav: string }) => navIsValid(o.nav)));
      const pdf = await urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments/${res.json().id}/notice.pdf` });
      const text = await pdfTextOf(pdf.rawPayload);
      for (const expected of ['Puoi pagare in 3 rate', 'Rata 1', 'Rata 2', 'Rata 3', '33,34 Euro']) assert.ok(text.includes(expected), expected);
      // Paying the first instalment leaves the rest to pay.
      const c = (await checkout(mario, [res.json().id])).json();
      await simPay(c.checkoutUrl, 'paid');
      const view = (await back(mario, c.checkoutId, 'ok')).json();
      assert.equal(view.state, 'paid');
      assert.equal(view.payments[0].status, 'payable');
      assert.deepEqual(
        view.payments[0].options.map((o: { status: string }) => o.status),
        ['paid', 'payable', 'payable'],
      );
      const cancel = await urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${res.json().id}/cancel`, payload: { reason: 'Rinuncia' } });
      assert.equal(cancel.json().code, 'PAYMENT_PARTIALLY_PAID', 'an instalment is paid: not cancelled');
    });

    it('reminds Mario three days before the due date, and marks it overdue after (still payable)', async () => {
      const p = (await create({ description: 'In scadenza', dueDate: '2026-03-04' })).json();
      await reconcileAll(h.ctx);
      await reconcileAll(h.ctx);
      const reminders = (await outbox(h.app, 'mario.rossi@example.it')).filter((m) => m.subject === 'Promemoria: pagamento in scadenza - In scadenza');
      assert.equal(reminders.length, 1, 'once');
      assert.match(reminders[0]!.text, /scade il 04\/03\/2026/);
      h.clock.advance(3 * 86_400_000);
      mario = await loginAs(h.app, 'bari', MARIO);
      urp = await signIn(h.app, 'bari', 'urp.bari');
      admin = await signIn(h.app, 'bari', 'admin.bari');
      anna = await loginAs(h.app, 'bari', ANNA);
      await reconcileAll(h.ctx);
      const overdue = (await minePayments(mario)).payments.find((x: { id: string }) => x.id === p.id);
      assert.deepEqual([overdue.status, overdue.canPay], ['expired', true]);
      const c = (await checkout(mario, [p.id])).json();
      await simPay(c.checkoutUrl, 'paid');
      assert.equal((await back(mario, c.checkoutId, 'ok')).json().payments[0].status, 'paid', 'a late payment settles it');
    });

    it('lists, finds and exports the comune’s positions', async () => {
      const all = (await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments' })).json();
      assert.ok(all.total >= 10);
      const paid = (await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments?status=paid' })).json();
      assert.ok(paid.payments.length > 0 && paid.payments.every((p: { status: string }) => p.status === 'paid'));
      const one = all.payments[0];
      const byNav = (await urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments?q=${one.options[0].nav}` })).json();
      assert.deepEqual(
        byNav.payments.map((p: { id: string }) => p.id),
        [one.id],
      );
      const byCode = (await urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments?q=${MARIO.toLowerCase()}` })).json();
      assert.equal(byCode.total, all.total);
      const csv = await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments.csv?status=cancelled' });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /^\uFEFF?Codice avviso;/);
      assert.ok(csv.body.includes('Emessa per errore'));
      assert.ok(csv.body.includes('annullato'));
    });

    it('lets admins read and change the pagoPA settings, checked as the installer’s file; officers may not', async () => {
      const url = '/api/v1/bari/operator/admin/payments';
      assert.equal((await urp.request({ method: 'GET', url })).statusCode, 403);
      const current = (await admin.request({ method: 'GET', url })).json();
      assert.equal(current.settings.fiscalCode, BARI_FISCAL_CODE);
      assert.deepEqual(current.keys, { gpd: false, receipts: false });
      const wrong = await admin.request({ method: 'PUT', url, payload: { ...current.settings, ibans: [{ iban: 'IT61X0542811101000000123456', label: 'x' }], provider: 'pagopa' } });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(
        wrong
          .json()
          .fields.map((f: { field: string }) => f.field)
          .sort(),
        ['ibans[0].iban', 'kinds[0].iban', 'kinds[1].iban', 'kinds[2].iban', 'kinds[3].iban', 'kinds[4].iban', 'kinds[5].iban', 'provider', 'provider'],
      );
      const other = await admin.request({ method: 'PUT', url, payload: { ...current.settings, fiscalCode: '00382920722' } });
      assert.equal(other.statusCode, 400);
      assert.match(other.json().fields[0].message, /codice fiscale del Comune \(80015010723\)/);
      const renumbered = await admin.request({ method: 'PUT', url, payload: { ...current.settings, segregationCode: '02' } });
      assert.equal(renumbered.json().fields[0].message, 'non si può cambiare: il Comune ha già avvisi numerati con quello attuale');
      const saved = await admin.request({ method: 'PUT', url, payload: { ...current.settings, sector: 'Ragioneria' } });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().settings.sector, 'Ragioneria');
      const audit = await h.ctx.db.selectFrom('audit_log').select(['actor_type', 'details']).where('action', '=', 'payment.creditor-updated').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_type, 'operator');
    });

    it('refuses bad input with a clear 400 and changes nothing', async () => {
      const before = (await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments' })).json().total;
      for (const [body, field] of [
        [{ amountCents: 0 }, 'amountCents'],
        [{ amountCents: 12.5 }, 'amountCents'],
        [{ amountCents: '1650' }, 'amountCents'],
        [{ description: 'Diritti\u0000' }, 'description'],
        [{ description: 'x'.repeat(141) }, 'description'],
        [{ dueDate: '2026-02-01' }, 'dueDate'],
        [{ dueDate: '31/03/2026' }, 'dueDate'],
        [{ dueDate: '2026-02-30' }, 'dueDate'],
        [{ dueDate: '9999-12-01', instalments: 12 }, 'dueDate'],
        [{ kind: 'non-esiste' }, null],
        [{ debtor: { fiscalCode: 'ABC', name: 'X' } }, 'fiscalCode'],
        [{ instalments: 13 }, 'instalments'],
      ] as const) {
        const res = await create(body);
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
        if (field) assert.ok(res.body.includes(field), res.body);
      }
      assert.equal((await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments' })).json().total, before);
      assert.equal((await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments?from=2026-13-45' })).statusCode, 400);
      assert.equal((await urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments.csv?to=9999-99-99' })).statusCode, 400);
      const six = await checkout(
        mario,
        Array.from({ length: 6 }, () => crypto.randomUUID()),
      );
      assert.equal(six.statusCode, 400);
    });
  });
}

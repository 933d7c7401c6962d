// pagoPA payments through HTTP, on the local simulator: an officer asks Mario for a fee (a notice with
// a valid number, once even on a double click), Mario pays it in the simulator's checkout and comes
// back to a paid position with its receipt, once, though the receipt arrives twice; a late receipt
// leaves him "waiting" until it comes; a failed or abandoned payment leaves the position payable;
// "segna come pagato" racing a receipt pays once; a receipt for an unknown notice reaches the admins;
// nobody else sees or pays Mario's positions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { paySimCart, reconcileAll, reconcileRecent } from '../server/modules/payments/index.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES } from './support/harness.ts';
import { pdfTextOf } from './support/pdf-text.ts';
import { BARI_FISCAL_CODE, MARIO, cartOf, navIsValid, paymentsWorld, type PaymentsWorld } from './support/payments.ts';
import { signIn } from './support/operator.ts';

for (const engine of ENGINES) {
  describe(`pagoPA payments, citizens (${engine.name})`, () => {
    let w: PaymentsWorld;
    before(async () => {
      w = await paymentsWorld(engine.url);
    });
    after(async () => w.h.close());

    it('creates a position with a valid notice number, once for a double click, and tells Mario with the notice attached', async () => {
      const [a, b] = await Promise.all([w.create({}, 'desk-fee-0001'), w.create({}, 'desk-fee-0001')]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201], `${a.body} ${b.body}`);
      assert.equal(a.json().id, b.json().id, 'one position');
      const p = a.json();
      assert.ok(navIsValid(p.nav), p.nav);
      assert.equal(p.nav.slice(1, 3), '01', "Bari's segregation code");
      assert.equal(p.iuv, p.nav.slice(1));
      assert.equal(p.status, 'payable', 'published to the simulator');
      assert.equal(p.amountCents, 1650);
      const reused = await w.create({ amountCents: 9999 }, 'desk-fee-0001');
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().code, 'IDEMPOTENCY_KEY_REUSED');

      const mail = (await outbox(w.h.app, 'mario.rossi@example.it')).find((m) => m.subject.startsWith('Avviso di pagamento'));
      assert.ok(mail, 'Mario is told');
      assert.ok(mail.text.includes('16,50 €'));
      assert.ok(mail.attachments.some((x) => x.contentType === 'application/pdf' && x.filename === `avviso-pagamento-${p.nav}.pdf`));
      // The outbox API shows attachments as text: the bytes are read from the outbox itself.
      const row = await w.h.ctx.db.selectFrom('mail_outbox').select('attachments').where('subject', '=', mail.subject).executeTakeFirstOrThrow();
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
      const listed = await w.minePayments(w.mario);
      const mine = listed.payments.find((x: { id: string }) => x.id === p.id);
      assert.equal(mine.status, 'payable');
      assert.equal(mine.canPay, true);
      assert.equal(listed.simulator, true);
      const notice = await w.mario.request({ method: 'GET', url: mine.noticeUrl });
      assert.equal(notice.statusCode, 200);
      assert.equal(notice.headers['content-type'], 'application/pdf');
    });

    it('keeps Mario’s positions from anyone else: Anna, and another comune’s officers', async () => {
      const p = (await w.create({ description: 'Riservato a Mario' })).json();
      assert.equal(
        (await w.minePayments(w.anna)).payments.some((x: { id: string }) => x.id === p.id),
        false,
      );
      assert.equal((await w.anna.request({ method: 'GET', url: `/api/v1/bari/me/payments/${p.id}/notice.pdf` })).statusCode, 404);
      const stolen = await w.checkout(w.anna, [p.id]);
      assert.equal(stolen.statusCode, 404);
      const bitonto = await signIn(w.h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'GET', url: `/api/v1/bitonto/operator/payments/${p.id}` })).statusCode, 404);
      assert.equal((await w.h.app.inject({ method: 'GET', url: '/api/v1/bari/me/payments' })).statusCode, 401);
    });

    it('pays through the simulator and comes back to a paid position, once though the receipt arrives twice', async () => {
      const p = (await w.create({ description: 'Pagata online', amountCents: 2200 })).json();
      const started = await w.checkout(w.mario, [p.id]);
      assert.equal(started.statusCode, 201, started.body);
      const { checkoutId, checkoutUrl } = started.json();
      assert.match(checkoutUrl, /^http:\/\/localhost:3000\/pagopa-simulatore\//);
      const cart = (await w.h.app.inject({ method: 'GET', url: `/api/v1/pagopa-simulator/carts/${cartOf(checkoutUrl)}` })).json();
      assert.deepEqual(
        cart.notices.map((n: { noticeNumber: string; amount: number; fiscalCode: string }) => [n.noticeNumber, n.amount, n.fiscalCode]),
        [[p.nav, 2200, BARI_FISCAL_CODE]],
      );
      const paid = await w.simPay(checkoutUrl, 'paid_twice');
      assert.equal(paid.statusCode, 200);
      assert.equal(paid.json().redirectUrl, `http://localhost:3000/bari/area-personale/pagamenti/esito/${checkoutId}?esito=ok`);
      const view = (await w.back(w.mario, checkoutId, 'ok')).json();
      assert.equal(view.state, 'paid');
      assert.equal(view.payments[0].status, 'paid');
      assert.equal(view.payments[0].paidVia, 'pagopa');
      // Reconciliation reads the same receipts again: nothing changes.
      await reconcileAll(w.h.ctx);
      await reconcileRecent(w.h.ctx);
      const d = await w.detail(p.id);
      assert.equal(d.receipts.length, 1, 'one receipt kept');
      assert.equal(d.receipts[0].outcome, 'applied');
      assert.equal(d.history.filter((e: { action: string }) => e.action === 'payment.paid').length, 1, 'paid once');
      const receipt = await w.mario.request({ method: 'GET', url: `/api/v1/bari/me/payments/${p.id}/receipt.pdf` });
      assert.equal(receipt.statusCode, 200);
      const text = await pdfTextOf(receipt.rawPayload);
      assert.ok(text.includes('Ricevuta di pagamento') && text.includes('22,00') && text.includes(d.receipts[0].receiptId));
      const mails = (await outbox(w.h.app, 'mario.rossi@example.it')).filter((m) => m.subject === 'Pagamento ricevuto: Pagata online');
      assert.equal(mails.length, 1);
      assert.ok(mails[0]!.attachments.some((a) => a.filename.startsWith('ricevuta-pagamento')));
      const titles = (await w.mario.request({ method: 'GET', url: '/api/v1/bari/me/activities' })).json().activities.map((a: { title: string }) => a.title);
      for (const t of ['Pagamento ricevuto: Pagata online', 'Pagamento avviato: Pagata online', "L'ufficio ti ha chiesto un pagamento: Pagata online"])
        assert.ok(titles.includes(t), `Attività: ${t}`);
      assert.equal(
        (await w.anna.request({ method: 'GET', url: '/api/v1/bari/me/activities' })).json().activities.some((a: { title: string }) => a.title.includes('Pagata online')),
        false,
      );
      const again = await w.checkout(w.mario, [p.id]);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'PAYMENT_NOT_PAYABLE');
    });

    it('waits for a late receipt, and leaves a failed or abandoned payment payable', async () => {
      const p = (await w.create({ description: 'Ricevuta in ritardo' })).json();
      const first = (await w.checkout(w.mario, [p.id])).json();
      await w.simPay(first.checkoutUrl, 'paid_late');
      assert.equal((await w.back(w.mario, first.checkoutId, 'ok')).json().state, 'waiting');
      w.h.clock.advance(3 * 60_000);
      await w.signInAgain();
      const later = (await w.mario.request({ method: 'GET', url: `/api/v1/bari/me/payments/checkouts/${first.checkoutId}` })).json();
      assert.equal(later.state, 'paid');

      const q = (await w.create({ description: 'Da riprovare' })).json();
      const failed = (await w.checkout(w.mario, [q.id])).json();
      assert.match((await w.simPay(failed.checkoutUrl, 'failed')).json().redirectUrl, /esito=errore$/);
      const afterFail = (await w.back(w.mario, failed.checkoutId, 'error')).json();
      assert.equal(afterFail.state, 'failed');
      assert.equal(afterFail.payments[0].status, 'payable');
      assert.equal(afterFail.payments[0].canPay, true);
      const abandoned = (await w.checkout(w.mario, [q.id])).json();
      assert.match((await w.simPay(abandoned.checkoutUrl, 'cancelled')).json().redirectUrl, /esito=annullato$/);
      assert.equal((await w.back(w.mario, abandoned.checkoutId, 'cancelled')).json().state, 'cancelled');
      assert.equal((await w.simPay(abandoned.checkoutUrl, 'paid')).statusCode, 409, 'a closed cart cannot be paid');
      // Resumed later: paid at the third try.
      const resumed = (await w.checkout(w.mario, [q.id])).json();
      await w.simPay(resumed.checkoutUrl, 'paid');
      assert.equal((await w.back(w.mario, resumed.checkoutId, 'ok')).json().state, 'paid');
    });

    it('pays several at once, and refuses a second payment of a notice paid in another tab', async () => {
      const a = (await w.create({ description: 'Primo', amountCents: 100 })).json();
      const b = (await w.create({ description: 'Secondo', amountCents: 200 })).json();
      const tab1 = (await w.checkout(w.mario, [a.id, b.id])).json();
      const tab2 = (await w.checkout(w.mario, [a.id])).json();
      const cart = (await w.h.app.inject({ method: 'GET', url: `/api/v1/pagopa-simulator/carts/${cartOf(tab1.checkoutUrl)}` })).json();
      assert.equal(cart.totalCents, 300);
      await w.simPay(tab1.checkoutUrl, 'paid');
      assert.equal((await w.back(w.mario, tab1.checkoutId, 'ok')).json().state, 'paid');
      assert.match((await w.simPay(tab2.checkoutUrl, 'paid')).json().redirectUrl, /esito=errore$/, 'pagoPA refuses a notice already paid');
      assert.equal((await w.back(w.mario, tab2.checkoutId, 'error')).json().payments[0].status, 'paid');
      assert.equal((await w.detail(a.id)).receipts.length, 1);
    });

    it('pays once when "segna come pagato" races the receipt, and shows the admins the second payment', async () => {
      const p = (await w.create({ description: 'Pagata due volte' })).json();
      const c = (await w.checkout(w.mario, [p.id])).json();
      await paySimCart(w.h.ctx.db, w.h.ctx.clock, cartOf(c.checkoutUrl), 'paid');
      const [marked] = await Promise.all([
        w.urp.request({
          method: 'POST',
          url: `/api/v1/bari/operator/payments/${p.id}/mark-paid`,
          payload: { reference: 'Tabaccheria 123', note: 'Ricevuta mostrata allo sportello' },
        }),
        reconcileRecent(w.h.ctx),
      ]);
      assert.ok([200, 409].includes(marked.statusCode), marked.body);
      const d = await w.detail(p.id);
      assert.equal(d.payment.status, 'paid');
      const settled = d.history.filter((e: { action: string }) => e.action === 'payment.paid' || e.action === 'payment.marked-paid');
      assert.equal(settled.length, 1, 'paid exactly once');
      const anomalies = (await w.admin.request({ method: 'GET', url: '/api/v1/bari/operator/payments/anomalies' })).json().anomalies;
      const mine = anomalies.filter((a: { paymentId: string | null }) => a.paymentId === p.id);
      if (marked.statusCode === 200) {
        assert.equal(mine.length, 1, 'the pagoPA payment after the desk one is for the admins');
        assert.equal(mine[0].outcome, 'already_paid');
      } else assert.equal(mine.length, 0);
      const twice = await Promise.all([1, 2].map(() => w.urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/mark-paid`, payload: { reference: 'x' } })));
      assert.deepEqual(
        twice.map((r) => r.statusCode),
        [409, 409],
      );
    });
  });
}

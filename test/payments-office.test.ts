// pagoPA payments at the desk and for the admins, through HTTP on the simulator: "segna come pagato"
// once for a double click, cancellation with a reason (not of a partly paid plan), receipts that
// cannot pay (for less, unreadable, for a notice never issued: to the admins, by email too),
// instalments that add up to the cent, reminders and overdue positions still payable, the list with
// its filters and CSV, the comune's pagoPA settings, and bad input refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyReceipt, reconcileAll, simForeignReceipt } from '../server/modules/payments/index.ts';
import { findTenantBySlug } from '../server/platform/tenants/repository.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES } from './support/harness.ts';
import { pdfTextOf } from './support/pdf-text.ts';
import { BARI_FISCAL_CODE, MARIO, navIsValid, paymentsWorld, type PaymentsWorld } from './support/payments.ts';

for (const engine of ENGINES) {
  describe(`pagoPA payments, the office (${engine.name})`, () => {
    let w: PaymentsWorld;
    before(async () => {
      w = await paymentsWorld(engine.url);
    });
    after(async () => w.h.close());

    it('records a desk payment once for a double click, audited with its reference', async () => {
      const p = (await w.create({ description: 'Pagata in banca' })).json();
      const clicks = await Promise.all(
        [1, 2].map(() => w.urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/mark-paid`, payload: { reference: 'CRO 0042' } })),
      );
      assert.deepEqual(clicks.map((r) => r.statusCode).sort(), [200, 409]);
      const d = await w.detail(p.id);
      assert.equal(d.payment.paidVia, 'offline');
      assert.equal(d.receipts.length, 1);
      assert.equal(d.receipts[0].reference, 'CRO 0042');
      const entry = d.history.find((e: { action: string }) => e.action === 'payment.marked-paid');
      assert.equal(entry.by, 'Maria Lorusso (URP)');
      const mario2 = (await w.minePayments(w.mario)).payments.find((x: { id: string }) => x.id === p.id);
      assert.equal(mario2.status, 'paid');
      assert.equal((await w.mario.request({ method: 'GET', url: mario2.receiptUrl })).statusCode, 200);
    });

    it('cancels with a reason: no longer payable, Mario told', async () => {
      const p = (await w.create({ description: 'Emessa per errore' })).json();
      const cancelled = await w.urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/cancel`, payload: { reason: 'Importo già versato con altra pratica' } });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().payment.status, 'cancelled');
      assert.equal((await w.checkout(w.mario, [p.id])).json().code, 'PAYMENT_NOT_PAYABLE');
      assert.equal((await w.urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${p.id}/cancel`, payload: { reason: 'di nuovo' } })).statusCode, 409);
      const mail = (await outbox(w.h.app, 'mario.rossi@example.it')).find((m) => m.subject === 'Pagamento annullato: Emessa per errore');
      assert.ok(mail?.text.includes('Importo già versato con altra pratica'));
    });

    it('does not settle a notice with a receipt for less, nor read a receipt without amount', async () => {
      const p = (await w.create({ description: 'Importo ridotto', amountCents: 5000 })).json();
      const tenant = (await findTenantBySlug(w.h.ctx.db, 'bari'))!;
      const receipt = { receiptId: 'less-1', iuv: p.iuv, amountCents: 4000, paidAt: w.h.clock.now(), psp: 'Banca', payer: null, raw: {} };
      assert.equal(await applyReceipt(w.h.ctx, tenant, receipt), 'amount_mismatch');
      assert.equal((await w.detail(p.id)).payment.status, 'payable', 'still 10 euro to pay');
      assert.equal(await applyReceipt(w.h.ctx, tenant, { ...receipt, receiptId: 'zero', amountCents: 0 }), 'malformed');
      assert.equal(await applyReceipt(w.h.ctx, tenant, { ...receipt, receiptId: 'nan', amountCents: Number.NaN }), 'malformed');
    });

    it('flags a receipt for a notice the comune never issued, until an w.admin reviews it', async () => {
      await w.h.ctx.db.updateTable('operators').set({ email: 'ragioneria@comune.bari.it' }).where('username', '=', 'admin.bari').execute();
      await simForeignReceipt(w.h.ctx.db, BARI_FISCAL_CODE, '01202699999999912', 5000, w.h.clock.now());
      await reconcileAll(w.h.ctx);
      await reconcileAll(w.h.ctx);
      const list = (await w.admin.request({ method: 'GET', url: '/api/v1/bari/operator/payments/anomalies' })).json().anomalies;
      const foreign = list.filter((a: { iuv: string }) => a.iuv === '01202699999999912');
      assert.equal(foreign.length, 1, 'once, though reconciliation ran twice');
      assert.equal(foreign[0].outcome, 'unknown_notice');
      const told = (await outbox(w.h.app, 'ragioneria@comune.bari.it')).filter((m) => m.subject.startsWith('Ricevuta pagoPA da verificare'));
      assert.equal(told.length, 1, 'the w.admin is told once');
      assert.match(told[0]!.text, /50,00 € per lo IUV 01202699999999912[\s\S]*non ha emesso questo avviso/);
      const byOperator = await w.urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/anomalies/${foreign[0].id}/review`, payload: { note: 'x' } });
      assert.equal(byOperator.statusCode, 403);
      const reviewed = await w.admin.request({
        method: 'POST',
        url: `/api/v1/bari/operator/payments/anomalies/${foreign[0].id}/review`,
        payload: { note: 'Pagamento di un avviso TARI emesso dal gestionale: registrato lì.' },
      });
      assert.equal(reviewed.statusCode, 204);
      const after = (await w.admin.request({ method: 'GET', url: '/api/v1/bari/operator/payments/anomalies' })).json().anomalies;
      assert.equal(
        after.some((a: { iuv: string }) => a.iuv === '01202699999999912'),
        false,
      );
    });

    it('splits in instalments that add up to the cent, each with its own notice', async () => {
      const res = await w.create({ description: 'Canone a rate', amountCents: 10000, instalments: 3, kind: 'occupazione-suolo' });
      assert.equal(res.statusCode, 201, res.body);
      const d = await w.detail(res.json().id);
      assert.deepEqual(
        d.payment.options.map((o: { instalment: number; amountCents: number; dueOn: string }) => [o.instalment, o.amountCents, o.dueOn]),
        [
          [1, 3334, '2026-03-31'],
          [2, 3333, '2026-04-30'],
          [3, 3333, '2026-05-31'],
        ],
      );
      assert.ok(d.payment.options.every((o: { nav: string }) => navIsValid(o.nav)));
      const pdf = await w.urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments/${res.json().id}/notice.pdf` });
      const text = await pdfTextOf(pdf.rawPayload);
      for (const expected of ['Puoi pagare in 3 rate', 'Rata 1', 'Rata 2', 'Rata 3', '33,34 Euro']) assert.ok(text.includes(expected), expected);
      // Paying the first instalment leaves the rest to pay.
      const c = (await w.checkout(w.mario, [res.json().id])).json();
      await w.simPay(c.checkoutUrl, 'paid');
      const view = (await w.back(w.mario, c.checkoutId, 'ok')).json();
      assert.equal(view.state, 'paid');
      assert.equal(view.payments[0].status, 'payable');
      assert.deepEqual(
        view.payments[0].options.map((o: { status: string }) => o.status),
        ['paid', 'payable', 'payable'],
      );
      const cancel = await w.urp.request({ method: 'POST', url: `/api/v1/bari/operator/payments/${res.json().id}/cancel`, payload: { reason: 'Rinuncia' } });
      assert.equal(cancel.json().code, 'PAYMENT_PARTIALLY_PAID', 'an instalment is paid: not cancelled');
    });

    it('reminds Mario three days before the due date, and marks it overdue after (still payable)', async () => {
      const p = (await w.create({ description: 'In scadenza', dueDate: '2026-03-04' })).json();
      await reconcileAll(w.h.ctx);
      await reconcileAll(w.h.ctx);
      const reminders = (await outbox(w.h.app, 'mario.rossi@example.it')).filter((m) => m.subject === 'Promemoria: pagamento in scadenza - In scadenza');
      assert.equal(reminders.length, 1, 'once');
      assert.match(reminders[0]!.text, /scade il 04\/03\/2026/);
      w.h.clock.advance(3 * 86_400_000);
      await w.signInAgain();
      await reconcileAll(w.h.ctx);
      const overdue = (await w.minePayments(w.mario)).payments.find((x: { id: string }) => x.id === p.id);
      assert.deepEqual([overdue.status, overdue.canPay], ['expired', true]);
      const c = (await w.checkout(w.mario, [p.id])).json();
      await w.simPay(c.checkoutUrl, 'paid');
      assert.equal((await w.back(w.mario, c.checkoutId, 'ok')).json().payments[0].status, 'paid', 'a late payment settles it');
    });

    it('lists, finds and exports the comune’s positions', async () => {
      const all = (await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments' })).json();
      assert.ok(all.total >= 5);
      const paid = (await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments?status=paid' })).json();
      assert.ok(paid.payments.length > 0 && paid.payments.every((p: { status: string }) => p.status === 'paid'));
      const one = all.payments[0];
      const byNav = (await w.urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments?q=${one.options[0].nav}` })).json();
      assert.deepEqual(
        byNav.payments.map((p: { id: string }) => p.id),
        [one.id],
      );
      const byCode = (await w.urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments?q=${MARIO.toLowerCase()}` })).json();
      assert.equal(byCode.total, all.total);
      const csv = await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments.csv?status=cancelled' });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /^\uFEFF?Codice avviso;/);
      assert.ok(csv.body.includes('Emessa per errore'));
      assert.ok(csv.body.includes('annullato'));
    });

    it('lets admins read and change the pagoPA settings, checked as the installer’s file; officers may not', async () => {
      const url = '/api/v1/bari/operator/admin/payments';
      assert.equal((await w.urp.request({ method: 'GET', url })).statusCode, 403);
      const current = (await w.admin.request({ method: 'GET', url })).json();
      assert.equal(current.settings.fiscalCode, BARI_FISCAL_CODE);
      assert.deepEqual(current.keys, { gpd: false, receipts: false });
      const wrong = await w.admin.request({
        method: 'PUT',
        url,
        payload: { ...current.settings, ibans: [{ iban: 'IT61X0542811101000000123456', label: 'x' }], provider: 'pagopa' },
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(
        wrong
          .json()
          .fields.map((f: { field: string }) => f.field)
          .sort(),
        ['ibans[0].iban', 'kinds[0].iban', 'kinds[1].iban', 'kinds[2].iban', 'kinds[3].iban', 'kinds[4].iban', 'kinds[5].iban', 'provider', 'provider'],
      );
      const other = await w.admin.request({ method: 'PUT', url, payload: { ...current.settings, fiscalCode: '00382920722' } });
      assert.equal(other.statusCode, 400);
      assert.match(other.json().fields[0].message, /codice fiscale del Comune \(80015010723\)/);
      const renumbered = await w.admin.request({ method: 'PUT', url, payload: { ...current.settings, segregationCode: '02' } });
      assert.equal(renumbered.json().fields[0].message, 'non si può cambiare: il Comune ha già avvisi numerati con quello attuale');
      const saved = await w.admin.request({ method: 'PUT', url, payload: { ...current.settings, sector: 'Ragioneria' } });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().settings.sector, 'Ragioneria');
      const audit = await w.h.ctx.db.selectFrom('audit_log').select(['actor_type', 'details']).where('action', '=', 'payment.creditor-updated').execute();
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_type, 'operator');
    });

    it('refuses bad input with a clear 400 and changes nothing', async () => {
      const before = (await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments' })).json().total;
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
        const res = await w.create(body);
        assert.equal(res.statusCode, 400, `${JSON.stringify(body)} → ${res.body}`);
        if (field) assert.ok(res.body.includes(field), res.body);
      }
      assert.equal((await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments' })).json().total, before);
      assert.equal((await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments?from=2026-13-45' })).statusCode, 400);
      assert.equal((await w.urp.request({ method: 'GET', url: '/api/v1/bari/operator/payments.csv?to=9999-99-99' })).statusCode, 400);
      const six = await w.checkout(
        w.mario,
        Array.from({ length: 6 }, () => crypto.randomUUID()),
      );
      assert.equal(six.statusCode, 400);
    });
  });
}

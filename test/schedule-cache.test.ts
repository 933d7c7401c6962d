// A booking reads the service and that day's desk hours from a short-lived per-node cache
// (booking/schedule-cache.ts). An admin's change of the schedule must reach the very next booking:
// a day closed after a booking of that day was made is closed for the next one too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { applicant, book, findService, freeSlots } from './support/fixtures.ts';
import { signIn } from './support/operator.ts';

for (const engine of ENGINES) {
  describe(`the schedule read by bookings (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('follows a closure added after a booking of the same day was made', async () => {
      const { office, service } = await findService(h.app, 'bari', 'Anagrafe');
      const day = '2026-03-05';
      const [first, second] = await freeSlots(h.app, 'bari', service.id, day, day);
      assert.ok(first && second, 'two free slots that day');
      const booked = await book(h.app, 'bari', { serviceId: service.id, start: first.start, applicant: applicant('prima@example.it') });
      assert.equal(booked.statusCode, 201, booked.body);

      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const closure = await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/exceptions', payload: { officeId: office.id, day, kind: 'closed' } });
      assert.equal(closure.statusCode, 201, closure.body);

      const refused = await book(h.app, 'bari', { serviceId: service.id, start: second.start, applicant: applicant('seconda@example.it') });
      assert.equal(refused.statusCode, 400, refused.body);
      assert.equal(refused.json().code, 'SLOT_NOT_OFFERED');

      const reopened = await admin.request({ method: 'DELETE', url: `/api/v1/bari/operator/admin/exceptions/${closure.json().id}` });
      assert.equal(reopened.statusCode, 204);
      const again = await book(h.app, 'bari', { serviceId: service.id, start: second.start, applicant: applicant('seconda@example.it') });
      assert.equal(again.statusCode, 201, again.body);
    });

    it("shows a service's new duration in the availability read right after the change", async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const day = '2026-03-06';
      const ends = async () => (await freeSlots(h.app, 'bari', service.id, day, day)).map((s) => Date.parse(s.end) - Date.parse(s.start));
      const before = await ends();
      assert.ok(before.length > 0 && before.every((d) => d === service.durationMinutes * 60_000));
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const longer = service.durationMinutes + 15;
      const patched = await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/services/${service.id}`, payload: { durationMinutes: longer } });
      assert.equal(patched.statusCode, 200, patched.body);
      const after = await ends();
      assert.ok(after.length > 0 && after.every((d) => d === longer * 60_000), 'every slot lasts the new duration');
    });

    it('shows a closure, and its removal, in the availability read right after the change', async () => {
      const { office, service } = await findService(h.app, 'bari', 'Anagrafe');
      const day = '2026-03-10';
      const count = async () => (await freeSlots(h.app, 'bari', service.id, day, day)).length;
      const open = await count();
      assert.ok(open > 0, 'the day has free slots');
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const closure = await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/exceptions', payload: { officeId: office.id, day, kind: 'closed' } });
      assert.equal(closure.statusCode, 201, closure.body);
      assert.equal(await count(), 0, 'the closed day offers nothing');
      const reopened = await admin.request({ method: 'DELETE', url: `/api/v1/bari/operator/admin/exceptions/${closure.json().id}` });
      assert.equal(reopened.statusCode, 204);
      assert.equal(await count(), open, 'the reopened day offers its slots again');
    });
  });
}

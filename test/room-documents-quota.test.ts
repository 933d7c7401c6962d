// Documents of a video room have limits beyond a single file's size: the room's (and its
// appointment's) total and a number of files; a document sent twice is stored once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { applicant, book, findService, freeSlots, tokenOf } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

const KB = 1024;
/** A real-looking PDF of about `kb` kilobytes (random content: every one differs). */
const pdf = (kb: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(kb * KB), Buffer.from('\n%%EOF\n')]);

for (const engine of ENGINES) {
  describe(`quotas and duplicates of a room's documents (${engine.name})`, () => {
    let h: Harness;
    before(
      async () =>
        (h = await startHarness({
          url: engine.url,
          env: { UPLOAD_MAX_MB: '1', UPLOAD_ROOM_QUOTA_MB: '2', UPLOAD_BOOKING_QUOTA_MB: '1', UPLOAD_ROOM_MAX_FILES: '6' },
        })),
    );
    after(async () => h.close());

    const upload = (token: string, name: string, body: Buffer | Readable) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/bari/video/${token}/files?name=${encodeURIComponent(name)}`,
        payload: body,
        headers: { 'content-type': 'application/octet-stream' },
      });
    /** Files in the storage folder (the staging folder of uploads in progress included). */
    const stored = () =>
      fs
        .readdirSync(h.ctx.config.filesDir, { recursive: true })
        .map(String)
        .filter((f) => fs.statSync(path.join(h.ctx.config.filesDir, f)).isFile()).length;
    const rows = async (roomId: string) => (await h.ctx.db.selectFrom('room_files').select(['id', 'size']).where('room_id', '=', roomId).execute()).length;
    async function immediateRoom() {
      const op = await signIn(h.app, 'bari', 'urp.bari');
      const res = await op.request({ method: 'POST', url: '/api/v1/bari/operator/rooms', payload: {} });
      assert.equal(res.statusCode, 201, res.body);
      return { id: res.json().id as string, token: res.json().citizenUrl.split('/video/')[1] as string };
    }

    it("refuses what would exceed the room's total or its number of files, storing nothing", async () => {
      const room = await immediateRoom();
      for (let i = 1; i <= 4; i++) assert.equal((await upload(room.token, `parte-${i}.pdf`, pdf(500))).statusCode, 201, `file ${i}: 2 MB hold four of 500 KB`);
      const before = [await rows(room.id), stored()];

      const full = await upload(room.token, 'ancora.pdf', pdf(500));
      assert.equal(full.statusCode, 413);
      assert.equal(full.json().code, 'QUOTA_EXCEEDED');
      assert.match(full.json().message, /al massimo 2 MB/);
      assert.match(full.json().messages.en, /at most 2 MB/);
      // Without a declared length (a chunked body) the check at commit refuses it just the same.
      const chunked = await upload(room.token, 'senza-lunghezza.pdf', Readable.from([pdf(500)]));
      assert.equal(chunked.statusCode, 413, chunked.body);
      assert.equal(chunked.json().code, 'QUOTA_EXCEEDED');
      assert.deepEqual([await rows(room.id), stored()], before, 'nothing recorded, nothing left in storage');

      // What still fits is taken, up to the number of files.
      assert.equal((await upload(room.token, 'piccolo-1.pdf', pdf(10))).statusCode, 201);
      assert.equal((await upload(room.token, 'piccolo-2.pdf', pdf(10))).statusCode, 201);
      const seventh = await upload(room.token, 'piccolo-3.pdf', pdf(10));
      assert.equal(seventh.statusCode, 409);
      assert.equal(seventh.json().code, 'QUOTA_EXCEEDED');
      assert.match(seventh.json().message, /al massimo 6 documenti/);
      assert.equal(await rows(room.id), 6);
    });

    it('stores a document sent twice once, and answers with the one already there', async () => {
      const room = await immediateRoom();
      const doc = pdf(20);
      const first = await upload(room.token, 'carta-identita.pdf', doc);
      assert.equal(first.statusCode, 201, first.body);
      const before = [await rows(room.id), stored()];
      const again = await upload(room.token, 'carta identità (1).pdf', doc);
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), first.json(), 'the same document, under its first name');
      assert.deepEqual([await rows(room.id), stored()], before, 'one row, one copy in storage');
      const audited = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'file.uploaded').execute();
      assert.equal(audited.filter((a) => (a.details as { fileId: string }).fileId === first.json().id).length, 1);
      // A different document is a new one.
      assert.equal((await upload(room.token, 'altro.pdf', pdf(20))).statusCode, 201);
    });

    it("counts an appointment's documents against the appointment's quota", async () => {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
      const slot = (await freeSlots(h.app, 'bari', service.id, '2026-03-02', '2026-03-13'))[0]!;
      const booked = await book(h.app, 'bari', { serviceId: service.id, start: slot.start, applicant: applicant('quota@example.it') }, { 'x-forwarded-for': '10.9.0.1' });
      assert.equal(booked.statusCode, 201, booked.body);
      h.clock.set(new Date(Date.parse(booked.json().start)));
      const token = tokenOf(booked.json().manageUrl);
      assert.equal((await upload(token, 'a.pdf', pdf(500))).statusCode, 201);
      assert.equal((await upload(token, 'b.pdf', pdf(500))).statusCode, 201);
      const third = await upload(token, 'c.pdf', pdf(100));
      assert.equal(third.statusCode, 413);
      assert.equal(third.json().code, 'QUOTA_EXCEEDED');
      assert.match(third.json().message, /appuntamento/);
    });
  });
}

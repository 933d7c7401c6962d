// A document whose record exists but whose bytes are gone (deleted from the disk or the bucket by
// hand, a restored backup without the files) is "not found" on every download route — the room,
// the officer's booking detail, the citizen's manage link — never an internal error. Run on the
// local disk and on an S3-compatible store, on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type FakeS3, startFakeS3 } from './support/fake-s3.ts';
import { applicant, book, findService, freeSlots, tokenOf } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(1024), Buffer.from('\n%%EOF\n')]);
const S3 = { region: 'eu-south-1', accessKey: 'SPORTELLOTESTKEY', secretKey: 'sportello-test-secret-key-0123456789', sessionToken: 'sportello-session-token' };

for (const engine of ENGINES) {
  for (const storage of ['local disk', 's3'] as const) {
    describe(`a document whose bytes are gone (${engine.name}, ${storage})`, () => {
      let h: Harness;
      let s3: FakeS3 | undefined;

      before(async () => {
        s3 = storage === 's3' ? await startFakeS3(S3) : undefined;
        const env: Record<string, string> = s3
          ? {
              FILES_S3_ENDPOINT: s3.endpoint,
              FILES_S3_BUCKET: 'sportello-files',
              FILES_S3_REGION: S3.region,
              FILES_S3_ACCESS_KEY: S3.accessKey,
              FILES_S3_SECRET_KEY: S3.secretKey,
              FILES_S3_SESSION_TOKEN: S3.sessionToken,
              FILES_S3_PREFIX: 'bari',
              FILES_S3_TIMEOUT_MS: '5000',
            }
          : {};
        h = await startHarness({ url: engine.url, env });
      });
      after(async () => {
        await h.close();
        await s3?.close();
      });

      /** Removes the document's bytes where the app keeps them, without telling it. */
      function deleteBytes(storageKey: string) {
        if (s3) assert.ok(s3.objects.delete(`/sportello-files/bari/${storageKey}`), 'the object was in the bucket');
        else fs.rmSync(path.join(h.ctx.config.filesDir, storageKey));
      }

      it('answers 404 FILE_NOT_FOUND on the room, the officer and the manage-link downloads', async () => {
        const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
        const [slot] = await freeSlots(h.app, 'bari', service.id);
        const booked = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('perso@example.it') }, { 'x-forwarded-for': '10.9.0.1' });
        assert.equal(booked.statusCode, 201, booked.body);
        const booking = booked.json();
        const token = tokenOf(booking.manageUrl);
        h.clock.set(new Date(booking.start));
        const op = await signIn(h.app, 'bari', 'urp.bari');
        const up = await h.app.inject({
          method: 'POST',
          url: `/api/v1/bari/video/${token}/files?name=documento.pdf`,
          payload: PDF,
          headers: { 'content-type': 'application/pdf' },
        });
        assert.equal(up.statusCode, 201, up.body);
        const fileId: string = up.json().id;
        const routes = {
          room: () => h.app.inject(`/api/v1/bari/video/${token}/files/${fileId}`),
          manage: () => h.app.inject({ url: `/api/v1/bari/bookings/manage/${token}/files/${fileId}`, headers: { 'accept-language': 'en' } }),
          officer: () => op.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${booking.id}/files/${fileId}` }),
        };
        for (const [name, get] of Object.entries(routes)) assert.equal((await get()).statusCode, 200, `${name}: readable while its bytes are there`);

        const row = await h.ctx.db.selectFrom('room_files').select('storage_key').where('id', '=', fileId).executeTakeFirstOrThrow();
        deleteBytes(row.storage_key);
        const downloadsBefore = await countDownloads(h, booking.id);

        for (const [name, get] of Object.entries(routes)) {
          const res = await get();
          assert.equal(res.statusCode, 404, `${name}: ${res.body}`);
          assert.equal(res.json().code, 'FILE_NOT_FOUND', name);
          assert.deepEqual(res.json().messages, { it: 'Documento non trovato.', en: 'Document not found.' }, name);
        }
        assert.equal((await routes.manage()).json().message, 'Document not found.', 'in English when asked');
        assert.equal(await countDownloads(h, booking.id), downloadsBefore, 'no download audited for a document that was not sent');
        // The listing still shows the record: the office can see which document was lost.
        const listed = (await h.app.inject(`/api/v1/bari/bookings/manage/${token}`)).json();
        assert.deepEqual(
          listed.files.map((f: { id: string }) => f.id),
          [fileId],
        );
      });
    });
  }
}

async function countDownloads(h: Harness, bookingId: string): Promise<number> {
  const r = await h.ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('entity_id', '=', bookingId)
    .where('action', '=', 'file.download')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

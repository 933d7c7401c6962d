// The protocol register in the officers' console: register by hand (JSON, or multipart with the
// documents), search, read an entry and its documents, annul (admins), and the daily registers
// (admins). Every officer of the comune may register and search: the register is the comune's one
// register (one "area organizzativa omogenea"), not an office's.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, errorResponses, FileResponse, TenantParams } from '../../../contracts/common.ts';
import {
  AnnulProtocolEntry,
  DailyRegisterList,
  DailyRegisterParams,
  NewProtocolEntry,
  NewProtocolEntryForm,
  ProtocolDocumentParams,
  ProtocolEntry,
  ProtocolEntryParams,
  ProtocolPage,
  ProtocolQuery,
  ProtocolRegistered,
} from '../../../contracts/protocol.ts';
import type { AppContext } from '../../platform/context.ts';
import { DOCUMENT_MEDIA_TYPES } from '../../platform/files/content-type.ts';
import { fileNotFound } from '../../platform/files/errors.ts';
import { contentDisposition } from '../../platform/files/safe-name.ts';
import { StoredFileMissing } from '../../platform/files/storage.ts';
import { appError } from '../../platform/http/errors.ts';
import { officerOnly } from '../../platform/staff/auth.ts';
import { assertAdmin } from '../../platform/staff/policy.ts';
import { addDays, formatInstant, isValidDate, localToInstant } from '../../platform/time/zoned-time.ts';
import { annulEntry, entryNotFound } from './annul.ts';
import { cursorOf, parseCursor } from './domain/numbering.ts';
import { discardUnregistered, keepStaged, MAX_FILES, multipartLimits, readUpload, takeStagedDocuments } from './intake.ts';
import type { ProtocolSystem } from './register.ts';
import { registerByHand } from './register-by-hand.ts';
import { findDailyRegister, findEntry, listDailyRegisters, searchEntries } from './repository.ts';
import { toProtocolEntry } from './views.ts';

const authErrors = { 401: ErrorResponse, 403: ErrorResponse };

function dayStart(day: string, tz: string, field: string): Date {
  const t = isValidDate(day) ? localToInstant(day, 0, tz) : null;
  if (t === null) throw appError('INVALID_DATE', { variant: 'plain', extra: { fields: [{ field, message: 'data non valida' }] } });
  return new Date(t);
}

/** Words of a search, each matched on its own (at most 8, so a pasted paragraph stays cheap). */
const searchWords = (q: string | undefined) => (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);

export function protocolRoutes(ctx: AppContext, system: ProtocolSystem): FastifyPluginAsyncTypebox {
  return async (app) => {
    officerOnly(app, ctx);
    await app.register(multipart, { limits: multipartLimits(ctx) });
    const base = '/api/v1/:tenant/operator/protocol';
    const mb = Math.round(ctx.config.uploadMaxBytes / 1048576);

    app.post(
      base,
      {
        preValidation: readUpload(ctx),
        onResponse: discardUnregistered(ctx),
        schema: {
          tags: ['protocol'],
          summary: 'Register a document by hand (JSON, or multipart/form-data with the document and its attachments)',
          description: `Multipart: the fields, \`document\` (the main document) and \`attachments\` (repeated), at most ${MAX_FILES} files of ${mb} MB each (UPLOAD_MAX_MB), typed by content. The number is the next of the comune's year, with no gap.`,
          params: TenantParams,
          body: { content: { 'application/json': { schema: NewProtocolEntry }, 'multipart/form-data': { schema: NewProtocolEntryForm } } },
          response: { 201: ProtocolRegistered, 413: ErrorResponse, 415: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const receipt = await registerByHand(ctx, system, req.tenant, req.operator, req.body as NewProtocolEntry, takeStagedDocuments(req));
        keepStaged(req);
        return reply.status(201).send({
          id: receipt.id,
          number: receipt.number,
          year: receipt.year,
          label: receipt.label,
          registeredAt: formatInstant(receipt.registeredAt.getTime(), req.tenant.time_zone),
        });
      },
    );

    app.get(
      base,
      {
        schema: {
          tags: ['protocol'],
          summary: 'Search the register, newest first (number, year, dates, direction, words of the correspondent or subject)',
          params: TenantParams,
          querystring: ProtocolQuery,
          response: { 200: ProtocolPage, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const q = req.query;
        const tz = req.tenant.time_zone;
        const limit = q.limit ?? 50;
        const rows = await searchEntries(ctx.db, {
          tenantId: req.tenant.id,
          year: q.year,
          number: q.number,
          from: q.from ? dayStart(q.from, tz, 'from') : undefined,
          to: q.to ? dayStart(isValidDate(q.to) ? addDays(q.to, 1) : q.to, tz, 'to') : undefined,
          direction: q.direction,
          words: searchWords(q.q),
          before: q.before ? parseCursor(q.before) : undefined,
          limit: limit + 1,
        });
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return { entries: page.map((e) => toProtocolEntry(e, req.tenant.slug, tz)), nextBefore: rows.length > limit && last ? cursorOf(last.year, last.number) : null };
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags: ['protocol'],
          summary: 'An entry, with its documents and annulment',
          params: ProtocolEntryParams,
          response: { 200: ProtocolEntry, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        const entry = await findEntry(ctx.db, req.tenant.id, req.params.id);
        if (!entry) throw entryNotFound();
        return toProtocolEntry(entry, req.tenant.slug, req.tenant.time_zone);
      },
    );

    app.post(
      `${base}/:id/annul`,
      {
        schema: {
          tags: ['protocol'],
          summary: 'Annul an entry, with the reason (admins); the entry stays visible as annulled',
          params: ProtocolEntryParams,
          body: AnnulProtocolEntry,
          response: { 200: ProtocolEntry, 409: ErrorResponse, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        await annulEntry(ctx, req.operator, req.params.id, req.body.reason);
        const entry = await findEntry(ctx.db, req.tenant.id, req.params.id);
        if (!entry) throw entryNotFound();
        return toProtocolEntry(entry, req.tenant.slug, req.tenant.time_zone);
      },
    );

    app.get(
      `${base}/:id/documents/:index`,
      {
        schema: {
          tags: ['protocol'],
          summary: "An entry's document (0: the main one, then the attachments)",
          params: ProtocolDocumentParams,
          response: { 200: FileResponse('The document, as registered', DOCUMENT_MEDIA_TYPES), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        const entry = await findEntry(ctx.db, req.tenant.id, req.params.id);
        const doc = entry?.documents[req.params.index];
        if (!entry || !doc) throw fileNotFound();
        const stream = await ctx.storage.get(doc.storageKey).catch((err: unknown) => {
          if (!(err instanceof StoredFileMissing)) throw err;
          ctx.log.warn({ entryId: entry.id, storageKey: doc.storageKey }, 'protocol document recorded but missing from storage');
          throw fileNotFound();
        });
        return reply
          .type(doc.mediaType)
          .header('content-length', String(doc.size))
          .header('content-disposition', contentDisposition(doc.name))
          .header('cache-control', 'private, no-store')
          .send(stream);
      },
    );

    const daily = '/api/v1/:tenant/operator/admin/protocol/daily';
    app.get(
      daily,
      {
        schema: {
          tags: ['protocol'],
          summary: 'The daily registers, newest first (admins)',
          params: TenantParams,
          response: { 200: DailyRegisterList, ...authErrors, ...errorResponses },
        },
      },
      async (req) => {
        assertAdmin(req.operator);
        const tz = req.tenant.time_zone;
        const rows = await listDailyRegisters(ctx.db, req.tenant.id, 366);
        const url = (day: string, format: string) => `/api/v1/${req.tenant.slug}/operator/admin/protocol/daily/${day}/${format}`;
        return {
          registers: rows.map((r) => ({
            day: r.day,
            entries: r.entries,
            annulments: r.annulments,
            firstNumber: r.first_number,
            lastNumber: r.last_number,
            producedAt: formatInstant(new Date(r.produced_at).getTime(), tz),
            pdf: { size: r.pdf_size, sha256: r.pdf_sha256, url: url(r.day, 'pdf') },
            json: { size: r.json_size, sha256: r.json_sha256, url: url(r.day, 'json') },
          })),
        };
      },
    );

    app.get(
      `${daily}/:day/:format`,
      {
        schema: {
          tags: ['protocol'],
          summary: "A day's register as PDF or JSON (admins)",
          params: DailyRegisterParams,
          response: { 200: FileResponse('The daily register', ['application/pdf', 'application/json']), ...authErrors, ...errorResponses },
        },
      },
      async (req, reply) => {
        assertAdmin(req.operator);
        const { day, format } = req.params;
        const row = isValidDate(day) ? await findDailyRegister(ctx.db, req.tenant.id, day) : undefined;
        if (!row) throw appError('NOT_FOUND', { variant: 'dailyRegister' });
        const key = format === 'pdf' ? row.pdf_key : row.json_key;
        const stream = await ctx.storage.get(key).catch((err: unknown) => {
          if (err instanceof StoredFileMissing) throw appError('NOT_FOUND', { variant: 'dailyRegister' });
          throw err;
        });
        return reply
          .type(format === 'pdf' ? 'application/pdf' : 'application/json')
          .header('content-length', String(format === 'pdf' ? row.pdf_size : row.json_size))
          .header('content-disposition', contentDisposition(`registro-protocollo-${day}.${format}`))
          .header('cache-control', 'private, no-store')
          .send(stream);
      },
    );
  };
}

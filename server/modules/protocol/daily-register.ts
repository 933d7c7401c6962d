// The daily register (registro giornaliero di protocollo, DPCM 3/12/2013 art. 7 c. 5): every
// morning, for each comune with a register, the previous day's registrations and annulments as JSON
// (the exact record) and PDF (for people, carrying the JSON's SHA-256), both stored with their
// digests. Days are produced in order from the first entry, so a scheduler that was down catches up;
// a day is produced once (primary key), and a node that loses the race removes its own copies.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.ts';
import { type Pdf, pdfText, renderPdf } from '../../platform/pdf.ts';
import { addDays, formatInstant, localDate, localToInstant } from '../../platform/time/zoned-time.ts';
import { protocolLabel } from './domain/numbering.ts';
import { annulmentsBetween, entriesBetween, type EntryView, insertDailyRegister, registerProgress } from './repository.ts';

/** Days produced per comune in one round: a long outage is caught up over a few rounds. */
const MAX_DAYS_PER_ROUND = 31;
export const DAILY_REGISTER_EVERY_MS = 10 * 60_000;
/**
 * A day is produced only this long after its midnight: an entry or annulment stamped 23:59:59 by a
 * transaction still committing at midnight is in the register, which can never be changed after.
 */
const GRACE_MS = 5 * 60_000;

const DIRECTIONS = { incoming: 'In entrata', outgoing: 'In uscita', internal: 'Interno' } as const;

interface DayContent {
  tenantName: string;
  day: string;
  tz: string;
  producedAt: Date;
  entries: EntryView[];
  annulments: EntryView[];
}

const at = (d: Date | string, tz: string) => formatInstant(new Date(d).getTime(), tz);

function registerJson(c: DayContent): Buffer {
  const entry = (e: EntryView) => ({
    label: protocolLabel(e.number, e.year),
    year: e.year,
    number: e.number,
    registeredAt: at(e.registered_at, c.tz),
    direction: e.direction,
    correspondent: e.correspondent,
    subject: e.subject,
    classification: e.classification,
    applicationId: e.application_id,
    documents: e.documents.map((d) => ({ name: d.name, mediaType: d.mediaType, size: d.size, sha256: d.sha256 })),
  });
  return Buffer.from(
    JSON.stringify(
      {
        comune: c.tenantName,
        day: c.day,
        producedAt: at(c.producedAt, c.tz),
        entries: c.entries.map(entry),
        annulments: c.annulments.map((e) => ({ label: protocolLabel(e.number, e.year), annulledAt: at(e.annulled_at!, c.tz), by: e.annulled_by_name, reason: e.annul_reason })),
      },
      null,
      2,
    ),
  );
}

const italianDay = (day: string) => day.split('-').reverse().join('/');
const localClock = (d: Date | string, tz: string) => at(d, tz).slice(11, 16);

function drawEntry(doc: Pdf, e: EntryView, tz: string): void {
  doc.moveDown(0.6);
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(pdfText(`${protocolLabel(e.number, e.year)} - ore ${localClock(e.registered_at, tz)} - ${DIRECTIONS[e.direction]}`));
  doc.font('Helvetica').fontSize(9);
  doc.text(pdfText(`Corrispondente: ${e.correspondent}`));
  doc.text(pdfText(`Oggetto: ${e.subject}`));
  if (e.classification) doc.text(pdfText(`Classificazione: ${e.classification}`));
  for (const [i, d] of e.documents.entries()) doc.text(pdfText(`${i === 0 ? 'Documento' : `Allegato ${i}`}: ${d.name} - SHA-256 ${d.sha256}`));
  if (e.annulled_at) doc.text(pdfText(`ANNULLATA il ${italianDay(localDate(new Date(e.annulled_at).getTime(), tz))}: ${e.annul_reason ?? ''}`));
}

async function registerPdf(c: DayContent, jsonSha256: string): Promise<Buffer> {
  const title = `Registro giornaliero di protocollo del ${italianDay(c.day)}`;
  return renderPdf({ title, author: c.tenantName, createdAt: c.producedAt }, (doc) => {
    doc.fontSize(16).font('Helvetica-Bold').text(pdfText(c.tenantName));
    doc.fontSize(13).text(pdfText(title));
    doc.font('Helvetica').fontSize(9).moveDown(0.3);
    doc.text(
      `Registrazioni: ${c.entries.length}. Annullamenti del giorno: ${c.annulments.length}. Prodotto il ${italianDay(localDate(c.producedAt.getTime(), c.tz))} alle ${localClock(c.producedAt, c.tz)}.`,
    );
    doc.text(`Impronta SHA-256 del registro in formato JSON: ${jsonSha256}`);
    if (c.entries.length === 0) doc.moveDown().text('Nessuna registrazione in questo giorno.');
    for (const e of c.entries) drawEntry(doc, e, c.tz);
    if (c.annulments.length > 0) {
      doc.moveDown().font('Helvetica-Bold').fontSize(11).text('Annullamenti del giorno');
      for (const e of c.annulments) {
        doc
          .font('Helvetica')
          .fontSize(9)
          .text(pdfText(`${protocolLabel(e.number, e.year)}: annullata da ${e.annulled_by_name ?? ''} alle ${localClock(e.annulled_at!, c.tz)}. Motivo: ${e.annul_reason ?? ''}`));
      }
    }
    const range = doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      doc.switchToPage(range.start + i);
      doc
        .font('Helvetica')
        .fontSize(8)
        .text(`Pagina ${i + 1} di ${range.count}`, 50, doc.page.height - 40, { align: 'center', lineBreak: false });
    }
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function produceDay(ctx: AppContext, tenant: { id: string; name: string; tz: string }, day: string): Promise<boolean> {
  const from = new Date(localToInstant(day, 0, tenant.tz)!);
  const to = new Date(localToInstant(addDays(day, 1), 0, tenant.tz)!);
  const [entries, annulments] = await Promise.all([entriesBetween(ctx.db, tenant.id, from, to), annulmentsBetween(ctx.db, tenant.id, from, to)]);
  const content: DayContent = { tenantName: tenant.name, day, tz: tenant.tz, producedAt: ctx.clock.now(), entries, annulments };
  const json = registerJson(content);
  const jsonSha = sha256(json);
  const pdf = await registerPdf(content, jsonSha);
  const base = `${tenant.id}/protocol-daily/${day}-${randomUUID()}`;
  const keys = { pdf: `${base}-pdf`, json: `${base}-json` };
  const max = Math.max(pdf.length, json.length);
  await ctx.storage.put(keys.pdf, Readable.from([pdf]), { maxBytes: max });
  await ctx.storage.put(keys.json, Readable.from([json]), { maxBytes: max });
  const numbers = entries.map((e) => e.number);
  const created = await ctx.bus.transaction(ctx.db, async (trx) => {
    const inserted = await insertDailyRegister(trx, {
      tenant_id: tenant.id,
      day,
      entries: entries.length,
      annulments: annulments.length,
      first_number: numbers.length ? Math.min(...numbers) : null,
      last_number: numbers.length ? Math.max(...numbers) : null,
      pdf_key: keys.pdf,
      pdf_sha256: sha256(pdf),
      pdf_size: pdf.length,
      json_key: keys.json,
      json_sha256: jsonSha,
      json_size: json.length,
      produced_at: content.producedAt,
    });
    if (inserted) {
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'system' },
        action: 'protocol.daily-register-produced',
        entityType: 'tenant',
        entityId: tenant.id,
        details: { day, entries: entries.length, annulments: annulments.length, pdfSha256: sha256(pdf), jsonSha256: jsonSha },
      });
    }
    return inserted;
  });
  if (!created) for (const key of Object.values(keys)) await ctx.storage.remove(key).catch(() => undefined);
  return created;
}

/** Produces every missing daily register up to yesterday; returns how many it produced. */
export async function produceDailyRegisters(ctx: AppContext): Promise<number> {
  let produced = 0;
  const now = ctx.clock.now().getTime() - GRACE_MS;
  for (const p of await registerProgress(ctx.db)) {
    const tz = p.time_zone;
    const yesterday = addDays(localDate(now, tz), -1);
    let day = p.last_day ? addDays(p.last_day, 1) : localDate(new Date(p.first_at).getTime(), tz);
    for (let n = 0; day <= yesterday && n < MAX_DAYS_PER_ROUND; n++, day = addDays(day, 1)) {
      if (await produceDay(ctx, { id: p.tenant_id, name: p.tenant_name, tz }, day)) produced++;
    }
  }
  return produced;
}

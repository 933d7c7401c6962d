// Submitting an application. Checked first against its form version (every rule, and every
// attachment named in the data must be this application's, for that field); then the PDF of what is
// filed is made and stored; then, in one transaction, under the application's lock: the protocol
// registration (incoming, the PDF as main document and the attachments, each with its SHA-256), the
// application filed with its number, and the change recorded with the citizen's email (the receipt
// attached) and personal-area message. A second submit finds the application filed: 409.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FieldDef, FormData, FormDefinition } from '../../../contracts/forms/definition.ts';
import type { Transaction } from 'kysely';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { validateForm } from '../../platform/forms/validator.ts';
import { appError } from '../../platform/http/errors.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { applicationFee } from '../payments/index.ts';
import { protocolSystem } from '../protocol/index.ts';
import { type FiledDocument, filedApplicationPdf, receiptPdf } from './documents.ts';
import { termOf } from './case-term.ts';
import { applicationNotFound, assertLevel, fieldErrors } from './drafts.ts';
import { formById } from '../catalogue/index.ts';
import { type AttachmentRow, findApplication, listAttachments, lockApplication } from './repository.ts';

export interface SubmitOutcome {
  id: string;
  protocol: { number: number; year: number; label: string; registeredAt: Date };
}

/**
 * Every file id the data names: `field` is the file field as attachments record it ("step.field",
 * "step.group.field"), `path` the value's place in the data ("step.group.0.field.1").
 */
function namedFiles(fields: FieldDef[], scope: Record<string, unknown>, fieldPrefix: string, pathPrefix: string, out: Array<{ id: string; field: string; path: string }>): void {
  for (const f of fields) {
    const v = scope[f.id];
    if (!Array.isArray(v)) continue;
    for (const [i, x] of v.entries()) {
      if (f.type === 'file') out.push({ id: String(x), field: `${fieldPrefix}${f.id}`, path: `${pathPrefix}${f.id}.${i}` });
      if (f.type === 'group') namedFiles(f.fields, x as Record<string, unknown>, `${fieldPrefix}${f.id}.`, `${pathPrefix}${f.id}.${i}.`, out);
    }
  }
}

function checkFiles(def: FormDefinition, data: FormData, attachments: AttachmentRow[]) {
  const named: Array<{ id: string; field: string; path: string }> = [];
  for (const step of def.steps) namedFiles(step.fields, data[step.id] ?? {}, `${step.id}.`, `${step.id}.`, named);
  const byId = new Map(attachments.map((a) => [a.id, a]));
  const errors = named.filter((n) => byId.get(n.id)?.field !== n.field).map((n) => ({ field: n.path, message: 'allegato non trovato: caricalo di nuovo' }));
  return { errors, used: named.map((n) => byId.get(n.id)).filter((a): a is AttachmentRow => !!a) };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Whether a draft can be filed as it stands: the service active, the login level, every rule of its
 * form version, every attachment. Read under the application's lock when `trx` holds it. Also the
 * check before a fee is paid: the citizen pays for an application that can be filed.
 */
export async function readyToSubmit(trx: Transaction<DB>, c: CitizenPrincipal, tenant: Tenant, id: string, opts: { levelChecked?: boolean } = {}) {
  const app = await findApplication(trx, tenant.id, c.citizen.id, id);
  if (!app) throw applicationNotFound();
  if (app.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
  if (!app.card_active || !app.card_published) throw appError('SERVICE_NOT_ACTIVE');
  const form = await formById(trx, tenant.id, app.form_id);
  if (!form) throw applicationNotFound();
  if (!opts.levelChecked) assertLevel(c, form.definition);
  const { data, errors } = validateForm(form.definition, app.data, 'submit', form.id);
  const files = checkFiles(form.definition, data, await listAttachments(trx, id));
  if (errors.length || files.errors.length) throw fieldErrors([...errors, ...files.errors]);
  return { app, form, data, files };
}

/**
 * `levelChecked`: submitted on the citizen's behalf when the fee they started paying arrives (the
 * login level was checked then; no session now).
 */
export async function submitApplication(ctx: AppContext, c: CitizenPrincipal, tenant: Tenant, id: string, opts: { levelChecked?: boolean } = {}): Promise<SubmitOutcome> {
  let summaryKey: string | undefined;
  try {
    return await ctx.bus.transaction(ctx.db, async (trx) => {
      // Everything is read under the application's lock: an attachment removed or added meanwhile
      // (those take the same lock) cannot slip between the check and the registration.
      const locked = await lockApplication(trx, tenant.id, c.citizen.id, id);
      if (!locked) throw applicationNotFound();
      if (locked.status !== 'draft') throw appError('APPLICATION_SUBMITTED');
      const { app, form, data, files } = await readyToSubmit(trx, c, tenant, id, opts);
      const fee = form.definition.fee;
      if (fee && (fee.when ?? 'before') === 'before' && (await applicationFee(trx, tenant.id, id))?.status !== 'paid') {
        throw appError('APPLICATION_FEE_UNPAID', { params: { amount: (fee.amountCents / 100).toFixed(2).replace('.', ',') } });
      }

      const at = ctx.clock.now();
      const applicant = { givenName: c.citizen.given_name, familyName: c.citizen.family_name, fiscalCode: c.citizen.fiscal_code };
      const filed = new Map<string, FiledDocument>(files.used.map((a) => [a.id, { name: a.name, sha256: a.sha256, size: a.size }]));
      const pdf = await filedApplicationPdf({
        tenantName: tenant.name,
        tz: tenant.time_zone,
        serviceTitle: app.card_title,
        applicant,
        contacts: { email: c.citizen.email ?? c.citizen.identity_email, phone: c.citizen.phone },
        at,
        definition: form.definition,
        data,
        attachments: filed,
      });
      summaryKey = `${tenant.id}/applications/${randomUUID()}`;
      const summary = { name: `domanda-${app.card_slug}.pdf`, sha256: sha256(pdf), size: pdf.length };
      await ctx.storage.put(summaryKey, Readable.from([pdf]), { maxBytes: pdf.length });

      const receipt = await protocolSystem(ctx).register(trx, {
        tenantId: tenant.id,
        timeZone: tenant.time_zone,
        direction: 'incoming',
        correspondent: `${applicant.givenName} ${applicant.familyName} (${applicant.fiscalCode})`.slice(0, 300),
        subject: `Domanda online: ${app.card_title}`.slice(0, 1000),
        applicationId: id,
        documents: [
          { name: summary.name, mediaType: 'application/pdf', size: summary.size, sha256: summary.sha256, storageKey: summaryKey },
          ...files.used.map((a) => ({ name: a.name, mediaType: a.media_type, size: a.size, sha256: a.sha256, storageKey: a.storage_key })),
        ],
        by: { type: 'citizen', citizenId: c.citizen.id },
      });
      await trx
        .updateTable('applications')
        .set({
          status: 'submitted',
          // Filed and registered at once with the internal register: the case starts "registered",
          // with the card's office and term as they are today.
          state: 'registered',
          state_changed_at: at,
          office_id: app.office_id,
          term_days: app.card_max_days,
          due_on: termOf(tenant, receipt.registeredAt, app.card_max_days, [], at).expectedBy,
          data: JSON.stringify(data),
          submitted_at: at,
          updated_at: at,
          expires_at: null,
          protocol_entry_id: receipt.id,
          protocol_year: receipt.year,
          protocol_number: receipt.number,
          protocol_registered_at: receipt.registeredAt,
          summary_key: summaryKey,
          summary_sha256: summary.sha256,
          summary_size: summary.size,
        })
        .where('id', '=', id)
        .execute();
      const author = `${applicant.givenName} ${applicant.familyName}`;
      await trx
        .insertInto('application_events')
        .values([
          {
            tenant_id: tenant.id,
            application_id: id,
            at,
            kind: 'state',
            action: 'submit',
            from_state: 'draft',
            to_state: 'submitted',
            actor_type: 'citizen',
            actor_id: c.citizen.id,
            author,
          },
          {
            tenant_id: tenant.id,
            application_id: id,
            at: receipt.registeredAt,
            kind: 'state',
            action: 'register',
            from_state: 'submitted',
            to_state: 'registered',
            actor_type: 'system',
            actor_id: null,
            author: `Protocollo n. ${receipt.label}`,
          },
        ])
        .execute();
      const receiptBytes = await receiptPdf({
        tenantName: tenant.name,
        tz: tenant.time_zone,
        serviceTitle: app.card_title,
        applicant,
        protocolLabel: receipt.label,
        registeredAt: receipt.registeredAt,
        documents: [summary, ...filed.values()],
      });
      const areaLink = `${ctx.config.publicUrl}/${tenant.slug}/area-personale/pratiche`;
      const to = c.citizen.notify_email ? (c.citizen.email ?? c.citizen.identity_email) : null;
      const lines = [
        `La tua domanda "${app.card_title}" è stata presentata e registrata al protocollo del ${tenant.name}.`,
        `Protocollo n. ${receipt.label}.`,
        'In allegato trovi la ricevuta. Puoi seguire la pratica nella tua area personale:',
        areaLink,
      ];
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'citizen', id: c.citizen.id },
        action: 'application.submitted',
        entityType: 'application',
        entityId: id,
        details: { name: app.card_title, service: app.card_slug, protocol: receipt.label },
        payload: { cardId: app.card_id, protocolEntryId: receipt.id },
        notices: [
          {
            dedupeKey: `application-submitted:${id}`,
            subject: `Domanda presentata: ${app.card_title} (prot. ${receipt.label})`,
            lines,
            ...(to
              ? {
                  email: {
                    to,
                    brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl },
                    attachments: [{ filename: `ricevuta-${receipt.label.replace('/', '-')}.pdf`, contentType: 'application/pdf', content: receiptBytes.toString('base64') }],
                  },
                }
              : {}),
            inbox: { fiscalCode: c.citizen.fiscal_code, link: `/${tenant.slug}/area-personale/pratiche`, at },
          },
        ],
      });
      return { id, protocol: { number: receipt.number, year: receipt.year, label: receipt.label, registeredAt: receipt.registeredAt } };
    });
  } catch (err) {
    if (summaryKey) await ctx.storage.remove(summaryKey).catch(() => undefined);
    throw err;
  }
}

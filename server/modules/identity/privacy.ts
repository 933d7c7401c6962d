// Privacy notices per service (Modello Comuni): the comune's own text when it wrote one, otherwise
// a notice built from what the service is, who holds the data and how long it is kept.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, TenantParams, Uuid } from '../../../contracts/common.ts';
import { PrivacyNotice, PrivacyNoticeList } from '../../../contracts/identity.ts';
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';

export function defaultNotice(tenantName: string, serviceName: string, officeName: string, officeEmail: string | null): string {
  return [
    `Informativa sul trattamento dei dati personali — ${serviceName}`,
    '',
    `Titolare del trattamento: ${tenantName}. Ufficio di riferimento: ${officeName}${officeEmail ? ` (${officeEmail})` : ''}.`,
    `Finalità: gestire la prenotazione e lo svolgimento del servizio «${serviceName}», e inviarti le comunicazioni che lo riguardano (conferma, promemoria, variazioni).`,
    "Base giuridica: esecuzione di un compito di interesse pubblico o connesso all'esercizio di pubblici poteri (art. 6, par. 1, lett. e, Regolamento UE 2016/679).",
    "Dati trattati: nome, cognome, codice fiscale se accedi con SPID o CIE, recapiti, data e ora dell'appuntamento, eventuali documenti che scambi con l'ufficio.",
    "Conservazione: per il tempo necessario al servizio e poi secondo i termini previsti per gli atti dell'amministrazione.",
    'I dati non sono comunicati a terzi se non per obbligo di legge; nessun dato è trasferito fuori dall’Unione europea.',
    "Diritti: puoi chiedere l'accesso, la rettifica, la cancellazione o la limitazione, opporti al trattamento e proporre reclamo al Garante per la protezione dei dati personali. Dall'area personale puoi scaricare i tuoi dati.",
  ].join('\n');
}

export function privacyRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/:tenant/privacy-notices',
      {
        schema: { tags: ['identity'], summary: 'The services with a privacy notice', params: TenantParams, response: { 200: PrivacyNoticeList, ...errorResponses } },
      },
      async (req) => {
        const rows = await ctx.db
          .selectFrom('services as s')
          .innerJoin('offices as o', 'o.id', 's.office_id')
          .select(['s.id', 's.name', 'o.name as office_name'])
          .where('s.tenant_id', '=', req.tenant.id)
          .where('s.active', '=', true)
          .orderBy('o.position')
          .orderBy('s.position')
          .execute();
        return { notices: rows.map((r) => ({ serviceId: r.id, serviceName: r.name, officeName: r.office_name })) };
      },
    );

    app.get(
      '/api/v1/:tenant/services/:serviceId/privacy',
      {
        schema: {
          tags: ['identity'],
          summary: "A service's privacy notice",
          params: Type.Intersect([TenantParams, Type.Object({ serviceId: Uuid })]),
          response: { 200: PrivacyNotice, ...errorResponses },
        },
      },
      async (req) => {
        const s = await ctx.db
          .selectFrom('services as s')
          .innerJoin('offices as o', 'o.id', 's.office_id')
          .select(['s.id', 's.name', 's.privacy_notice', 'o.name as office_name', 'o.email as office_email'])
          .where('s.tenant_id', '=', req.tenant.id)
          .where('s.id', '=', req.params.serviceId)
          .executeTakeFirst();
        if (!s) throw appError('NOT_FOUND', { variant: 'service' });
        return {
          serviceId: s.id,
          serviceName: s.name,
          officeName: s.office_name,
          text: s.privacy_notice.trim() || defaultNotice(req.tenant.name, s.name, s.office_name, s.office_email),
        };
      },
    );
  };
}

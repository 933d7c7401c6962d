// Applications module: citizens' online applications (istanze) for the services whose card has a
// form: drafts saved as they go, attachments, submission registered in the protocol with the PDF of
// what was filed, the receipt, and the scheduled removal of forgotten drafts; then the case, handled
// by the office to a decision (phases, legal terms, integration, notice of rejection, messages).
import type { FastifyPluginAsync } from 'fastify';
import type { SportelloModule } from '../../platform/module.ts';
import { PURGE_EVERY_MS, purgeExpiredDrafts } from './purge.ts';
import { caseRoutes } from './case-routes.ts';
import { feeSubscribers } from './fee.ts';
import { applicationRoutes } from './routes.ts';

export const applicationsModule: SportelloModule = {
  name: 'applications',
  tag: { name: 'applications', description: "Citizens' online applications: drafts, attachments, submission with a protocol number" },
  tenantRoutes:
    (ctx): FastifyPluginAsync =>
    async (app) => {
      await app.register(applicationRoutes(ctx));
      await app.register(caseRoutes(ctx));
    },
  durableSubscribers: (ctx) => feeSubscribers(ctx),
  schedules: [{ name: 'applications.purge-drafts', everyMs: PURGE_EVERY_MS, run: (ctx) => purgeExpiredDrafts(ctx) }],
};

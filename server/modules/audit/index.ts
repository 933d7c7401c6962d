// Audit module: the tamper-evident chain over the audit log (sealer, verification) and the admins'
// browsing of it. Entries themselves are written by every module through the event bus.
import type { SportelloModule } from '../../platform/module.ts';
import { auditRoutes } from './routes.ts';
import { SEAL_EVERY_MS, sealAuditLog } from './sealer.ts';

export const auditModule: SportelloModule = {
  name: 'audit',
  tag: { name: 'audit', description: "Officers' audit log: browse and verify the chain (admins)" },
  tenantRoutes: (ctx) => auditRoutes(ctx),
  schedules: [{ name: 'audit.seal', everyMs: SEAL_EVERY_MS, run: (ctx) => sealAuditLog(ctx.db), logLevel: 'debug' }],
};

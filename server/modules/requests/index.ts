// Requests module: what citizens ask the comune outside a procedure, starting with the footer's
// "Richiesta d'assistenza" (numbered, acknowledged, answered by the office in charge).
import type { SportelloModule } from '../../platform/module.ts';
import { requestRoutes } from './routes.ts';

export const requestsModule: SportelloModule = {
  name: 'requests',
  tenantRoutes: (ctx) => requestRoutes(ctx),
};

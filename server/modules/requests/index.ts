// Requests module: what citizens ask or tell the comune outside a procedure: the footer's "Richiesta
// d'assistenza" and "Segnalazione disservizio" (numbered, acknowledged, triaged and answered by the
// office in charge; open reports listed publicly without personal data).
import type { SportelloModule } from '../../platform/module.ts';
import { requestRoutes } from './routes.ts';

export const requestsModule: SportelloModule = {
  name: 'requests',
  tenantRoutes: (ctx) => requestRoutes(ctx),
};

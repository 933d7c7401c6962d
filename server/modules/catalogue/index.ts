// Catalogue module: the comune's service cards ("scheda servizio"): the public list with search and
// categories, each card, and the admins' editing. Cards point to the office in charge and to an
// appointment service ("Prenota appuntamento").
import type { SportelloModule } from '../../platform/module.ts';
import { catalogueRoutes } from './routes.ts';

export { cardPath } from './views.ts';
export { currentForms, formById, type FormVersion, insertFormVersion, publishedCardBySlug } from './forms-repository.ts';

export const catalogueModule: SportelloModule = {
  name: 'catalogue',
  tenantRoutes: (ctx) => catalogueRoutes(ctx),
};

// Admin module: configuration of offices, services, desks, weekly hours and closures.
import type { SportelloModule } from '../../platform/module.ts';
import { adminRoutes } from './routes.ts';

export { validateWeeklyHours } from './config-service.ts';
export { listOperatorOffices } from './offices-view.ts';

export const adminModule: SportelloModule = {
  name: 'admin',
  tag: { name: 'admin', description: 'Configuration of offices, services, desks, hours and closures' },
  tenantRoutes: (ctx) => adminRoutes(ctx),
};

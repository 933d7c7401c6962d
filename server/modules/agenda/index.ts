// Agenda module: the officer's agenda, a booking's detail and history, desk actions on bookings and
// bookings made on a citizen's behalf.
import type { SportelloModule } from '../../platform/module.ts';
import { agendaRoutes } from './routes.ts';

export const agendaModule: SportelloModule = {
  name: 'agenda',
  tag: { name: 'operator', description: 'Officer console: agenda, bookings, phone bookings' },
  tenantRoutes: (ctx) => agendaRoutes(ctx),
};

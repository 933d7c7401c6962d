// Scheduling module: the catalogue (offices, services), desks' weekly hours and exceptions, and the
// pure slot rules (domain/slots.ts) that booking and the queue both use.
import type { SportelloModule } from '../../platform/module.ts';
import { catalogueRoutes } from './catalogue-routes.ts';

export { findOffice, findService, listOffices, listServices, type ServiceRow } from './catalogue-repository.ts';
export {
  bookableWindow,
  computeAvailability,
  type DateException,
  type DayAvailability,
  type DeskSchedule,
  desksOffering,
  type Occupation,
  type SlotRules,
  workingIntervals,
} from './domain/slots.ts';
export { loadAvailabilityData, loadDeskSchedules, loadExceptions, loadOccupations, loadOccupationsByDay } from './schedule-repository.ts';

export const schedulingModule: SportelloModule = {
  name: 'scheduling',
  tag: { name: 'catalogue', description: 'Offices and services' },
  tenantRoutes: (ctx) => catalogueRoutes(ctx),
};

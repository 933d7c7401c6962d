// Every capability of Sportello, in the order their routes are registered. A new capability is a
// folder under modules/ exporting a SportelloModule from its index.ts, and one line here.
import type { SportelloModule } from '../platform/module.ts';
import { adminModule } from './admin/index.ts';
import { agendaModule } from './agenda/index.ts';
import { applicationsModule } from './applications/index.ts';
import { auditModule } from './audit/index.ts';
import { bookingModule } from './booking/index.ts';
import { catalogueModule } from './catalogue/index.ts';
import { devmailModule } from './devmail/index.ts';
import { identityModule } from './identity/index.ts';
import { operatorsModule } from './operators/index.ts';
import { paymentsModule } from './payments/index.ts';
import { protocolModule } from './protocol/index.ts';
import { queueModule } from './queue/index.ts';
import { requestsModule } from './requests/index.ts';
import { schedulingModule } from './scheduling/index.ts';
import { siteModule } from './site/index.ts';
import { videoModule } from './video/index.ts';

export const MODULES: readonly SportelloModule[] = [
  siteModule,
  schedulingModule,
  catalogueModule,
  bookingModule,
  operatorsModule,
  auditModule,
  agendaModule,
  adminModule,
  videoModule,
  queueModule,
  identityModule,
  protocolModule,
  applicationsModule,
  paymentsModule,
  requestsModule,
  devmailModule,
];

// Development mailbox: every email the system would send, as JSON and as a page. Absent in
// production, where emails go out by SMTP and are never exposed.
import type { SportelloModule } from '../../platform/module.ts';
import { devMailRoutes } from './routes.ts';

export const devmailModule: SportelloModule = {
  name: 'devmail',
  enabled: (config) => config.mode !== 'production',
  globalRoutes: (ctx) => devMailRoutes(ctx),
};

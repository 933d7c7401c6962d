// Operators module: officer accounts (administration, passwords, TOTP), login and sessions' routes.
// Session checks and office policy are platform kernels (platform/staff) every module uses.
import type { FastifyPluginAsync } from 'fastify';
import type { SportelloModule } from '../../platform/module.ts';
import { officerRoutes } from './officer-routes.ts';
import { profileRoutes } from './profile-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { expireThrottles } from './throttle-repository.ts';

export { hashPassword } from './passwords.ts';
export { temporaryPassword } from './temporary-password.ts';
/** The code an authenticator app shows (RFC 6238): for tests and tools that act as the officer's phone. */
export { totpCode } from './totp.ts';
/** The authenticator secret's alphabet (RFC 4648 base32): for tests that read an enrolment's URI. */
export { base32Decode } from './base32.ts';

export const operatorsModule: SportelloModule = {
  name: 'operators',
  tag: { name: 'officers', description: 'Officer sign-in, accounts (admins) and own profile' },
  tenantRoutes:
    (ctx): FastifyPluginAsync =>
    async (app) => {
      await app.register(sessionRoutes(ctx));
      await app.register(profileRoutes(ctx));
      await app.register(officerRoutes(ctx));
    },
  // Counts of failed sign-ins whose hour has passed: already ignored, deleted so the table stays small.
  schedules: [{ name: 'operators.login-throttles-expire', everyMs: 10 * 60_000, run: (ctx) => expireThrottles(ctx.db, ctx.clock.now()), logLevel: 'debug' }],
};

// Protocol module: the comune's protocol register (registro di protocollo informatico). Other
// modules register through `ProtocolSystem` (the internal register by default), inside their own
// transaction; officers register by hand, search and annul in the console; the scheduler produces
// the daily register.
import type { AppContext } from '../../platform/context.ts';
import type { SportelloModule } from '../../platform/module.ts';
import { DAILY_REGISTER_EVERY_MS, produceDailyRegisters } from './daily-register.ts';
import { internalRegister, type ProtocolSystem } from './register.ts';
import { protocolRoutes } from './routes.ts';

export { protocolLabel } from './domain/numbering.ts';
export type { ProtocolReceipt, ProtocolRegistration, ProtocolSystem, RegisteredDocument } from './register.ts';

/** The protocol system of this installation: the internal register (an external system's adapter plugs in here). */
export function protocolSystem(ctx: AppContext): ProtocolSystem {
  return internalRegister(ctx);
}

export const protocolModule: SportelloModule = {
  name: 'protocol',
  tag: { name: 'protocol', description: "The comune's protocol register: registrations, search, annulments, daily registers (officers)" },
  tenantRoutes: (ctx) => protocolRoutes(ctx, protocolSystem(ctx)),
  schedules: [{ name: 'protocol.daily-register', everyMs: DAILY_REGISTER_EVERY_MS, run: (ctx) => produceDailyRegisters(ctx) }],
};

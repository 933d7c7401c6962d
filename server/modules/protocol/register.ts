// Registration in the protocol register, inside the caller's transaction: the number is given by the
// gapless counter of the comune and year, the entry written, and the change recorded (audit entry and
// the `protocol.registered` event) — all committed with what is being registered, or none of it.
//
// The rest of Sportello talks to the register only through `ProtocolSystem`. The internal register
// below is the default; a comune that runs its own protocol system gets an adapter implementing the
// same interface (its client typed from that system's published API), which registers there and
// keeps the returned number in the same local entry.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { giveBackCounterValue, nextCounterValue } from '../../platform/counters.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ProtocolDirection, RegisteredDocument } from '../../platform/db/schema-protocol.ts';
import { protocolLabel, registerYear } from './domain/numbering.ts';
import { insertEntry } from './repository.ts';

export type { RegisteredDocument };

export interface ProtocolRegistration {
  tenantId: string;
  /** The comune's time zone: the year of the numbering. */
  timeZone: string;
  direction: ProtocolDirection;
  correspondent: string;
  subject: string;
  classification?: string | null;
  /** The application (istanza) registered, when the entry comes from an online service. */
  applicationId?: string | null;
  /** The main document first, then the attachments, each already in the file storage. */
  documents: RegisteredDocument[];
  /** An officer registering by hand, or the citizen whose submission is registered. */
  by: { type: 'operator'; operatorId: string } | { type: 'citizen'; citizenId: string } | { type: 'system' };
}

export interface ProtocolReceipt {
  id: string;
  year: number;
  number: number;
  /** "0000042/2026" */
  label: string;
  registeredAt: Date;
}

export interface ProtocolSystem {
  readonly name: string;
  /** Registers inside `trx`; keep the transaction short afterwards (the year's counter stays locked). */
  register(trx: Transaction<DB>, reg: ProtocolRegistration): Promise<ProtocolReceipt>;
}

const COUNTER = 'protocol';

export function internalRegister(ctx: AppContext): ProtocolSystem {
  return {
    name: 'internal',
    async register(trx, reg) {
      let year = registerYear(ctx.clock.now().getTime(), reg.timeZone);
      let number = await nextCounterValue(trx, reg.tenantId, COUNTER, year);
      // The time is read once the counter is ours, so numbers and times rise together. A wait that
      // crossed midnight of 31 December gives the old year's number back and takes the new year's.
      const registeredAt = ctx.clock.now();
      const yearNow = registerYear(registeredAt.getTime(), reg.timeZone);
      if (yearNow !== year) {
        await giveBackCounterValue(trx, reg.tenantId, COUNTER, year);
        year = yearNow;
        number = await nextCounterValue(trx, reg.tenantId, COUNTER, year);
      }
      const id = randomUUID();
      const by = reg.by;
      await insertEntry(trx, {
        id,
        tenantId: reg.tenantId,
        year,
        number,
        registeredAt,
        direction: reg.direction,
        correspondent: reg.correspondent,
        subject: reg.subject,
        classification: reg.classification ?? null,
        applicationId: reg.applicationId ?? null,
        registeredByType: by.type,
        operatorId: by.type === 'operator' ? by.operatorId : null,
        documents: reg.documents,
      });
      const label = protocolLabel(number, year);
      await ctx.bus.record(trx, {
        tenantId: reg.tenantId,
        actor: by.type === 'operator' ? { type: 'operator', id: by.operatorId } : by.type === 'citizen' ? { type: 'citizen', id: by.citizenId } : { type: 'system' },
        action: 'protocol.registered',
        entityType: 'protocol_entry',
        entityId: id,
        details: { label, direction: reg.direction, applicationId: reg.applicationId ?? null, documents: reg.documents.map((d) => ({ name: d.name, sha256: d.sha256 })) },
        payload: { year, number, direction: reg.direction, applicationId: reg.applicationId ?? null },
      });
      return { id, year, number, label, registeredAt };
    },
  };
}

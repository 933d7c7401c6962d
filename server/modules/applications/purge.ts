// Drafts nobody touched for RETENTION_DRAFT_DAYS are removed with their attachments (scheduled):
// a citizen's half-filled form is not kept for ever.
import type { AppContext } from '../../platform/context.ts';
import { deleteExpiredDrafts } from './repository.ts';

export const PURGE_EVERY_MS = 60 * 60_000;
const BATCH = 200;

export async function purgeExpiredDrafts(ctx: AppContext): Promise<number> {
  const { deleted, keys } = await deleteExpiredDrafts(ctx.db, ctx.clock.now(), BATCH);
  for (const key of keys) await ctx.storage.remove(key).catch((err: unknown) => ctx.log.warn({ err, storageKey: key }, 'expired draft attachment not removed'));
  return deleted;
}

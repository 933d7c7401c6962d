// Where officers' TOTP secrets are sealed and opened. The key is derived (HKDF) from SESSION_SECRET,
// which production requires. Without it (demo and test mode only) the master secret is a random
// value kept in the demo_keys table, so enrolments survive a restart of the demo; that protects
// nothing at rest, which demo data does not need. Changing SESSION_SECRET makes existing
// enrolments unreadable: those officers sign in once an admin resets their second factor.
import type { AppContext } from '../../platform/context.ts';
import { deriveKey, SecretBox } from '../../platform/security/secret-box.ts';
import { newSecret } from '../../platform/security/tokens.ts';

const PURPOSE = 'operator-totp-v1';
const boxes = new WeakMap<AppContext, Promise<SecretBox>>();

async function masterSecret(ctx: AppContext): Promise<string> {
  if (ctx.config.sessionSecret) return ctx.config.sessionSecret;
  if (ctx.config.mode === 'production') throw new Error('SESSION_SECRET is required in production');
  await ctx.db
    .insertInto('demo_keys')
    .values({ name: PURPOSE, value: newSecret() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await ctx.db.selectFrom('demo_keys').select('value').where('name', '=', PURPOSE).executeTakeFirstOrThrow();
  return row.value;
}

function totpBox(ctx: AppContext): Promise<SecretBox> {
  let box = boxes.get(ctx);
  if (!box) {
    box = masterSecret(ctx).then((secret) => new SecretBox(deriveKey(secret, PURPOSE)));
    box.catch(() => boxes.delete(ctx));
    boxes.set(ctx, box);
  }
  return box;
}

export async function sealTotpSecret(ctx: AppContext, operatorId: string, secret: string): Promise<string> {
  return (await totpBox(ctx)).seal(secret, `operator:${operatorId}`);
}

/** The base32 secret, or null when it was sealed with another key (SESSION_SECRET changed). */
export async function openTotpSecret(ctx: AppContext, operatorId: string, sealed: string): Promise<string | null> {
  return (await totpBox(ctx)).open(sealed, `operator:${operatorId}`);
}

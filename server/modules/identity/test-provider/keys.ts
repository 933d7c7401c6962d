// The embedded provider's signing key: one ES256 key for every node, created by the first node that
// needs it and kept in the database (test and demo mode only).
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

let cached: { db: unknown; key: Promise<SigningKey> } | undefined;

export function signingKey(ctx: AppContext): Promise<SigningKey> {
  if (cached?.db === ctx.db) return cached.key;
  const key = load(ctx);
  cached = { db: ctx.db, key };
  key.catch(() => (cached = undefined));
  return key;
}

async function load(ctx: AppContext): Promise<SigningKey> {
  let row = await ctx.db.selectFrom('test_idp_keys').select('private_jwk').where('id', '=', 1).executeTakeFirst();
  if (!row) {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: `sportello-test-${Date.now().toString(36)}`, alg: 'ES256', use: 'sig' };
    await sql`insert into test_idp_keys (id, private_jwk) values (1, ${JSON.stringify(jwk)}) on conflict (id) do nothing`.execute(ctx.db);
    row = await ctx.db.selectFrom('test_idp_keys').select('private_jwk').where('id', '=', 1).executeTakeFirstOrThrow();
  }
  const jwk = row.private_jwk as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: (await importJWK(jwk, 'ES256')) as CryptoKey, publicJwk };
}

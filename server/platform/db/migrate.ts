// Plain numbered SQL migrations, applied in order at start, each in its own transaction. An advisory
// lock keeps two nodes starting together from applying the same file twice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');
const LOCK_KEY = 727_001;

export function listMigrations(dir = MIGRATIONS_DIR): { version: number; name: string; file: string }[] {
  const list = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), file: path.join(dir, f) }));
  // Two branches each adding "010_…" would otherwise apply one and silently skip the other.
  const seen = new Map<number, string>();
  for (const m of list) {
    const other = seen.get(m.version);
    if (other) throw new Error(`two migrations share the number ${m.version}: ${other} and ${m.name}; renumber one`);
    seen.set(m.version, m.name);
  }
  return list;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and create) the typed schema
export async function migrate(db: Kysely<any>): Promise<string[]> {
  const applied: string[] = [];
  await sql`create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())`.execute(db);
  for (const m of listMigrations()) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      const done = await sql<{ name: string }>`select name from schema_migrations where version = ${m.version}`.execute(trx);
      if (done.rows.length) {
        // The number was applied under another name: a renumbered or replaced file would never run.
        if (done.rows[0]!.name !== m.name) throw new Error(`migration ${m.version} was applied as ${done.rows[0]!.name}, but the file is now ${m.name}`);
        return;
      }
      await sql.raw(fs.readFileSync(m.file, 'utf8')).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(trx);
      applied.push(m.name);
    });
  }
  return applied;
}

// Database outages on demand, for the tests of the LISTEN connection and of what hangs on it: the
// backends of one application_name are terminated as an administrator (or a failover) would.
import pg from 'pg';

/** The URL with its connections named `name` in pg_stat_activity (the listener's is `name-listener`). */
export function withApplicationName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', name);
  return u.toString();
}

/** pg_terminate_backend on this database's connections named `applicationName`; how many were ended. */
export async function terminateBackends(url: string, applicationName: string): Promise<number> {
  const u = new URL(url);
  u.searchParams.delete('application_name');
  const admin = new pg.Client({ connectionString: u.toString(), application_name: 'sportello-test-admin' });
  await admin.connect();
  try {
    const res = await admin.query<{ n: number }>(
      `select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity
        where application_name = $1 and datname = current_database() and pid <> pg_backend_pid()`,
      [applicationName],
    );
    return res.rows[0]!.n;
  } finally {
    await admin.end();
  }
}

/** How many connections named `applicationName` this database has now. */
export async function countBackends(url: string, applicationName: string): Promise<number> {
  const u = new URL(url);
  u.searchParams.delete('application_name');
  const admin = new pg.Client({ connectionString: u.toString(), application_name: 'sportello-test-admin' });
  await admin.connect();
  try {
    const res = await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1 and datname = current_database()`, [applicationName]);
    return res.rows[0]!.n;
  } finally {
    await admin.end();
  }
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

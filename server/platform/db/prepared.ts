// Plan reuse on PostgreSQL: every parameterised statement is sent as a named prepared statement, so
// each pooled connection parses it once and the server may keep its plan, instead of parsing and
// planning it again on every call (a third of the database's time in a booking rush went there).
// The name is a hash of the text: the same statement always gets the same name. A connection keeps
// at most `limit` of them (statements built with varying IN lists would otherwise pile up in the
// server's memory); past that, new texts go unnamed as before. Statements without parameters
// (BEGIN, COMMIT, migrations, several commands in one text) are never named.
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const PREPARED_PER_CONNECTION = 200;

type QueryFn = (...args: unknown[]) => unknown;

export function reusePlans(client: pg.PoolClient, limit = PREPARED_PER_CONNECTION): void {
  const query = client.query.bind(client) as QueryFn;
  const named = new Set<string>();
  // Texts whose prepared statement went stale: a migration run by a newer node (a rolling deploy)
  // changed the columns a `select *` returns, which PostgreSQL refuses for a prepared plan. They
  // are answered unnamed from then on, instead of failing until the node restarts.
  const stale = new Set<string>();
  const replacement: QueryFn = (text, values, callback) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && !stale.has(text) && (named.has(text) || named.size < limit)) {
      named.add(text);
      const name = `s${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      const isStale = (err: { code?: string; message?: string } | null | undefined) => err?.code === '0A000' && /cached plan/.test(err.message ?? '');
      if (typeof callback === 'function') {
        return query({ name, text, values }, (err: { code?: string; message?: string } | null, res: unknown) => {
          if (!isStale(err)) return (callback as QueryFn)(err, res);
          stale.add(text);
          return query(text, values, callback);
        });
      }
      return (query({ name, text, values }) as Promise<unknown>).catch((err: { code?: string; message?: string }) => {
        if (!isStale(err)) throw err;
        stale.add(text);
        return query(text, values);
      });
    }
    return query(text, values, callback);
  };
  (client as unknown as { query: QueryFn }).query = replacement;
}

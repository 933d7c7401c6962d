// Plan reuse against a real PostgreSQL: a parameterised statement is prepared once per connection
// and reused; statements without parameters stay unnamed; past the limit, new texts go unnamed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { reusePlans } from './prepared.ts';

const URL_ = process.env.TEST_DATABASE_URL;
const skip = URL_ ? false : 'needs TEST_DATABASE_URL (PostgreSQL): PGlite has no prepared statements of a pool';

describe('named prepared statements on pooled connections', { skip }, () => {
  it('prepares a parameterised statement once and reuses it, up to the limit', async () => {
    const pool = new pg.Pool({ connectionString: URL_, max: 1 });
    pool.on('connect', (client) => reusePlans(client, 2));
    const prepared = async () => (await pool.query<{ statement: string }>('select statement from pg_prepared_statements order by statement')).rows.map((r) => r.statement);
    try {
      for (let i = 0; i < 3; i++) assert.equal((await pool.query<{ n: number }>('select $1::int + 1 as n', [i])).rows[0]!.n, i + 1);
      assert.deepEqual(await prepared(), ['select $1::int + 1 as n'], 'one statement, prepared once');
      await pool.query('select $1::text as a', ['x']);
      await pool.query('select $1::text as b', ['y']);
      const after = await prepared();
      assert.equal(after.length, 2, 'the second text is prepared, the third goes unnamed past the limit of 2');
      assert.ok(!after.includes('select $1::text as b'));
      assert.equal((await pool.query<{ b: string }>('select $1::text as b', ['z'])).rows[0]!.b, 'z', 'an unnamed statement still answers');
    } finally {
      await pool.end();
    }
  });

  it('answers a statement whose table changed under its plan (a migration by a newer node) instead of failing', async () => {
    const pool = new pg.Pool({ connectionString: URL_, max: 1 });
    pool.on('connect', (client) => reusePlans(client));
    try {
      await pool.query('create temporary table plan_probe (id int)');
      await pool.query('insert into plan_probe values (1)');
      const read = () => pool.query('select * from plan_probe where id = $1', [1]);
      assert.deepEqual((await read()).rows, [{ id: 1 }]);
      await pool.query('alter table plan_probe add column note text');
      assert.deepEqual((await read()).rows, [{ id: 1, note: null }]);
      assert.deepEqual((await read()).rows, [{ id: 1, note: null }]);
      // Kysely's path: a checked-out client's query without a callback (a promise).
      const client = await pool.connect();
      try {
        const direct = () => client.query('select * from plan_probe where id = $1 and true', [1]);
        assert.deepEqual((await direct()).rows, [{ id: 1, note: null }]);
        await client.query('alter table plan_probe add column seen boolean');
        assert.deepEqual((await direct()).rows, [{ id: 1, note: null, seen: null }]);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});

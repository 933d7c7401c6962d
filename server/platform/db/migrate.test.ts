import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { listMigrations } from './migrate.ts';

describe('migration files', () => {
  it('are numbered uniquely (two branches adding the same number are caught before anything runs)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      for (const f of ['001_a.sql', '002_b.sql']) fs.writeFileSync(path.join(dir, f), 'select 1;');
      assert.deepEqual(
        listMigrations(dir).map((m) => m.version),
        [1, 2],
      );
      fs.writeFileSync(path.join(dir, '002_c.sql'), 'select 1;');
      assert.throws(() => listMigrations(dir), /two migrations share the number 2/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('of the project itself have no duplicate number', () => {
    assert.ok(listMigrations().length >= 8);
  });
});

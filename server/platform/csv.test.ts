import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { csvCell, csvDocument } from './csv.ts';

describe('CSV for Italian spreadsheets', () => {
  it('writes decimal commas, quotes what needs it, and never leaves a formula to run', () => {
    assert.equal(csvCell(3.5), '3,5');
    assert.equal(csvCell('Rossi; Mario'), '"Rossi; Mario"');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell('-1+1'), "'-1+1");
    assert.equal(csvCell(null), '');
    assert.equal(csvDocument(['A', 'B'], [[1, 'x']]), '\uFEFFA;B\r\n1;x\r\n');
  });

  it('keeps every text as one cell that starts with no formula sign', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const c = csvCell(s);
        const inner = c.startsWith('"') ? c.slice(1, -1).replaceAll('""', '"') : c;
        assert.ok(!/^[=+\-@\t\r]/.test(inner));
        if (!c.startsWith('"')) assert.ok(!/[;\n\r"]/.test(c), 'a bare cell holds no separator');
      }),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordProblems } from './password-policy.ts';

const maria = { username: 'urp.bari', displayName: 'Maria Lorusso' };
const codes = (pw: string, person = maria) => passwordProblems(pw, person).map((p) => p.code);

describe('password policy', () => {
  it('accepts long, personal-free, uncommon passwords up to 128 characters', () => {
    for (const pw of [
      'gatto-nero-sul-tetto',
      'Treni in orario a Bari 7',
      'k7dm-q4tz-8hwp-r3nx',
      `${'x'.repeat(60)}abcd-1234`,
      'è così che si fa!!',
      'a1b2c3d4e5f6g7h8'.repeat(8),
    ]) {
      assert.deepEqual(codes(pw), [], pw);
    }
    assert.deepEqual(codes('sportello-demo'), [], 'the demo password meets the policy too');
  });

  it('wants at least 12 characters and at most 128', () => {
    assert.deepEqual(codes('Tr3no-Bari'), ['TOO_SHORT']);
    assert.deepEqual(codes(`casa-di-mare${'x'.repeat(117)}`), ['TOO_LONG']);
    assert.equal(codes(`${'x'.repeat(50)}abcdefg-${'y'.repeat(70)}`).length, 0, '128 characters are accepted');
  });

  it('refuses the username and the display name', () => {
    assert.deepEqual(codes('urp.bari.2026!'), ['PERSONAL']);
    assert.deepEqual(codes('URP-BARI-ufficio'), ['PERSONAL']);
    assert.deepEqual(codes('Maria Lorusso'), ['PERSONAL']);
    assert.deepEqual(codes('maria.lorusso'), ['PERSONAL']);
  });

  it('refuses common passwords, also dressed up with digits, symbols or leetspeak', () => {
    for (const pw of ['password1234', 'qwertyuiop12', 'Juventus2024!', 'forzanapoli1926', 'P4ssw0rd12345', 'amoremio12345', '!!tiamotanto!!', 'Ciaobella2026']) {
      assert.ok(codes(pw).includes('COMMON'), pw);
    }
    for (const run of ['123456789012', 'abcdefghijkl', '987654321098', 'lmnopqrstuvw']) assert.ok(codes(run).includes('COMMON'), run);
  });

  it('refuses passwords of very few different characters', () => {
    assert.ok(codes('aaaaaaaaaaaa').includes('TOO_SIMPLE'));
    assert.ok(codes('abababababab').includes('TOO_SIMPLE'));
  });

  it('explains every problem in Italian', () => {
    const problems = passwordProblems('juventus', maria);
    assert.deepEqual(
      problems.map((p) => p.code),
      ['TOO_SHORT', 'COMMON'],
    );
    assert.match(problems[0]!.message, /almeno 12 caratteri/);
    assert.match(problems[1]!.message, /più usate/);
  });
});

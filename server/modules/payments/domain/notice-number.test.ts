import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildNav, checkDigits, isValidNav, iuvOfNav, navInGroups, navOfIuv, noticeBase, qrPayload } from './notice-number.ts';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const segregation = digits(2).filter((s) => !['97', '98', '99'].includes(s));

describe('notice number (NAV) and IUV', () => {
  it('gives the example of the domain notes: segregation 01, base 2024000000001 → check 64', () => {
    assert.equal(checkDigits('3012024000000001'), '64');
    assert.equal(buildNav('01', '2024000000001'), '301202400000000164');
    assert.equal(iuvOfNav('301202400000000164'), '01202400000000164');
    assert.equal(navOfIuv('01202400000000164'), '301202400000000164');
  });

  it('pads a check below 10 to two digits', () => {
    // 3000000000000090 is a multiple of 93 → "00"; +5 → "05".
    assert.equal(checkDigits('3000000000000090'), '00');
    assert.equal(checkDigits('3000000000000095'), '05');
  });

  it('builds 18-digit NAVs that validate and carry their segregation code', () => {
    fc.assert(
      fc.property(segregation, digits(13), (seg, base) => {
        const nav = buildNav(seg, base);
        assert.match(nav, /^3\d{17}$/);
        assert.equal(nav.slice(1, 3), seg);
        assert.ok(isValidNav(nav));
        assert.equal(navOfIuv(iuvOfNav(nav)), nav);
        assert.equal(Number(BigInt(nav.slice(0, 16)) % 93n), Number(nav.slice(16)));
      }),
    );
  });

  it('refuses a NAV with any single digit changed (the check catches it) or another aux digit', () => {
    fc.assert(
      fc.property(segregation, digits(13), fc.integer({ min: 1, max: 17 }), fc.integer({ min: 1, max: 9 }), (seg, base, at, delta) => {
        const nav = buildNav(seg, base);
        const changed = nav.slice(0, at) + ((Number(nav[at]) + delta) % 10) + nav.slice(at + 1);
        assert.equal(isValidNav(changed), false);
      }),
    );
    assert.equal(isValidNav('001202400000000164'), false);
    assert.equal(isValidNav('30120240000000016'), false);
  });

  it('runs the base per year, so the n-th notice of two years never collides', () => {
    assert.equal(noticeBase(2024, 1), '2024000000001');
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 9999 }),
        fc.integer({ min: 2000, max: 9999 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (y1, y2, a, b) => {
          fc.pre(y1 !== y2 || a !== b);
          assert.notEqual(noticeBase(y1, a), noticeBase(y2, b));
        },
      ),
    );
    assert.throws(() => noticeBase(2024, 1_000_000_000), RangeError);
  });

  it('prints the NAV in groups of four (22 characters)', () => {
    assert.equal(navInGroups('301202400000000164'), '3012 0240 0000 0001 64');
    assert.equal(navInGroups('301202400000000164').length, 22);
  });

  it('writes the QR payload of the notice specification', () => {
    assert.equal(qrPayload('301202400000000164', '80015010723', 1650), 'PAGOPA|002|301202400000000164|80015010723|1650');
    assert.throws(() => qrPayload('301202400000000165', '80015010723', 1650), RangeError);
    assert.throws(() => qrPayload('301202400000000164', 'RSSMRA80A01A662X', 1650), RangeError);
    assert.throws(() => qrPayload('301202400000000164', '80015010723', 16.5), RangeError);
  });
});

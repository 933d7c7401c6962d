import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OnboardingError } from './errors.ts';
import { catalogueFromCsv } from './import-csv.ts';

describe('catalogue CSV files', () => {
  it('reads a spreadsheet export: semicolons, BOM, quoted cells, day names, sì/no, one row per interval', () => {
    const spec = catalogueFromCsv([
      { file: 'uffici.csv', text: '\uFEFFname;address;active\nAnagrafe;"Piazza Grande 1; piano terra";sì\n' },
      { file: 'servizi.csv', text: 'office;name;durationMinutes;mode;requiresApproval\nAnagrafe;CIE;20;in_person;no\nAnagrafe;Certificati;10;;\n' },
      {
        file: 'sportelli.csv',
        text: 'office;desk;services;weekday;start;end\nAnagrafe;Sportello 1;CIE | Certificati;lunedì;9:00;12:30\nAnagrafe;Sportello 1;;2;15.30;17:30\nAnagrafe;Sportello 2;;;;\n',
      },
    ]);
    assert.equal(spec.offices.length, 1);
    const [office] = spec.offices;
    assert.deepEqual([office!.name, office!.address, office!.active], ['Anagrafe', 'Piazza Grande 1; piano terra', true]);
    assert.deepEqual(
      office!.services.map(({ where, ...s }) => s),
      [
        { name: 'CIE', durationMinutes: 20, mode: 'in_person', requiresApproval: false },
        { name: 'Certificati', durationMinutes: 10 },
      ],
    );
    assert.deepEqual(
      office!.desks.map(({ where, ...d }) => d),
      [
        {
          name: 'Sportello 1',
          services: ['CIE', 'Certificati'],
          hours: [
            { weekday: 1, start: '09:00', end: '12:30' },
            { weekday: 2, start: '15:30', end: '17:30' },
          ],
        },
        { name: 'Sportello 2' },
      ],
    );
    assert.equal(office!.desks[0]!.where, 'sportelli.csv line 2');
  });

  it('names the file, line and column of each problem', () => {
    assert.throws(
      () =>
        catalogueFromCsv([
          { file: 'servizi.csv', text: 'office,name,durationMinutes,mode\nAnagrafe,CIE,venti,in_person\nAnagrafe,Certificati,3,telefono\n' },
          { file: 'sportelli.csv', text: 'office,desk,weekday,start,end\nAnagrafe,S1,lun,09:00,12:00\nAnagrafe,S1,lun,11:00,13:00\n' },
        ]),
      (err: unknown) => {
        assert.ok(err instanceof OnboardingError);
        assert.deepEqual(err.problems, [
          'servizi.csv line 2 › durationMinutes: must be a whole number (got "venti")',
          'servizi.csv line 3 › durationMinutes: must be >= 5',
          'servizi.csv line 3 › mode: must be one of "in_person", "video"',
        ]);
        return true;
      },
    );
    assert.throws(
      () => catalogueFromCsv([{ file: 'sportelli.csv', text: 'office,desk,weekday,start,end\nAnagrafe,S1,lun,09:00,12:00\nAnagrafe,S1,lun,11:00,13:00\n' }]),
      (err: unknown) => err instanceof OnboardingError && /sportelli\.csv line 2 › hours: .*sovrapposte/.test(err.problems.join('\n')),
    );
  });
});

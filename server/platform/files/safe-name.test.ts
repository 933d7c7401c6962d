import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FILE_TYPES } from './content-type.ts';
import { contentDisposition, safeFileName } from './safe-name.ts';

const { pdf: PDF, jpeg: JPEG, tiff: TIFF, p7m: P7M, docx: DOCX } = FILE_TYPES;

describe('safe file names', () => {
  it('keeps Italian names as they are', () => {
    assert.equal(safeFileName('Carta d’identità.pdf', PDF), 'Carta d’identità.pdf');
    assert.equal(safeFileName("Dichiarazione dell'erede - Perché sì.pdf", PDF), "Dichiarazione dell'erede - Perché sì.pdf");
    assert.equal(safeFileName('Verbale n. 3 del 12.05.2024.pdf', PDF), 'Verbale n. 3 del 12.05.2024.pdf');
    // A decomposed "è" (as macOS file names have it) is composed.
    assert.equal(safeFileName('Societa\u0300 e\u0300.pdf', PDF), 'Società è.pdf');
  });

  it('takes the last segment of any path', () => {
    assert.equal(safeFileName('C:\\Users\\mario\\Documenti\\Carta d’identità.pdf', PDF), 'Carta d’identità.pdf');
    assert.equal(safeFileName('../../etc/passwd', PDF), 'passwd.pdf');
    assert.equal(safeFileName('cartella/', PDF), 'documento.pdf');
  });

  it('replaces characters file systems refuse and drops invisible ones', () => {
    assert.equal(safeFileName('a<b>:c?"d"|e*.pdf', PDF), 'a_b__c__d__e_.pdf');
    assert.equal(safeFileName('riga\tuno\r\ndue\u0000.pdf', PDF), 'riga uno due.pdf');
    assert.equal(safeFileName('fattura\u202Efdp.exe', PDF), 'fatturafdp_exe.pdf');
    assert.equal(safeFileName('\u200b  molto    spaziato  .pdf', PDF), 'molto spaziato.pdf');
    assert.equal(safeFileName('...nascosto', PDF), 'nascosto.pdf');
    assert.equal(safeFileName('rotto\ud800.pdf', PDF), 'rotto.pdf');
  });

  it('never gives an empty or reserved name', () => {
    assert.equal(safeFileName('', PDF), 'documento.pdf');
    assert.equal(safeFileName('...', PDF), 'documento.pdf');
    assert.equal(safeFileName('CON.pdf', PDF), 'CON_.pdf');
    assert.equal(safeFileName('nul', PDF), 'nul_.pdf');
    assert.equal(safeFileName('com1.tar.pdf', PDF), 'com1_.tar.pdf');
    assert.equal(safeFileName('LPT¹.pdf', PDF), 'LPT¹_.pdf');
    assert.equal(safeFileName('CONTRATTO.pdf', PDF), 'CONTRATTO.pdf');
  });

  it('makes the extension say what the content is', () => {
    assert.equal(safeFileName('fattura.exe', PDF), 'fattura_exe.pdf');
    assert.equal(safeFileName('fattura.exe.pdf', PDF), 'fattura.exe.pdf');
    assert.equal(safeFileName('scansione', PDF), 'scansione.pdf');
    assert.equal(safeFileName('foto.JPG', JPEG), 'foto.JPG');
    assert.equal(safeFileName('foto.jpeg', JPEG), 'foto.jpeg');
    assert.equal(safeFileName('foto.png', JPEG), 'foto_png.jpg');
    assert.equal(safeFileName('scansione.tiff', TIFF), 'scansione.tiff');
    assert.equal(safeFileName('lettera.odt', DOCX), 'lettera_odt.docx');
  });

  it('keeps the signed document’s extension before .p7m', () => {
    assert.equal(safeFileName('contratto.pdf.p7m', P7M), 'contratto.pdf.p7m');
    assert.equal(safeFileName('IT01234567890_00001.xml.P7M', P7M), 'IT01234567890_00001.xml.P7M');
    assert.equal(safeFileName('contratto.pdf', P7M), 'contratto.pdf.p7m');
    assert.equal(safeFileName('setup.exe', P7M), 'setup_exe.p7m');
  });

  it('shortens long names and keeps the extension', () => {
    const long = safeFileName(`${'Richiesta di accesso agli atti '.repeat(10)}.pdf`, PDF);
    assert.ok([...long].length <= 120 && long.endsWith('.pdf') && !/[ .]\.pdf$/.test(long), long);
    // Shortened by characters as people see them, and within 240 bytes for Linux file systems.
    const emoji = safeFileName(`${'👨‍👩‍👧'.repeat(60)}.pdf`, PDF);
    assert.ok(Buffer.byteLength(emoji) <= 240 && /^(👨‍👩‍👧)+\.pdf$/u.test(emoji), emoji);
  });

  const anyType = fc.constantFrom(...Object.values(FILE_TYPES));
  const anyName = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.tuple(fc.string({ maxLength: 130 }), fc.constantFrom('.pdf', '.PDF', '.jpeg', '.exe', '.pdf.p7m', '.', ' .', '')).map(([a, b]) => a + b),
  );
  const sameType: Record<string, string[]> = { jpg: ['jpg', 'jpeg', 'jpe', 'jfif'], tif: ['tif', 'tiff'] };

  it('never returns a path, a forbidden or invisible character, an over-long name or another type', () => {
    fc.assert(
      fc.property(anyName, anyType, (raw, type) => {
        const name = safeFileName(raw, type);
        const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
        assert.doesNotMatch(name, /[/\\<>:"|?*\p{Cc}\p{Cs}\u202a-\u202e\u2066-\u2069]/u);
        assert.ok([...name].length <= 120 && Buffer.byteLength(name) <= 240, name);
        assert.ok((sameType[type.extension] ?? [type.extension]).includes(extension), name);
        assert.doesNotMatch(name, /^[. ]|[. ]\.[^.]+$/);
        assert.doesNotMatch(name.split('.')[0]!, /^(con|prn|aux|nul|com\d|lpt\d)$/i);
        assert.equal(name, name.normalize('NFC'));
        assert.equal(safeFileName(name, type), name, 'a safe name stays as it is');
      }),
      { numRuns: 500 },
    );
  });
});

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    assert.equal(contentDisposition('Carta d’identità.pdf'), `attachment; filename="Carta d'identita.pdf"; filename*=UTF-8''Carta%20d%E2%80%99identit%C3%A0.pdf`);
    assert.equal(contentDisposition('a "b" (c)*.pdf'), `attachment; filename="a _b_ (c)*.pdf"; filename*=UTF-8''a%20%22b%22%20%28c%29%2A.pdf`);
  });

  it('is a single header line of ASCII that decodes back to the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const header = contentDisposition(name);
        assert.match(header, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+\-.^_`|~]*$/);
        assert.doesNotMatch(header.slice(header.indexOf('"') + 1, header.lastIndexOf('"')), /["\\]/);
        // The encoded name has neither ' nor ; (both percent-encoded), so the last marker is its start,
        // whatever the ASCII fallback before it holds.
        const marker = "; filename*=UTF-8''";
        assert.equal(decodeURIComponent(header.slice(header.lastIndexOf(marker) + marker.length)), name);
      }),
    );
  });
});

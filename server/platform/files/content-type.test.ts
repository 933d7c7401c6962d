import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { detectFileType } from './content-type.ts';

interface Entry {
  name: string;
  content?: string | Buffer;
  /** Deflated with the sizes after the data, as LibreOffice and Java write most entries. */
  streamed?: boolean;
}

/** A complete ZIP file (local headers, data, central directory), enough for `unzip -t`. */
function zip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, content = '', streamed = false } of entries) {
    const raw = Buffer.from(content);
    const data = streamed ? deflateRawSync(raw) : raw;
    const crc = crc32(raw);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(streamed ? 0x0808 : 0x0800, 6);
    local.writeUInt16LE(streamed ? 8 : 0, 8);
    if (!streamed) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(raw.length, 22);
    }
    local.writeUInt16LE(fileName.length, 26);
    const descriptor = Buffer.alloc(streamed ? 16 : 0);
    if (streamed) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(raw.length, 12);
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    local.copy(record, 8, 6, 26); // flags, method, time, date, crc, sizes...
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(raw.length, 24);
    record.writeUInt16LE(fileName.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, fileName);
    parts.push(local, fileName, data, descriptor);
    offset += local.length + fileName.length + data.length + descriptor.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const CONTENT_TYPES = { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' };
const RELS = { name: '_rels/.rels', content: '<Relationships/>', streamed: true };
const xml = (name: string) => ({ name, content: `<x>${'lorem ipsum '.repeat(200)}</x>`, streamed: true });
const odf = (mimetype: string) => zip([{ name: 'mimetype', content: mimetype }, xml('content.xml'), xml('META-INF/manifest.xml')]);
const head = (file: Buffer) => file.subarray(0, 64 * 1024);
const extensionOf = (file: Buffer) => detectFileType(head(file))?.extension ?? null;

describe('document type by content', () => {
  it('recognises PDF, images and signed files by their signatures', () => {
    const cases: Array<[Buffer, string]> = [
      [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), 'pdf'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), 'jpg'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'png'],
      [Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0x08, 0, 0]), Buffer.from('WEBPVP8 ')]), 'webp'],
      [Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0, 0, 0]), 'tif'],
      [Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 0x08]), 'tif'],
      // DER (definite lengths) and BER (indefinite) ContentInfo with SignedData, as DiKe and ArubaSign write.
      [Buffer.concat([Buffer.from('308208a506092a864886f70d010702a08208963082089202', 'hex'), randomBytes(200)]), 'p7m'],
      [Buffer.concat([Buffer.from('308006092a864886f70d010702a0803080020101', 'hex'), randomBytes(200)]), 'p7m'],
    ];
    for (const [bytes, ext] of cases) assert.equal(detectFileType(bytes)?.extension, ext, ext);
  });

  it('recognises Office Open XML by the folder of its main part', () => {
    assert.equal(extensionOf(zip([CONTENT_TYPES, RELS, xml('word/document.xml'), xml('word/styles.xml')])), 'docx');
    assert.equal(extensionOf(zip([CONTENT_TYPES, RELS, xml('xl/workbook.xml'), xml('xl/worksheets/sheet1.xml')])), 'xlsx');
    assert.equal(extensionOf(zip([CONTENT_TYPES, RELS, xml('ppt/presentation.xml')])), 'pptx');
    // Some generators (openpyxl, POI) stream every entry and put docProps first.
    assert.equal(extensionOf(zip([xml('docProps/app.xml'), { ...CONTENT_TYPES, streamed: true }, xml('xl/workbook.xml')])), 'xlsx');
    // Only the first 64 KiB are seen: a large first part does not hide the main one.
    assert.equal(extensionOf(zip([CONTENT_TYPES, { name: 'word/document.xml', content: randomBytes(200_000), streamed: true }])), 'docx');
  });

  it('recognises OpenDocument by its stored mimetype entry', () => {
    assert.equal(extensionOf(odf('application/vnd.oasis.opendocument.text')), 'odt');
    assert.equal(extensionOf(odf('application/vnd.oasis.opendocument.spreadsheet')), 'ods');
    assert.equal(extensionOf(odf('application/vnd.oasis.opendocument.presentation')), 'odp');
    assert.equal(extensionOf(odf('application/vnd.oasis.opendocument.text-template')), null);
    assert.equal(extensionOf(zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.text', streamed: true }, xml('content.xml')])), null);
  });

  it('refuses executables, web pages, SVG, plain ZIPs, text and empty files', () => {
    const refused: Array<[string, Buffer]> = [
      ['Windows executable', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1')],
      ['Linux executable', Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1')],
      ['Mach-O executable', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0, 0, 0x01])],
      ['shell script', Buffer.from('#!/bin/sh\nrm -rf /\n')],
      ['web page', Buffer.from('<!doctype html><html><script>alert(1)</script></html>')],
      ['SVG', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['text renamed x.pdf', Buffer.from('Questo è un testo rinominato in x.pdf')],
      [
        'plain ZIP',
        zip([
          { name: 'leggimi.txt', content: 'ciao' },
          { name: 'payload.exe', content: 'MZ' },
        ]),
      ],
      [
        'JAR',
        zip([
          { name: 'META-INF/MANIFEST.MF', content: 'Main-Class: X\n' },
          { name: 'X.class', content: randomBytes(100) },
        ]),
      ],
      ['OOXML names only in a file content', zip([{ name: 'note.txt', content: '[Content_Types].xml word/document.xml' }])],
      ['word/ without [Content_Types].xml', zip([xml('word/document.xml')])],
      ['legacy Word (OLE2)', Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex')],
      ['X.509 certificate (DER, not SignedData)', Buffer.from('308203a130820289a003020102021400', 'hex')],
      ['truncated ZIP header', Buffer.from('504b0304140000', 'hex')],
      ['two bytes of JPEG', Buffer.from([0xff, 0xd8])],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of refused) assert.equal(detectFileType(bytes), null, what);
  });

  it('never throws on arbitrary bytes, ZIP-looking or not', () => {
    const zipLike = fc.uint8Array({ maxLength: 600 }).map((rest) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...rest]));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 600 }), zipLike), (bytes) => {
        detectFileType(bytes);
      }),
    );
  });

  it('reads a head that is a view into a larger buffer', () => {
    const pdf = Buffer.from('%PDF-1.4\n');
    const padded = Buffer.concat([Buffer.from('junk'), pdf]);
    assert.equal(detectFileType(new Uint8Array(padded.buffer, padded.byteOffset + 4, pdf.length))?.extension, 'pdf');
    const docx = zip([CONTENT_TYPES, xml('word/document.xml')]);
    const inside = Buffer.concat([randomBytes(7), docx]).subarray(7);
    assert.equal(detectFileType(inside)?.extension, 'docx');
  });
});

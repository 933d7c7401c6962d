// Metadata is stripped from photos without touching the picture: whatever segments or chunks a file
// has, the result is the same file without the metadata ones (and nothing that says where it was
// taken survives); what does not parse is refused.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { stripImageMetadata } from './image-metadata.ts';

const GPS = Buffer.from('GPS 41.1171 N 16.8719 E Pixel 8');

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}
const SCAN = Buffer.concat([jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])), Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56]), Buffer.from([0xff, 0xd9])]);
const jpeg = (segments: Buffer[]) => Buffer.concat([Buffer.from([0xff, 0xd8]), ...segments, SCAN]);

function pngChunk(name: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(name, 4, 'latin1');
  return Buffer.concat([head, data, Buffer.from([0, 0, 0, 0])]); // the CRC is not checked here
}
const png = (chunks: Buffer[]) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks, pngChunk('IEND', Buffer.alloc(0))]);

function webpChunk(name: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(name, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}
function webp(chunks: Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

describe('photo metadata', () => {
  it("drops a JPEG's Exif, XMP, IPTC and comments, and keeps JFIF, the colour profile and the picture", () => {
    const jfif = jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x02'));
    const icc = jpegSegment(0xe2, Buffer.from('ICC_PROFILE\0...'));
    const quant = jpegSegment(0xdb, Buffer.alloc(65, 1));
    const input = jpeg([jfif, jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), GPS])), icc, jpegSegment(0xed, GPS), jpegSegment(0xfe, GPS), quant]);
    const out = stripImageMetadata(input, 'image/jpeg')!;
    assert.deepEqual(out, jpeg([jfif, icc, quant]));
    assert.equal(out.includes(GPS), false);
  });

  it('keeps exactly the JPEG segments that are not metadata, whatever their order', () => {
    const segment = fc
      .tuple(fc.constantFrom(0xe0, 0xe1, 0xe2, 0xe5, 0xed, 0xee, 0xfe, 0xdb, 0xc0, 0xc4), fc.uint8Array({ maxLength: 40 }))
      .map(([marker, payload]) => ({ marker, bytes: jpegSegment(marker, Buffer.from(payload)) }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 12 }), (segments) => {
        const out = stripImageMetadata(jpeg(segments.map((s) => s.bytes)), 'image/jpeg');
        const expected = jpeg(segments.filter((s) => ![0xe1, 0xed, 0xfe].includes(s.marker)).map((s) => s.bytes));
        assert.deepEqual(out, expected);
      }),
    );
  });

  it("drops a PNG's eXIf and text chunks and keeps the image's", () => {
    const ihdr = pngChunk('IHDR', Buffer.alloc(13, 2));
    const idat = pngChunk('IDAT', Buffer.from([8, 9, 10]));
    const input = png([ihdr, pngChunk('eXIf', GPS), pngChunk('tEXt', GPS), pngChunk('iTXt', GPS), idat, pngChunk('tIME', Buffer.alloc(7))]);
    const out = stripImageMetadata(input, 'image/png')!;
    assert.deepEqual(out, png([ihdr, idat]));
    assert.equal(out.includes(GPS), false);
  });

  it("drops a WebP's EXIF and XMP chunks, clears their flags and fixes the file's size", () => {
    const vp8x = webpChunk('VP8X', Buffer.from([0x08 | 0x04 | 0x10, 0, 0, 0, 9, 0, 0, 9, 0, 0]));
    const image = webpChunk('VP8 ', Buffer.from([1, 2, 3, 4, 5]));
    const out = stripImageMetadata(webp([vp8x, image, webpChunk('EXIF', GPS), webpChunk('XMP ', GPS)]), 'image/webp')!;
    const cleared = Buffer.from(vp8x);
    cleared[8] = 0x10;
    assert.deepEqual(out, webp([cleared, image]));
    assert.equal(out.readUInt32LE(4) + 8, out.length);
    assert.equal(out.includes(GPS), false);
  });

  it('refuses what does not parse as the format it claims', () => {
    assert.equal(stripImageMetadata(Buffer.from('%PDF-1.7'), 'image/jpeg'), null);
    assert.equal(stripImageMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), 'image/jpeg'), null, 'a segment longer than the file');
    assert.equal(stripImageMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg'), null, 'no picture');
    assert.equal(stripImageMetadata(png([]).subarray(0, 19), 'image/png'), null, 'cut short');
    assert.equal(stripImageMetadata(Buffer.from('RIFF\xff\xff\xff\x7fWEBP', 'latin1'), 'image/webp'), null, 'a size beyond the file');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('image/jpeg' as const, 'image/png' as const, 'image/webp' as const), (bytes, type) => {
        const out = stripImageMetadata(Buffer.from(bytes), type);
        assert.ok(out === null || Buffer.isBuffer(out), 'never throws');
      }),
    );
  });
});

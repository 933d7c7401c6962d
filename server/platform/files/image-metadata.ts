// Photos citizens send (a pothole, a broken street light) often carry where and when they were taken
// and the phone's make in their metadata. Before a photo is stored, that metadata goes: the image's
// container is rewritten without its metadata blocks, the picture's own bytes untouched (no decoding,
// no re-encoding). Refuses (returns null) what does not parse as the format it claims.
//
// - JPEG: drops APP1 (Exif, XMP), APP13 (IPTC) and COM segments; keeps APP0 (JFIF), APP2 (the colour
//   profile) and APP14 (Adobe colour transform), which change how the picture looks.
// - PNG: drops eXIf, tEXt, zTXt, iTXt and tIME chunks.
// - WebP: drops the EXIF and XMP chunks and clears their flags in the VP8X header.

const JPEG_DROPPED = new Set([0xe1, 0xed, 0xfe]);
const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export function stripImageMetadata(bytes: Buffer, type: ImageType): Buffer | null {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  if (type === 'image/png') return stripPng(bytes);
  return stripWebp(bytes);
}

function stripJpeg(b: Buffer): Buffer | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  const kept: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  for (;;) {
    // Markers may be padded with 0xFF fill bytes.
    while (i < b.length && b[i] === 0xff && b[i + 1] === 0xff) i++;
    if (i + 4 > b.length || b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    // Start of scan: the compressed picture follows to the end; metadata never comes after it.
    if (marker === 0xda) {
      kept.push(b.subarray(i));
      return Buffer.concat(kept);
    }
    if (marker === 0xd9) return null; // an image with no scan
    const length = b.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > b.length) return null;
    if (!JPEG_DROPPED.has(marker)) kept.push(b.subarray(i, i + 2 + length));
    i += 2 + length;
  }
}

function stripPng(b: Buffer): Buffer | null {
  if (b.length < 8 || !b.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  const kept: Buffer[] = [b.subarray(0, 8)];
  let i = 8;
  while (i < b.length) {
    if (i + 12 > b.length) return null;
    const length = b.readUInt32BE(i);
    const end = i + 12 + length;
    if (end > b.length) return null;
    const name = b.toString('latin1', i + 4, i + 8);
    if (!PNG_DROPPED.has(name)) kept.push(b.subarray(i, end));
    i = end;
    if (name === 'IEND') return Buffer.concat(kept);
  }
  return null; // no IEND
}

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(b: Buffer): Buffer | null {
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null;
  const declared = b.readUInt32LE(4) + 8;
  if (declared > b.length || declared < 12) return null;
  const kept: Buffer[] = [];
  let i = 12;
  while (i < declared) {
    if (i + 8 > declared) return null;
    const name = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    // Chunks are padded to an even size.
    const end = i + 8 + size + (size % 2);
    if (end > declared) return null;
    if (name !== 'EXIF' && name !== 'XMP ') {
      const chunk = Buffer.from(b.subarray(i, end));
      if (name === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      kept.push(chunk);
    }
    i = end;
  }
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

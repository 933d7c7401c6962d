// The entries of a ZIP file that can be read from its first bytes alone: its local file headers, in
// order. The central directory sits at the end of the file, out of reach of a 64 KiB head, so this
// serves to recognise a file's kind, not to unpack it.

export interface ZipEntryHead {
  name: string;
  /** Compression: 0 stored, 8 deflated. */
  method: number;
  /** The entry's bytes as stored, when their size is known and they lie entirely inside the head. */
  data: Uint8Array | null;
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const HEADER_SIZE = 30;
const SIZES_AFTER_DATA = 0x0008;
const UTF8_NAME = 0x0800;
const ZIP64_SIZE = 0xffffffff;
const MAX_ENTRIES = 1000;

export function zipEntries(head: Uint8Array): ZipEntryHead[] {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const entries: ZipEntryHead[] = [];
  let offset = 0;
  while (entries.length < MAX_ENTRIES && offset + HEADER_SIZE <= head.length && isLocalHeader(head, offset)) {
    const flags = view.getUint16(offset + 6, true);
    const method = view.getUint16(offset + 8, true);
    const size = view.getUint32(offset + 18, true);
    const nameStart = offset + HEADER_SIZE;
    const nameEnd = nameStart + view.getUint16(offset + 26, true);
    const dataStart = nameEnd + view.getUint16(offset + 28, true);
    if (dataStart > head.length) break;
    const name = Buffer.from(head.subarray(nameStart, nameEnd)).toString(flags & UTF8_NAME ? 'utf8' : 'latin1');
    // Streaming writers (LibreOffice, Java) leave the sizes at zero and write them after the data;
    // the next entry is then found by its signature.
    if (flags & SIZES_AFTER_DATA || size === ZIP64_SIZE) {
      entries.push({ name, method, data: null });
      offset = nextLocalHeader(head, dataStart);
      if (offset < 0) break;
    } else {
      const dataEnd = dataStart + size;
      entries.push({ name, method, data: dataEnd <= head.length ? head.subarray(dataStart, dataEnd) : null });
      offset = dataEnd;
    }
  }
  return entries;
}

function isLocalHeader(b: Uint8Array, offset: number): boolean {
  return LOCAL_HEADER.every((v, i) => b[offset + i] === v);
}

function nextLocalHeader(b: Uint8Array, from: number): number {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(Buffer.from(LOCAL_HEADER), from);
}

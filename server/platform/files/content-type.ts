// The type of a document decided from its first bytes (magic numbers), never from its name or the
// browser's claim: a renamed executable or web page is refused whatever it is called.
//
// Deliberately refused:
// - text of any kind (plain, HTML, SVG, XML): a browser may render it as a page, scripts included;
// - legacy OLE2 Office files (.doc, .xls, .ppt): the same container holds Windows Installer packages
//   (.msi) and Outlook messages, and telling them apart means walking the compound file's directory
//   sectors. Citizens can send PDF, DOCX or ODT instead;
// - HEIC/HEIF photos: most officers' browsers cannot show them, and the room's file picker
//   (web/src/video/FilesPanel.tsx) does not offer them;
// - base64 (PEM-like) .p7m: only the DER form that signing tools write by default is recognised;
// - any other ZIP (archives, JAR, APK) and anything not listed in FILE_TYPES.
import { zipEntries } from './zip-head.ts';

export interface DetectedType {
  mediaType: string;
  extension: string;
  /** Italian, for people: 'PDF', 'Immagine JPEG', 'Documento Word'. */
  label: string;
}

const type = (mediaType: string, extension: string, label: string): DetectedType => Object.freeze({ mediaType, extension, label });

export const FILE_TYPES = {
  pdf: type('application/pdf', 'pdf', 'PDF'),
  jpeg: type('image/jpeg', 'jpg', 'Immagine JPEG'),
  png: type('image/png', 'png', 'Immagine PNG'),
  webp: type('image/webp', 'webp', 'Immagine WebP'),
  tiff: type('image/tiff', 'tif', 'Immagine TIFF'),
  p7m: type('application/pkcs7-mime', 'p7m', 'File firmato digitalmente (.p7m)'),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'Documento Word'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'Foglio Excel'),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx', 'Presentazione PowerPoint'),
  odt: type('application/vnd.oasis.opendocument.text', 'odt', 'Documento OpenDocument'),
  ods: type('application/vnd.oasis.opendocument.spreadsheet', 'ods', 'Foglio OpenDocument'),
  odp: type('application/vnd.oasis.opendocument.presentation', 'odp', 'Presentazione OpenDocument'),
} as const satisfies Record<string, DetectedType>;

/** For error messages: what a citizen may send. */
/** What a stored document may be served as (the OpenAPI document lists them). */
export const DOCUMENT_MEDIA_TYPES: readonly string[] = Object.values(FILE_TYPES).map((t) => t.mediaType);

export const ACCEPTED_LABELS = 'PDF, immagini (JPEG, PNG, WebP, TIFF), documenti Office e OpenDocument, file firmati .p7m';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const at = (b: Uint8Array, sig: readonly number[], offset = 0) => b.length >= offset + sig.length && sig.every((v, i) => b[offset + i] === v);

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TIFF_LE = [0x49, 0x49, 0x2a, 0x00];
const TIFF_BE = [0x4d, 0x4d, 0x00, 0x2a];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
// DER of the OID 1.2.840.113549.1.7.2 (PKCS#7 SignedData), the content type of a CAdES envelope.
const PKCS7_SIGNED_DATA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/** `head` is the start of the file (up to 64 KiB); null means "not a document we accept". */
export function detectFileType(head: Uint8Array): DetectedType | null {
  if (at(head, PDF)) return FILE_TYPES.pdf;
  if (at(head, JPEG)) return FILE_TYPES.jpeg;
  if (at(head, PNG)) return FILE_TYPES.png;
  if (at(head, ascii('RIFF')) && at(head, ascii('WEBP'), 8)) return FILE_TYPES.webp;
  if (at(head, TIFF_LE) || at(head, TIFF_BE)) return FILE_TYPES.tiff;
  // ContentInfo ::= SEQUENCE { contentType OID, ... }: the OID comes right after the length bytes.
  if (head[0] === 0x30 && indexOf(head.subarray(0, 64), PKCS7_SIGNED_DATA) >= 0) return FILE_TYPES.p7m;
  if (at(head, ZIP)) return zippedDocument(head);
  return null;
}

const ODF_BY_MIMETYPE = new Map<string, DetectedType>([FILE_TYPES.odt, FILE_TYPES.ods, FILE_TYPES.odp].map((t) => [t.mediaType, t]));
// The folder of the main part tells the three Office Open XML kinds apart.
const OOXML_BY_FOLDER: Array<[string, DetectedType]> = [
  ['word/', FILE_TYPES.docx],
  ['xl/', FILE_TYPES.xlsx],
  ['ppt/', FILE_TYPES.pptx],
];

/**
 * OpenDocument and Office Open XML are ZIP files; other ZIPs are refused. Only the entries whose
 * local headers fall inside `head` are seen: office suites write the telling ones first.
 */
function zippedDocument(head: Uint8Array): DetectedType | null {
  const entries = zipEntries(head);
  // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the exact media type.
  const first = entries[0];
  if (first?.name === 'mimetype') {
    if (first.method !== 0 || !first.data) return null;
    return ODF_BY_MIMETYPE.get(Buffer.from(first.data).toString('latin1')) ?? null;
  }
  if (!entries.some((e) => e.name === '[Content_Types].xml')) return null;
  for (const e of entries) {
    const match = OOXML_BY_FOLDER.find(([folder]) => e.name.startsWith(folder));
    if (match) return match[1];
  }
  return null;
}

function indexOf(hay: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

// Names of uploaded documents as the other party will see and save them: no path, no characters a
// file system refuses, nothing invisible, no reserved device names, a bounded length, and an
// extension that says what the content really is.
import type { DetectedType } from './content-type.ts';

const MAX_CHARS = 120;
// ext4 and most Linux file systems stop at 255 bytes; the rest leaves room for a browser's " (1)".
const MAX_BYTES = 240;
const FALLBACK_STEM = 'documento';
// Windows device names, also with an extension ("CON.pdf" is still the console).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const ILLEGAL = /[<>:"/\\|?*]/g;
// Controls, bidirectional marks and overrides ("fattura\u202Efdp.exe" shows as "fatturaexe.pdf"),
// zero-width spaces, and lone surrogates (which cannot be encoded in a header). Zero-width joiners
// stay: emoji and some scripts need them.
const INVISIBLE = /[\p{Cc}\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\p{Cs}/gu;
// What counts as an extension: "Verbale del 12.05.2024" or "Dott. Rossi" have none.
const EXTENSION = /^(?=.*[a-z])[a-z0-9]{1,8}$/i;
// Other spellings of a detected type's extension, kept as the sender wrote them ("foto.JPEG").
const SAME_TYPE: Record<string, string[]> = { jpg: ['jpg', 'jpeg', 'jpe', 'jfif'], tif: ['tif', 'tiff'] };
// A .p7m envelope keeps the signed document's extension before its own: "contratto.pdf.p7m",
// "IT01234567890_00001.xml.p7m" (electronic invoices).
const SIGNED_CONTENT = new Set(['pdf', 'xml', 'txt', 'rtf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'jpg', 'jpeg', 'png', 'tif', 'tiff']);

const graphemes = new Intl.Segmenter('it', { granularity: 'grapheme' });

export function safeFileName(original: string, detected: DetectedType): string {
  const name = (original.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\s/g, ' ')
    .replace(INVISIBLE, '')
    .replace(ILLEGAL, '_')
    .replace(/ {2,}/g, ' ')
    .replace(/^[. ]+/, '')
    .trimEnd();

  const dot = name.lastIndexOf('.');
  const given = dot > 0 && EXTENSION.test(name.slice(dot + 1)) ? name.slice(dot + 1) : '';
  let stem = given ? name.slice(0, dot) : name;
  let extension = detected.extension;
  const sameType = SAME_TYPE[detected.extension] ?? [detected.extension];
  if (sameType.includes(given.toLowerCase())) extension = given;
  else if (detected.extension === 'p7m' && SIGNED_CONTENT.has(given.toLowerCase())) stem = `${stem}.${given}`;
  else if (given) stem = `${stem}_${given}`; // "fattura.exe" that is a PDF becomes "fattura_exe.pdf"

  // Room for the dot, the extension and the "_" a reserved name may need.
  const room = extension.length + 2;
  stem = truncate(stem, MAX_CHARS - room, MAX_BYTES - room).replace(/[. ]+$/, '');
  if (!stem) stem = FALLBACK_STEM;
  const base = stem.split('.')[0]!;
  if (RESERVED.test(base.trim())) stem = `${base}_${stem.slice(base.length)}`;
  return `${stem}.${extension}`;
}

/** The longest prefix within both limits that does not split a character as people see it. */
function truncate(text: string, maxChars: number, maxBytes: number): string {
  if ([...text].length <= maxChars && Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    chars += [...segment].length;
    bytes += Buffer.byteLength(segment);
    if (chars > maxChars || bytes > maxBytes) break;
    out += segment;
  }
  return out;
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 5987). */
export function contentDisposition(name: string): string {
  const wellFormed = name.replace(/\p{Cs}/gu, '\ufffd');
  const fallback = wellFormed
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '') // "identità" → "identita"
    .replace(/[‘’]/g, "'")
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are, but RFC 5987 wants them encoded.
  const encoded = encodeURIComponent(wellFormed).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

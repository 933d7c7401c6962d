// PDF documents made on the server (the protocol's daily register; receipts next) with pdfkit, a
// maintained library: one place that opens a document with its metadata and collects its bytes.
// The standard fonts (Helvetica) cover the Windows-1252 repertoire: Italian and most Western
// European text. `pdfText` keeps what they can show and brings the rest as close as it can (letters
// without their accents, else "?"); the exact text always travels next to the PDF (JSON, database).
import PDFDocument from 'pdfkit';

export type Pdf = PDFKit.PDFDocument;

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function showable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

/** Text the standard fonts can draw: control characters out, other letters without accents or as "?". */
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    if (showable(ch)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += base && [...base].every(showable) ? base : ch.codePointAt(0)! < 0x20 ? '' : '?';
    }
  }
  return out;
}

export interface PdfMeta {
  title: string;
  author: string;
  subject?: string;
  /** Written into the document, so the same content gives the same bytes at the same instant. */
  createdAt: Date;
}

/** Draws a document with `draw` and returns its bytes (A4, Italian, title shown by viewers). */
export async function renderPdf(meta: PdfMeta, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: 'it-IT',
    displayTitle: true,
    pdfVersion: '1.7',
    bufferPages: true,
    info: {
      Title: pdfText(meta.title),
      Author: pdfText(meta.author),
      Subject: pdfText(meta.subject ?? ''),
      Creator: 'Sportello',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font('Helvetica');
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

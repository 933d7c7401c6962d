// The text a reader sees in a PDF, extracted by Mozilla's pdf.js (an independent reader, not the
// library that wrote it): what a test of a generated document asserts on.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfTextOf(bytes: Buffer | Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages.join('\n');
}

// QR codes for printed posters, emails and screens (the npm "qrcode" encoder): SVG for pages and
// posters, PNG for email attachments. Error correction M, as pagoPA notices also require.
import QRCode from 'qrcode';

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function qrPng(text: string, width = 320): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}

/**
 * The modules of a QR symbol (true = dark), row by row, for drawing it as vectors (a PDF: the
 * pagoPA notice asks for a vector code). `version` fixes the symbol size (pagoPA: version 4).
 */
export function qrModules(text: string, version?: number): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M', ...(version ? { version } : {}) });
  const { size, data } = qr.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

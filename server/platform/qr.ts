// QR codes for printed posters, emails and screens (the npm "qrcode" encoder): SVG for pages and
// posters, PNG for email attachments. Error correction M, as pagoPA notices also require.
import QRCode from 'qrcode';

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function qrPng(text: string, width = 320): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}

// The payment notice ("avviso di pagamento") as a PDF, laid out in the order of pagoPA's notice guide
// (3.x): header with the subject, creditor and recipient, how much and by when, where to pay, then the
// payment data of the single payment and of each instalment, with the vector QR code (version 4,
// error correction M) and the notice code in groups of four. The texts come from domain/notice-fields
// (lengths enforced there); this file only places them.
import { type Pdf, pdfText, renderPdf } from '../../platform/pdf.ts';
import { qrModules } from '../../platform/qr.ts';
import type { NoticeFields, NoticePortion } from './domain/notice-fields.ts';

const MM = 72 / 25.4;
const QR_SIDE = 25 * MM;
const LEFT = 50;
const WIDTH = 495;
const GREY = '#5c6f82';
const BLUE = '#0b3f73';

function drawQr(doc: Pdf, payload: string, x: number, y: number): void {
  const qr = qrModules(payload, 4);
  const cell = QR_SIDE / qr.size;
  doc.save().fillColor('black');
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) if (qr.dark(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  }
  doc.fill().restore();
}

function sectionTitle(doc: Pdf, text: string): void {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).fillColor(BLUE).text(text.toUpperCase(), LEFT, doc.y, { width: WIDTH }).fillColor('black').moveDown(0.3);
}

function labelled(doc: Pdf, label: string, value: string, x: number, width: number): void {
  doc.font('Helvetica').fontSize(8).fillColor(GREY).text(pdfText(label), x, doc.y, { width });
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(pdfText(value), x, doc.y, { width });
}

/** The guide: a notice of several pages repeats its header on each. */
function pageHeader(doc: Pdf, f: NoticeFields, testEnvironment: boolean): void {
  if (testEnvironment) {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#a61919')
      .text('AMBIENTE DI PROVA - avviso del simulatore pagoPA, non pagabile', LEFT, doc.y, { align: 'center', width: WIDTH });
    doc.fillColor('black').moveDown(0.5);
  }
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text('AVVISO DI PAGAMENTO', LEFT, doc.y).fillColor('black');
  doc.font('Helvetica-Bold').fontSize(16).text(pdfText(f.subject), LEFT, doc.y, { width: WIDTH });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(`${f.creditor.name} - pagoPA`), LEFT, doc.y, { align: 'right', width: WIDTH });
}

function portion(doc: Pdf, f: NoticeFields, p: NoticePortion, testEnvironment: boolean): void {
  if (doc.y > 640) {
    doc.addPage();
    pageHeader(doc, f, testEnvironment);
    doc.moveDown(0.8);
  }
  const top = doc.y + 6;
  doc.save().lineWidth(0.5).strokeColor(GREY).rect(LEFT, top, WIDTH, 150).stroke().restore();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(pdfText(`${p.title}`), LEFT + 10, top + 10, { width: 250 });
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(pdfText(`${p.amount} Euro`), LEFT + 260, top + 8, { width: 120 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(pdfText(`entro il ${p.dueDate}`), LEFT + 260, doc.y, { width: 120 });
  doc.y = top + 32;
  labelled(doc, 'Destinatario', `${f.debtor.name} (${f.debtor.fiscalCode})`, LEFT + 10, 320);
  labelled(doc, 'Ente Creditore', f.creditor.name, LEFT + 10, 320);
  labelled(doc, 'Oggetto del pagamento', f.subject, LEFT + 10, 320);
  const codesY = doc.y + 2;
  doc.y = codesY;
  if (f.creditor.cbill) labelled(doc, 'Codice CBILL', f.creditor.cbill, LEFT + 10, 90);
  doc.y = codesY;
  labelled(doc, 'Codice Avviso', p.code, LEFT + 105, 140);
  doc.y = codesY;
  labelled(doc, 'Cod. Fiscale Ente', f.creditor.fiscalCode, LEFT + 250, 100);
  drawQr(doc, p.qr, LEFT + WIDTH - QR_SIDE - 12, top + 30);
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor(GREY)
    .text('Inquadra il codice QR con la tua app di pagamento o usa i dati accanto.', LEFT + WIDTH - QR_SIDE - 40, top + 34 + QR_SIDE, { width: QR_SIDE + 36, align: 'center' })
    .fillColor('black');
  doc.y = top + 156;
}

export function renderNoticePdf(f: NoticeFields, opts: { createdAt: Date; testEnvironment: boolean }): Promise<Buffer> {
  return renderPdf({ title: `Avviso di pagamento - ${f.subject}`, author: f.creditor.name, subject: 'Avviso di pagamento pagoPA', createdAt: opts.createdAt }, (doc) => {
    pageHeader(doc, f, opts.testEnvironment);

    const colY = doc.y + 8;
    doc.y = colY;
    sectionTitle(doc, 'Ente creditore');
    doc.font('Helvetica-Bold').fontSize(11).text(pdfText(f.creditor.name), LEFT, doc.y, { width: 240 });
    doc.font('Helvetica').fontSize(9);
    if (f.creditor.sector) doc.text(pdfText(f.creditor.sector), LEFT, doc.y, { width: 240 });
    if (f.creditor.info) doc.text(pdfText(f.creditor.info), LEFT, doc.y, { width: 240 });
    doc.text(pdfText(`Codice Fiscale ${f.creditor.fiscalCode}`), LEFT, doc.y, { width: 240 });
    const leftEnd = doc.y;
    doc.y = colY;
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(BLUE)
      .text('DESTINATARIO AVVISO', LEFT + 260, doc.y, { width: 235 })
      .fillColor('black')
      .moveDown(0.3);
    doc
      .font('Helvetica-Bold')
      .fontSize(11)
      .text(pdfText(f.debtor.name), LEFT + 260, doc.y, { width: 235 });
    doc.font('Helvetica').fontSize(9);
    if (f.debtor.address) doc.text(pdfText(f.debtor.address), LEFT + 260, doc.y, { width: 235 });
    doc.text(pdfText(`Codice Fiscale ${f.debtor.fiscalCode}`), LEFT + 260, doc.y, { width: 235 });
    doc.y = Math.max(leftEnd, doc.y);

    sectionTitle(doc, 'Quanto e quando pagare?');
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(pdfText(`${f.amount} Euro entro il ${f.dueDate}`), LEFT, doc.y);
    doc.font('Helvetica').fontSize(9);
    if (f.instalmentsInfo) doc.text(pdfText(`${f.instalmentsInfo}. Importi e scadenze sono riportati nel dettaglio di ogni singola rata.`), LEFT, doc.y, { width: WIDTH });
    doc.text(
      "In fase di pagamento, se previsto dall'ente, l'importo potrebbe essere aggiornato automaticamente e subire variazioni per eventuali sgravi, note di credito, indennita di mora, sanzioni o interessi.",
      LEFT,
      doc.y,
      { width: WIDTH },
    );

    sectionTitle(doc, 'Dove pagare?');
    doc.font('Helvetica-Bold').fontSize(9).text("PAGA CON L'APP IO", LEFT, doc.y);
    doc
      .font('Helvetica')
      .text(
        pdfText(`oppure sul sito di ${f.creditor.name}, dal tuo Home Banking, con la tua app di pagamento o con gli altri canali abilitati. Vai su pagopa.gov.it`),
        LEFT,
        doc.y,
        { width: WIDTH },
      );
    doc.font('Helvetica-Bold').text('PAGA SUL TERRITORIO', LEFT, doc.y + 4);
    doc
      .font('Helvetica')
      .text(
        'presso Banche e Sportelli ATM, negli Uffici Postali e Punti Postali, nei Bar, Edicole, Ricevitorie, Supermercati, Tabaccherie e altri Esercenti Convenzionati.',
        LEFT,
        doc.y,
        { width: WIDTH },
      );

    sectionTitle(doc, 'Dati per il pagamento');
    for (const p of f.portions) portion(doc, f, p, opts.testEnvironment);
  });
}

// The receipt of a paid position, as the citizen downloads it from "Pagamenti": who paid whom, for
// what, how much, when, through which provider, and pagoPA's receipt identifier (or the office's
// reference for a payment recorded at the desk). One line per paid notice.
import { type Pdf, pdfText, renderPdf } from '../../platform/pdf.ts';
import { euro } from './domain/amounts.ts';
import { navInGroups } from './domain/notice-number.ts';

export interface ReceiptPdfInput {
  creditor: { name: string; fiscalCode: string };
  debtor: { name: string; fiscalCode: string };
  description: string;
  lines: { nav: string; iuv: string; amountCents: number; paidAt: Date; via: 'pagopa' | 'offline'; receiptId: string; psp: string | null; reference: string | null }[];
  testEnvironment: boolean;
  createdAt: Date;
}

const when = (d: Date) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);

function row(doc: Pdf, label: string, value: string): void {
  const y = doc.y;
  doc.font('Helvetica').fontSize(9).fillColor('#5c6f82').text(pdfText(label), 50, y, { width: 150 });
  doc.font('Helvetica').fontSize(10).fillColor('black').text(pdfText(value), 200, y, { width: 345 });
  doc.moveDown(0.2);
}

export function renderReceiptPdf(r: ReceiptPdfInput): Promise<Buffer> {
  return renderPdf({ title: `Ricevuta di pagamento - ${r.description}`, author: r.creditor.name, subject: 'Ricevuta di pagamento pagoPA', createdAt: r.createdAt }, (doc) => {
    if (r.testEnvironment)
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#a61919').text('AMBIENTE DI PROVA - ricevuta del simulatore pagoPA', { align: 'center' }).fillColor('black').moveDown(0.5);
    doc.font('Helvetica-Bold').fontSize(16).text('Ricevuta di pagamento');
    doc.font('Helvetica').fontSize(11).text(pdfText(r.creditor.name)).moveDown(1);
    row(doc, 'Ente creditore', `${r.creditor.name} (C.F. ${r.creditor.fiscalCode})`);
    row(doc, 'Debitore', `${r.debtor.name} (C.F. ${r.debtor.fiscalCode})`);
    row(doc, 'Oggetto', r.description);
    row(doc, 'Totale pagato', euro(r.lines.reduce((a, l) => a + l.amountCents, 0)));
    for (const l of r.lines) {
      doc.moveDown(0.6);
      row(doc, 'Codice avviso', navInGroups(l.nav));
      row(doc, 'IUV', l.iuv);
      row(doc, 'Importo', euro(l.amountCents));
      row(doc, 'Pagato il', when(l.paidAt));
      if (l.via === 'pagopa') {
        row(doc, 'Canale', `pagoPA${l.psp ? ` - ${l.psp}` : ''}`);
        row(doc, 'Identificativo ricevuta', l.receiptId);
      } else {
        row(doc, 'Canale', "Pagamento registrato dall'ufficio");
        if (l.reference) row(doc, 'Riferimento', l.reference);
      }
    }
  });
}

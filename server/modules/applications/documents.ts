// The two PDFs of an application: what was filed (every answer as the citizen gave it, and the
// attachments with their SHA-256), registered in the protocol as the main document; and the receipt
// with the protocol stamp, which the citizen downloads and gets by email.
import type { AddressValue, FieldDef, FormData, FormDefinition } from '../../../contracts/forms/definition.ts';
import { isShown } from '../../../contracts/forms/definition.ts';
import { type Pdf, pdfText, renderPdf } from '../../platform/pdf.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';

export interface FiledDocument {
  name: string;
  sha256: string;
  size: number;
}

interface Applicant {
  givenName: string;
  familyName: string;
  fiscalCode: string;
}

const italianWhen = (at: Date, tz: string) => {
  const iso = formatInstant(at.getTime(), tz);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} alle ${iso.slice(11, 16)}`;
};

function valueText(f: FieldDef, v: unknown, files: Map<string, FiledDocument>): string {
  switch (f.type) {
    case 'boolean':
      return v === true ? 'Sì' : 'No';
    case 'radio':
    case 'select':
      return f.options.find((o) => o.value === v)?.label ?? String(v);
    case 'checkboxes':
      return (v as string[]).map((x) => f.options.find((o) => o.value === x)?.label ?? x).join(', ');
    case 'address': {
      const a = v as AddressValue;
      return `${a.street} ${a.number}, ${a.postalCode} ${a.town} (${a.province})`;
    }
    case 'file':
      return (v as string[]).map((id) => files.get(id)?.name ?? id).join(', ');
    default:
      return String(v);
  }
}

function drawFields(doc: Pdf, fields: FieldDef[], scope: Record<string, unknown>, files: Map<string, FiledDocument>, indent: number): void {
  for (const f of fields) {
    const v = scope[f.id];
    if (v === undefined || !isShown(f, scope)) continue;
    if (f.type === 'group') {
      (v as Array<Record<string, unknown>>).forEach((item, i) => {
        doc
          .font('Helvetica-Bold')
          .fontSize(10)
          .text(pdfText(`${f.itemLabel} ${i + 1}`), { indent });
        drawFields(doc, f.fields, item, files, indent + 14);
      });
      continue;
    }
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(pdfText(`${f.label}: `), { indent, continued: true });
    doc.font('Helvetica').text(pdfText(valueText(f, v, files)));
  }
}

export async function filedApplicationPdf(a: {
  tenantName: string;
  tz: string;
  serviceTitle: string;
  applicant: Applicant;
  /** The contacts of the citizen's profile (never asked again in the form). */
  contacts: { email: string | null; phone: string | null };
  at: Date;
  definition: FormDefinition;
  data: FormData;
  attachments: Map<string, FiledDocument>;
}): Promise<Buffer> {
  const title = `Domanda: ${a.serviceTitle}`;
  return renderPdf({ title, author: a.tenantName, subject: 'Domanda presentata online', createdAt: a.at }, (doc) => {
    doc.fontSize(11).font('Helvetica').text(pdfText(a.tenantName));
    doc.moveDown(0.3).fontSize(16).font('Helvetica-Bold').text(pdfText(title));
    doc.moveDown(0.3).fontSize(10).font('Helvetica');
    doc.text(pdfText(`Richiedente: ${a.applicant.givenName} ${a.applicant.familyName}, codice fiscale ${a.applicant.fiscalCode}`));
    const contacts = [a.contacts.email ? `email ${a.contacts.email}` : '', a.contacts.phone ? `telefono ${a.contacts.phone}` : ''].filter(Boolean).join(', ');
    if (contacts) doc.text(pdfText(`Contatti (dal profilo): ${contacts}`));
    doc.text(`Presentata online il ${italianWhen(a.at, a.tz)}, con identificazione SPID o CIE (CAD art. 65, c. 1, lett. b).`);
    for (const step of a.definition.steps) {
      doc.moveDown(0.8).fontSize(12).font('Helvetica-Bold').text(pdfText(step.title));
      doc.moveDown(0.2);
      drawFields(doc, step.fields, a.data[step.id] ?? {}, a.attachments, 0);
    }
    if (a.definition.fee) {
      const amount = (a.definition.fee.amountCents / 100).toFixed(2).replace('.', ',');
      doc.moveDown(0.8).fontSize(12).font('Helvetica-Bold').text('Pagamento');
      doc
        .fontSize(9)
        .font('Helvetica')
        .text(
          pdfText(
            (a.definition.fee.when ?? 'before') === 'before'
              ? `${a.definition.fee.description}: ${amount} euro, pagati con pagoPA prima dell'invio.`
              : `${a.definition.fee.description}: ${amount} euro, da pagare con pagoPA (l'avviso è nell'area personale, sezione Pagamenti).`,
          ),
        );
    }
    doc.moveDown(0.8).fontSize(12).font('Helvetica-Bold').text('Allegati');
    doc.fontSize(9).font('Helvetica');
    if (!a.attachments.size) doc.text('Nessun allegato.');
    for (const d of a.attachments.values()) doc.text(pdfText(`${d.name} (${d.size} byte) - SHA-256 ${d.sha256}`));
  });
}

export async function receiptPdf(r: {
  tenantName: string;
  tz: string;
  serviceTitle: string;
  applicant: Applicant;
  protocolLabel: string;
  registeredAt: Date;
  documents: FiledDocument[];
}): Promise<Buffer> {
  const title = 'Ricevuta di presentazione della domanda';
  return renderPdf({ title, author: r.tenantName, createdAt: r.registeredAt }, (doc) => {
    doc.fontSize(11).font('Helvetica').text(pdfText(r.tenantName));
    doc.moveDown(0.3).fontSize(16).font('Helvetica-Bold').text(title);
    doc.moveDown(0.6);
    // The protocol stamp (segnatura): number, date and time of registration.
    doc.rect(doc.x, doc.y, 495, 44).stroke();
    doc
      .moveDown(0.4)
      .fontSize(12)
      .font('Helvetica-Bold')
      .text(pdfText(`Protocollo n. ${r.protocolLabel}`), { indent: 10 });
    doc
      .fontSize(10)
      .font('Helvetica')
      .text(`Registrata il ${italianWhen(r.registeredAt, r.tz)}`, { indent: 10 });
    doc.moveDown(1.2).fontSize(10);
    doc.text(pdfText(`Servizio: ${r.serviceTitle}`));
    doc.text(pdfText(`Richiedente: ${r.applicant.givenName} ${r.applicant.familyName}`));
    doc.text(pdfText(`Codice fiscale: ${r.applicant.fiscalCode}`));
    doc.moveDown(0.6).font('Helvetica-Bold').text('Documenti registrati');
    doc.font('Helvetica').fontSize(9);
    for (const d of r.documents) doc.text(pdfText(`${d.name} - SHA-256 ${d.sha256}`));
    doc.moveDown(0.8).fontSize(9).text('La domanda è stata presentata dopo l’identificazione con SPID o CIE: è valida senza firma (CAD, art. 65, comma 1, lettera b).');
    doc.text('Segui lo stato della pratica nella tua area personale, sezione "Pratiche".');
  });
}

/** The office's decision on a case (provvedimento): registered as outgoing and delivered to the citizen. */
export async function responsePdf(r: {
  tenantName: string;
  tz: string;
  serviceTitle: string;
  applicant: Applicant;
  filedProtocol: string;
  filedAt: Date;
  outcome: 'accepted' | 'rejected';
  text: string;
  /** The service's own decision text, filled in (its template); else a plain decision with `text`. */
  body?: string | undefined;
  officer: string;
  office: string;
  at: Date;
}): Promise<Buffer> {
  const title = r.outcome === 'accepted' ? 'Provvedimento di accoglimento' : 'Provvedimento di rigetto';
  return renderPdf({ title, author: r.tenantName, createdAt: r.at }, (doc) => {
    doc.fontSize(11).font('Helvetica').text(pdfText(r.tenantName));
    doc.fontSize(10).text(pdfText(r.office));
    doc.moveDown(0.6).fontSize(16).font('Helvetica-Bold').text(title);
    doc.moveDown(0.6).fontSize(10).font('Helvetica');
    doc.text(pdfText(`Oggetto: domanda "${r.serviceTitle}", protocollo n. ${r.filedProtocol} del ${italianWhen(r.filedAt, r.tz)}.`));
    doc.text(pdfText(`Richiedente: ${r.applicant.givenName} ${r.applicant.familyName}, codice fiscale ${r.applicant.fiscalCode}.`));
    if (r.body) {
      doc.moveDown(0.8).font('Helvetica').text(pdfText(r.body), { align: 'left' });
    } else {
      doc
        .moveDown(0.8)
        .font('Helvetica-Bold')
        .text(r.outcome === 'accepted' ? 'La domanda è accolta.' : 'La domanda è respinta.');
      doc.moveDown(0.4).font('Helvetica').text(pdfText(r.text), { align: 'left' });
    }
    if (r.outcome === 'rejected') {
      doc
        .moveDown(0.8)
        .fontSize(9)
        .text(
          'Contro il presente provvedimento è ammesso ricorso al Tribunale Amministrativo Regionale entro 60 giorni dalla notifica, o ricorso straordinario al Presidente della Repubblica entro 120 giorni.',
        );
    }
    doc
      .moveDown(1.2)
      .fontSize(10)
      .text(pdfText(`${italianWhen(r.at, r.tz)} - ${r.officer}`));
  });
}

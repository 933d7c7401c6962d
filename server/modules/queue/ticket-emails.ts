// The emails of a ticket, for citizens who gave an address: the number taken (with the live page),
// "almost your turn", and "it's your turn" at each call. Recorded with the change (platform/bus.ts);
// each carries a fresh link (a new token), and a dedupe key so a notice goes out once.
import type { Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { Branding, DB } from '../../platform/db/schema.ts';
import type { CitizenNotice } from '../../platform/notices.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { insertTicketToken, type TicketRow } from './repository.ts';
import { ticketPageUrl, ticketVideoUrl } from './views.ts';

export interface TicketMailContext {
  tenant: { id: string; slug: string; name: string; branding: Branding };
  officeName: string;
  officeAddress: string;
  queueKind: 'in_person' | 'video';
}

export type TicketMailKind = { kind: 'taken'; token: string } | { kind: 'almost'; ahead: number } | { kind: 'called'; deskName: string };

/** The email of a ticket's moment, or null for a citizen who left no address. Writes the link's token. */
export async function ticketNotice(trx: Transaction<DB>, config: Config, c: TicketMailContext, t: TicketRow, mail: TicketMailKind): Promise<CitizenNotice | null> {
  if (!t.email) return null;
  const token = mail.kind === 'taken' ? mail.token : newSecret();
  if (mail.kind !== 'taken') await insertTicketToken(trx, c.tenant.id, t.id, token);
  const page = ticketPageUrl(config, c.tenant.slug, t.id, token);
  const where = c.queueKind === 'video' ? 'in videochiamata' : `${c.officeName}, ${c.officeAddress}`;
  let subject: string;
  let body: string[];
  switch (mail.kind) {
    case 'taken':
      subject = `${c.tenant.name}: il tuo numero è ${t.number}`;
      body = [
        `Il tuo numero è ${t.number} (${where}).`,
        '',
        'Segui la coda in tempo reale e lasciala se non ti serve più:',
        page,
        '',
        'Ti scriveremo quando mancherà poco al tuo turno e quando sarai chiamato.',
      ];
      break;
    case 'almost':
      subject = `Manca poco al tuo turno: numero ${t.number}`;
      body = [
        mail.ahead === 0
          ? `Il numero ${t.number} è il prossimo a essere chiamato.`
          : `Prima del numero ${t.number} ${mail.ahead === 1 ? "c'è ancora una persona" : `ci sono ancora ${mail.ahead} persone`}.`,
        c.queueKind === 'video' ? 'Tieni aperta la pagina del tuo numero: da lì entrerai nella videochiamata.' : "Avvicinati all'ufficio per non perdere la chiamata.",
        '',
        page,
      ];
      break;
    case 'called':
      subject = `È il tuo turno: numero ${t.number}${c.queueKind === 'video' ? '' : ` - ${mail.deskName}`}`;
      body =
        c.queueKind === 'video'
          ? [`È il tuo turno: un operatore ti aspetta in videochiamata.`, 'Entra da qui:', ticketVideoUrl(config, c.tenant.slug, token)]
          : [`È il tuo turno: il numero ${t.number} è chiamato.`, `Recati a: ${mail.deskName}.`, '', page];
      break;
  }
  return {
    dedupeKey: `ticket:${t.id}:${mail.kind}${mail.kind === 'called' ? `:${t.call_count}` : ''}`,
    subject,
    lines: body,
    email: { to: t.email, footer: ['', c.tenant.name, c.officeName], brand: { ...c.tenant.branding, name: c.tenant.name, publicUrl: config.publicUrl } },
  };
}

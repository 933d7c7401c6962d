// Demo messages and deadlines for the test identities, so the personal area has something to show at
// the first login: the welcome, an "Il Comune Ti Informa" notice, an identity card about to expire.
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

const DAY = 86_400_000;

export async function seedCitizenInbox(trx: Transaction<DB>, tenant: { id: string; slug: string; name: string }, now: Date): Promise<void> {
  const everyone = ['RSSMRA85T10A562S', 'SPSNNA90D55A662O', 'FRRMRC78P02A893Y', 'FNLLCU65A60A662Q', 'DPLNCL48L31A662B', 'CLLSRA01S45F284A'];
  await trx
    .insertInto('citizen_messages')
    .values(
      everyone.map((fiscalCode) => ({
        tenant_id: tenant.id,
        fiscal_code: fiscalCode,
        subject: `Benvenuto nella Scrivania virtuale del ${tenant.name}`,
        body: `Qui trovi i messaggi del ${tenant.name}, i tuoi appuntamenti, le scadenze e tutto ciò che hai fatto online. I dati della tua identità digitale non ti verranno chiesti di nuovo.`,
        // The identity card's own service (its card leads to the booking with the service chosen), not the generic start.
        link: `/${tenant.slug}/servizi/carta-di-identita-elettronica`,
        created_at: new Date(now.getTime() - 2 * DAY),
      })),
    )
    .execute();
  await trx
    .insertInto('citizen_messages')
    .values({
      tenant_id: tenant.id,
      fiscal_code: 'RSSMRA85T10A562S',
      subject: 'Il Comune Ti Informa: lavori stradali vicino alla tua residenza',
      body: 'Da lunedì prossimo, per due settimane, lavori di rifacimento della rete idrica in Via Sparano da Bari: il tratto tra Via Calefati e Via Piccinni sarà chiuso al traffico dalle 8 alle 18.',
      link: null,
      created_at: new Date(now.getTime() - DAY),
    })
    .execute();
  await trx
    .insertInto('citizen_deadlines')
    .values([
      {
        tenant_id: tenant.id,
        fiscal_code: 'RSSMRA85T10A562S',
        title: "La tua carta d'identità scade: prenota il rinnovo",
        due_at: new Date(now.getTime() + 45 * DAY),
        // The identity card's own service (its card leads to the booking with the service chosen), not the generic start.
        link: `/${tenant.slug}/servizi/carta-di-identita-elettronica`,
      },
      {
        tenant_id: tenant.id,
        fiscal_code: 'DPLNCL48L31A662B',
        title: 'Rinnovo del contrassegno per il parcheggio disabili',
        due_at: new Date(now.getTime() + 20 * DAY),
        link: null,
      },
    ])
    .execute();
}

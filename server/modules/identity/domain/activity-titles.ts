// The personal area's "Attività": audit entries told in plain Italian. Unknown actions are left
// out rather than shown as codes.

export interface ActivityEntry {
  actor_type: 'operator' | 'citizen' | 'system';
  action: string;
  details: Record<string, unknown>;
  reference: string | null;
  service_name: string | null;
}

export function activityTitle(e: ActivityEntry): string | null {
  const what = e.service_name ? `«${e.service_name}»${e.reference ? ` (${e.reference})` : ''}` : 'appuntamento';
  const provider = e.details.provider === 'cie' ? 'CIE' : 'SPID';
  switch (e.action) {
    case 'citizen.login':
      return `Accesso all'area personale con ${provider}`;
    case 'citizen.logout':
      return "Uscita dall'area personale";
    case 'citizen.contacts':
      return 'Contatti aggiornati';
    case 'citizen.email-verified':
      return 'Indirizzo email confermato';
    case 'citizen.export':
      return 'Scaricati i tuoi dati';
    case 'booking.create':
      return e.actor_type === 'operator' ? `L'ufficio ha prenotato per te: ${what}` : `Appuntamento prenotato: ${what}`;
    case 'booking.reschedule':
      return `Appuntamento spostato: ${what}`;
    case 'booking.cancel':
      return e.actor_type === 'operator' ? `L'ufficio ha annullato l'appuntamento ${what}` : `Appuntamento annullato: ${what}`;
    case 'booking.confirm':
      return `L'ufficio ha confermato l'appuntamento ${what}`;
    case 'booking.check-in':
      return `Arrivo registrato in ufficio: ${what}`;
    case 'booking.done':
      return `Appuntamento concluso: ${what}`;
    case 'booking.no-show':
      return `Assenza registrata all'appuntamento ${what}`;
    case 'file.upload':
      return `Documento caricato: ${typeof e.details.name === 'string' ? e.details.name : what}`;
    default:
      return null;
  }
}

export function activityBy(actorType: ActivityEntry['actor_type']): 'citizen' | 'office' | 'system' {
  return actorType === 'citizen' ? 'citizen' : actorType === 'operator' ? 'office' : 'system';
}

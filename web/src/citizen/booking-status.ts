// A booking's status in words, with a badge colour that only repeats what the words say.
export const BOOKING_STATUS: Record<string, { label: string; badge: string }> = {
  pending: { label: "In attesa di conferma dell'ufficio", badge: 'bg-warning' },
  confirmed: { label: 'Confermato', badge: 'bg-success' },
  checked_in: { label: 'Presenza registrata', badge: 'bg-success' },
  done: { label: 'Svolto', badge: 'bg-secondary' },
  no_show: { label: 'Non presentato', badge: 'bg-secondary' },
  cancelled: { label: 'Annullato', badge: 'bg-danger' },
};

export const bookingStatus = (status: string) => BOOKING_STATUS[status] ?? { label: status, badge: 'bg-secondary' };

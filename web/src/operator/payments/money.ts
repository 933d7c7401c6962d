// Amounts typed by officers ("16,50", "1.234,56", "16.5") as euro cents; null when it is not an amount.
export function parseEuro(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '');
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(t)) return null;
  const normal = /,/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t;
  const cents = Math.round(Number(normal) * 100);
  return Number.isSafeInteger(cents) && cents > 0 ? cents : null;
}

export const STATUS_LABELS: Record<string, { label: string; badge: string }> = {
  draft: { label: 'In preparazione', badge: 'bg-secondary' },
  payable: { label: 'Da pagare', badge: 'bg-primary' },
  paid: { label: 'Pagato', badge: 'bg-success' },
  expired: { label: 'Scaduto', badge: 'bg-warning text-dark' },
  cancelled: { label: 'Annullato', badge: 'bg-secondary' },
};

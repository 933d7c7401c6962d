// A service's decision template filled in: each {name} replaced by its value (unknown names left as
// written, so a typo shows in the document rather than vanishing).

export const DECISION_PLACEHOLDERS = ['richiedente', 'codiceFiscale', 'servizio', 'protocollo', 'dataDomanda', 'testo'] as const;
export type DecisionValues = Record<(typeof DECISION_PLACEHOLDERS)[number], string>;

export function fillDecision(template: string, values: DecisionValues): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (name in values ? values[name as keyof DecisionValues] : whole));
}

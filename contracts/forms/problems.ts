// What makes a form definition unusable even when its shape is right: two fields with the same key
// in one step (or group item), a condition on a field that is not there, comes later or cannot take
// the value, options repeated. Pure: the console's editor shows them as the admin works, the server
// refuses a definition that has any.
import type { FieldDef, FormDefinition } from './definition.ts';

function scopeProblems(fields: FieldDef[], where: string, out: string[]): void {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = `${where}, campo "${f.label}"`;
    if (seen.has(f.id)) out.push(`${at}: la chiave "${f.id}" è già usata in questo passo`);
    seen.add(f.id);
    if (f.showWhen) {
      const target = fields.slice(0, i).find((x) => x.id === f.showWhen!.field);
      if (!target) out.push(`${at}: la condizione deve riferirsi a un campo precedente dello stesso passo`);
      else if (
        target.type === 'boolean'
          ? typeof f.showWhen.equals !== 'boolean'
          : !('options' in target) || !target.options.some((o) => o.value === f.showWhen!.equals) || target.type === 'checkboxes'
      )
        out.push(`${at}: la condizione deve usare un valore di una scelta singola o di una casella`);
    }
    if ('options' in f) {
      const values = f.options.map((o) => o.value);
      if (new Set(values).size !== values.length) out.push(`${at}: due opzioni hanno lo stesso valore`);
    }
    if (f.type === 'group') scopeProblems(f.fields, `${where}, gruppo "${f.label}"`, out);
    if ((f.type === 'text' || f.type === 'textarea') && f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength)
      out.push(`${at}: la lunghezza minima supera la massima`);
    if (f.type === 'number' && f.min !== undefined && f.max !== undefined && f.min > f.max) out.push(`${at}: il minimo supera il massimo`);
  });
}

export function definitionProblems(def: FormDefinition): string[] {
  const out: string[] = [];
  const steps = new Set<string>();
  for (const s of def.steps) {
    if (steps.has(s.id)) out.push(`Passo "${s.title}": la chiave "${s.id}" è già usata`);
    steps.add(s.id);
    scopeProblems(s.fields, `Passo "${s.title}"`, out);
  }
  return out;
}

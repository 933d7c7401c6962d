// The part of a service's form an office asks again in an integration request: the named fields
// ("step.field", top level of their step), each required, in the form's own order and steps, without
// the conditions that tied them to fields not asked. The same form engine then renders it to the
// citizen and checks the answer on the server.
import type { FieldDef, FileKind, FormDefinition } from './definition.ts';

/** The paths a form's integration may ask: every top-level field of every step. */
export function askableFields(def: FormDefinition): Array<{ path: string; label: string; step: string }> {
  return def.steps.flatMap((s) => s.fields.map((f) => ({ path: `${s.id}.${f.id}`, label: f.label, step: s.title })));
}

/** The sub-form of the asked paths; unknown paths are left out (the caller refuses them first). */
export function subsetForm(def: FormDefinition, paths: readonly string[]): FormDefinition {
  const asked = new Set(paths);
  const steps = def.steps
    .map((s) => ({
      ...s,
      fields: s.fields
        .filter((f) => asked.has(`${s.id}.${f.id}`))
        .map((f): FieldDef => {
          const { showWhen: _condition, ...rest } = f;
          return { ...rest, required: true } as FieldDef;
        }),
    }))
    .filter((s) => s.fields.length > 0);
  return { privacy: def.privacy, steps, ...(def.level ? { level: def.level } : {}) };
}

/** The file ids an answer names, each with the kinds its field accepts (for the files uploaded with it). */
export function fileIdsIn(def: FormDefinition, data: Record<string, Record<string, unknown>>): Array<{ id: string; accept: readonly FileKind[] }> {
  const out: Array<{ id: string; accept: readonly FileKind[] }> = [];
  const walk = (fields: FieldDef[], scope: Record<string, unknown> | undefined) => {
    for (const f of fields) {
      const v = scope?.[f.id];
      if (!Array.isArray(v)) continue;
      if (f.type === 'file') out.push(...v.map((id) => ({ id: String(id), accept: f.accept })));
      if (f.type === 'group') for (const item of v) walk(f.fields, item as Record<string, unknown>);
    }
  };
  for (const s of def.steps) walk(s.fields, data[s.id]);
  return out;
}

// Everything entered, step by step, as the summary before "Invia" and the filed application show it.
import type { ApplicationAttachment } from '../../../../contracts/applications.ts';
import type { AddressValue, FieldDef, FormData as FormValues, FormDefinition } from '../../../../contracts/forms/definition.ts';
import { isShown } from '../../../../contracts/forms/definition.ts';

function valueText(f: FieldDef, v: unknown, files: Map<string, ApplicationAttachment>): string {
  switch (f.type) {
    case 'boolean':
      return v === true ? 'Sì' : 'No';
    case 'radio':
    case 'select':
      return f.options.find((o) => o.value === v)?.label ?? String(v);
    case 'checkboxes':
      return (v as string[]).map((x) => f.options.find((o) => o.value === x)?.label ?? x).join(', ');
    case 'address': {
      const a = v as Partial<AddressValue>;
      return `${a.street ?? ''} ${a.number ?? ''}, ${a.postalCode ?? ''} ${a.town ?? ''} (${a.province ?? ''})`;
    }
    case 'file':
      return (v as string[]).map((id) => files.get(id)?.name ?? 'file').join(', ');
    default:
      return String(v);
  }
}

function Items({ fields, scope, files }: { fields: FieldDef[]; scope: Record<string, unknown>; files: Map<string, ApplicationAttachment> }) {
  const shown = fields.filter((f) => isShown(f, scope) && scope[f.id] !== undefined && scope[f.id] !== '');
  if (!shown.length) return <p className="small">Nessun dato inserito.</p>;
  return (
    <dl className="summary-list">
      {shown.map((f) => {
        const v = scope[f.id];
        if (f.type === 'group') {
          return (Array.isArray(v) ? (v as Array<Record<string, unknown>>) : []).map((item, i) => (
            <div key={`${f.id}-${i}`} className="mb-2">
              <dt>
                {f.itemLabel} {i + 1}
              </dt>
              <dd>
                <Items fields={f.fields} scope={item} files={files} />
              </dd>
            </div>
          ));
        }
        return (
          <div key={f.id}>
            <dt>{f.label}</dt>
            <dd>{valueText(f, v, files)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

export function Answers({
  definition,
  data,
  attachments,
  headingLevel = 3,
}: {
  definition: FormDefinition;
  data: FormValues;
  attachments: ApplicationAttachment[];
  headingLevel?: 2 | 3;
}) {
  const files = new Map(attachments.map((a) => [a.id, a]));
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {definition.steps.map((s) => (
        <section key={s.id} aria-labelledby={`answers-${s.id}`} className="mb-3">
          <H className="h5" id={`answers-${s.id}`}>
            {s.title}
          </H>
          <Items fields={s.fields} scope={data[s.id] ?? {}} files={files} />
        </section>
      ))}
    </>
  );
}

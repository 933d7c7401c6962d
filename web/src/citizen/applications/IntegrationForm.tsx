// The integration the office asked for: the fields of the service's form it asks again, rendered and
// checked by the same form engine as the application (files uploaded to the case as they are
// chosen), a text, and any other document; sent together, and the term resumes.
import { type FormEvent, useId, useMemo, useState } from 'react';
import type { ApplicationAttachment } from '../../../../contracts/applications.ts';
import type { CaseFileUploaded } from '../../../../contracts/cases.ts';
import type { FormData as FormValues, FormDefinition } from '../../../../contracts/forms/definition.ts';
import { subsetForm } from '../../../../contracts/forms/subset.ts';
import { ApiError, api, errorMessage } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/Page.tsx';
import { updateAt } from './form-data.ts';
import { Fields } from './FormFields.tsx';

export function IntegrationForm({ definition, fields, base, onDone }: { definition: FormDefinition; fields: string[]; base: string; onDone(): void }) {
  const id = useId();
  const sub = useMemo(() => subsetForm(definition, fields), [definition, fields]);
  const [data, setData] = useState<FormValues>({});
  const [files, setFiles] = useState<Map<string, ApplicationAttachment>>(new Map());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const ctx = {
    errors,
    attachments: files,
    busy,
    async onUpload(_fieldPath: string, valuePath: string, chosen: File[]) {
      setBusy(true);
      try {
        let next = data;
        for (const file of chosen) {
          const form = new FormData();
          form.append('file', file, file.name);
          const added = await api<CaseFileUploaded>(`${base}/files`, { method: 'POST', form });
          setFiles((m) => new Map(m).set(added.id, { ...added, field: valuePath, sha256: '', signed: false, url: '' }));
          next = updateAt(next, valuePath, (old) => [...((old as string[] | undefined) ?? []), added.id]);
        }
        setData(next);
      } catch (err) {
        setErrors((e) => ({ ...e, [valuePath]: errorMessage(err) }));
      } finally {
        setBusy(false);
      }
    },
    onRemoveFile(valuePath: string, fileId: string) {
      setData((d) => updateAt(d, valuePath, (old) => ((old as string[] | undefined) ?? []).filter((x) => x !== fileId)));
    },
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) return setFailure("Scrivi un messaggio per l'ufficio.");
    setBusy(true);
    setFailure(undefined);
    try {
      await api(`${base}/integration`, { method: 'POST', body: { text: text.trim(), data } });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setErrors(Object.fromEntries(err.fields.map((f) => [f.field, f.message])));
        setFailure('Controlla i campi evidenziati.');
      } else setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={send} className="mt-3" data-testid="integration-form" noValidate>
      {sub.steps.map((step) => (
        <fieldset key={step.id} className="mb-3">
          <legend className="h6">{step.title}</legend>
          <Fields
            fields={step.fields}
            scope={data[step.id] ?? {}}
            prefix={`${step.id}.`}
            fieldPrefix={`${step.id}.`}
            onChange={(next) => setData((d) => ({ ...d, [step.id]: next }))}
            ctx={ctx}
          />
        </fieldset>
      ))}
      <div className="form-group">
        <label htmlFor={`${id}-text`} className="active">
          Messaggio per l'ufficio
        </label>
        <textarea id={`${id}-text`} className="form-control" rows={3} maxLength={8000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorAlert message={failure} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Invio in corso…' : "Invia l'integrazione"}
      </button>
    </form>
  );
}

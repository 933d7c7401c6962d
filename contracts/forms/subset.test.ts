import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDefinition } from './definition.ts';
import { askableFields, fileIdsIn, subsetForm } from './subset.ts';

const form: FormDefinition = {
  privacy: 'Informativa',
  steps: [
    {
      id: 'abitazione',
      title: 'Abitazione',
      fields: [
        {
          id: 'titolo',
          type: 'radio',
          label: 'Titolo',
          options: [
            { value: 'locazione', label: 'Locazione' },
            { value: 'proprieta', label: 'Proprietà' },
          ],
        },
        { id: 'contratto', type: 'text', label: 'Estremi del contratto', showWhen: { field: 'titolo', equals: 'locazione' } },
      ],
    },
    { id: 'allegati', title: 'Allegati', fields: [{ id: 'titoloAbitazione', type: 'file', label: 'Titolo', accept: ['pdf'] }] },
  ],
} as FormDefinition;

describe('the part of a form an integration asks', () => {
  it('lists every top-level field as askable, by path', () => {
    assert.deepEqual(
      askableFields(form).map((f) => f.path),
      ['abitazione.titolo', 'abitazione.contratto', 'allegati.titoloAbitazione'],
    );
  });

  it('keeps the asked fields only, required, without conditions on fields not asked, in their steps', () => {
    const sub = subsetForm(form, ['allegati.titoloAbitazione', 'abitazione.contratto']);
    assert.deepEqual(
      sub.steps.map((s) => [s.id, s.fields.map((f) => f.id)]),
      [
        ['abitazione', ['contratto']],
        ['allegati', ['titoloAbitazione']],
      ],
    );
    assert.ok(sub.steps.every((s) => s.fields.every((f) => f.required === true && !('showWhen' in f))));
    assert.deepEqual(subsetForm(form, ['nowhere.field']).steps, []);
  });

  it('finds the files an answer names', () => {
    assert.deepEqual(fileIdsIn(form, { allegati: { titoloAbitazione: ['a', 'b'] }, abitazione: { contratto: 'x' } }), [
      { id: 'a', accept: ['pdf'] },
      { id: 'b', accept: ['pdf'] },
    ]);
  });
});

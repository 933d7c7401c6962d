import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FormDefinition } from './definition.ts';
import { definitionProblems } from './problems.ts';

const base: FormDefinition = {
  privacy: 'x',
  steps: [
    {
      id: 'a',
      title: 'A',
      fields: [
        {
          id: 'tipo',
          label: 'Tipo',
          type: 'radio',
          options: [
            { value: 'uno', label: 'Uno' },
            { value: 'due', label: 'Due' },
          ],
        },
        { id: 'dettaglio', label: 'Dettaglio', type: 'text', showWhen: { field: 'tipo', equals: 'due' } },
      ],
    },
  ],
};

describe('form definition problems', () => {
  it('finds none in a sound definition', () => assert.deepEqual(definitionProblems(base), []));
  it('names repeated keys, conditions on missing, later or unfit fields, repeated options', () => {
    const bad: FormDefinition = {
      privacy: 'x',
      steps: [
        {
          id: 'a',
          title: 'A',
          fields: [
            { id: 'x', label: 'Prima', type: 'text', showWhen: { field: 'tipo', equals: 'uno' } },
            {
              id: 'tipo',
              label: 'Tipo',
              type: 'select',
              options: [
                { value: 'uno', label: 'Uno' },
                { value: 'uno', label: 'Ancora' },
              ],
            },
            { id: 'x', label: 'Doppio', type: 'text', showWhen: { field: 'tipo', equals: 'tre' } },
          ],
        },
      ],
    };
    assert.equal(definitionProblems(bad).length, 4);
  });
});

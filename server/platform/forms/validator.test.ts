// The two checkers of a form agree: Ajv on the JSON Schema compiled from a definition (the server)
// and the plain-code rules the citizen's page runs (contracts/forms/check.ts) find errors on exactly
// the same fields, for any data, in both modes. And the rules themselves do what a citizen expects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkForm } from '../../../contracts/forms/check.ts';
import { cleanData } from '../../../contracts/forms/clean.ts';
import type { FormDefinition } from '../../../contracts/forms/definition.ts';
import { validateForm } from './validator.ts';

const DEF: FormDefinition = {
  privacy: 'Informativa.',
  steps: [
    {
      id: 'anagrafica',
      title: 'Dati',
      fields: [
        { id: 'nome', label: 'Nome', type: 'text', required: true, minLength: 2, maxLength: 40 },
        { id: 'note', label: 'Note', type: 'textarea', maxLength: 100 },
        { id: 'eta', label: 'Età', type: 'number', integer: true, min: 0, max: 120 },
        { id: 'nascita', label: 'Data di nascita', type: 'date', required: true },
        { id: 'cf', label: 'Codice fiscale', type: 'fiscalCode', required: true },
        { id: 'iban', label: 'IBAN', type: 'iban' },
        { id: 'email', label: 'Email', type: 'email' },
        { id: 'tel', label: 'Telefono', type: 'phone' },
        { id: 'indirizzo', label: 'Indirizzo', type: 'address', required: true },
        { id: 'dichiaro', label: 'Dichiaro', type: 'boolean', required: true },
        {
          id: 'titolo',
          label: 'Titolo',
          type: 'radio',
          required: true,
          options: [
            { value: 'proprieta', label: 'Proprietà' },
            { value: 'affitto', label: 'Affitto' },
          ],
        },
        { id: 'contratto', label: 'Contratto', type: 'text', required: true, showWhen: { field: 'titolo', equals: 'affitto' } },
        {
          id: 'servizi',
          label: 'Servizi',
          type: 'checkboxes',
          maxItems: 2,
          options: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
            { value: 'c', label: 'C' },
          ],
        },
        { id: 'provincia', label: 'Provincia', type: 'select', options: [{ value: 'ba', label: 'Bari' }] },
        { id: 'allegati', label: 'Allegati', type: 'file', accept: ['pdf'], maxFiles: 2, required: true },
      ],
    },
    {
      id: 'famiglia',
      title: 'Famiglia',
      fields: [
        {
          id: 'membri',
          label: 'Familiari',
          type: 'group',
          itemLabel: 'Familiare',
          minItems: 1,
          maxItems: 3,
          fields: [
            { id: 'nome', label: 'Nome', type: 'text', required: true },
            { id: 'cf', label: 'Codice fiscale', type: 'fiscalCode', required: true },
            {
              id: 'parentela',
              label: 'Parentela',
              type: 'select',
              required: true,
              options: [
                { value: 'figlio', label: 'Figlio' },
                { value: 'altro', label: 'Altro' },
              ],
            },
            { id: 'quale', label: 'Quale', type: 'text', required: true, showWhen: { field: 'parentela', equals: 'altro' } },
          ],
        },
      ],
    },
  ],
};

const MARIO = 'RSSMRA85T10A562S';
const UUID = '0b6f3a56-5c1e-4a8e-9d51-2f7c1a1e9b10';

/** Values a citizen (or a client going wrong) could send for any field: right ones, wrong ones, wrong types. */
const anyValue = fc.oneof(
  fc.constantFrom(
    undefined,
    '',
    '  ',
    'Mario',
    'M',
    'x'.repeat(41),
    'a\u0000b',
    'emoji 😀',
    MARIO,
    MARIO.toLowerCase(),
    'RSSMRA85T10A562X',
    'IT60X0542811101000000123456',
    'IT60X0542811101000000123457',
    'mario@example.it',
    'non è una email',
    '+39 080 1234567',
    '12',
    '2026-02-29',
    '2024-02-29',
    '1985-12-10',
    'affitto',
    'proprieta',
    'altro',
    'figlio',
    'ba',
    UUID,
    'urn:uuid:0b6f3a56-5c1e-4a8e-9d51-2f7c1a1e9b10',
    true,
    false,
    0,
    42,
    1.5,
    130,
    -1,
    null,
  ),
  fc.string({ maxLength: 50 }),
  fc.array(fc.constantFrom('a', 'b', 'c', 'z', UUID, 1), { maxLength: 4 }),
  fc.record(
    {
      street: fc.constantFrom('Via Sparano', '', 'x'),
      number: fc.constantFrom('1', ''),
      postalCode: fc.constantFrom('70121', '7012', 'abcde'),
      town: fc.constantFrom('Bari', 'B'),
      province: fc.constantFrom('BA', 'ba', 'BAR'),
    },
    { requiredKeys: [] },
  ),
);

const stepData = (ids: string[]) => fc.dictionary(fc.constantFrom(...ids, 'sconosciuto'), anyValue, { maxKeys: ids.length + 1 });
const member = stepData(['nome', 'cf', 'parentela', 'quale']);
const anyData = fc.record(
  {
    anagrafica: fc.oneof(stepData(DEF.steps[0]!.fields.map((f) => f.id)), fc.constant('non un oggetto')),
    famiglia: fc.record({ membri: fc.oneof(fc.array(fc.oneof(member, fc.constant(7)), { maxLength: 4 }), anyValue) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const paths = (errors: Array<{ field: string }>) => errors.map((e) => e.field).sort();

describe('form checks: the server (Ajv, JSON Schema 2020-12) and the page (plain code) agree', () => {
  for (const mode of ['draft', 'submit'] as const) {
    it(`finds errors on the same fields for any data (${mode})`, () => {
      fc.assert(
        fc.property(anyData, (raw) => {
          const server = validateForm(DEF, raw, mode);
          const page = checkForm(DEF, cleanData(DEF, raw), mode);
          assert.deepEqual(paths(page), paths(server.errors), JSON.stringify(server.data));
        }),
        { numRuns: 2000 },
      );
    });
  }
});

describe('form checks: what a citizen expects', () => {
  const valid = {
    anagrafica: {
      nome: ' Mario ',
      nascita: '1985-12-10',
      cf: 'rssmra85t10a562s',
      indirizzo: { street: 'Via Sparano', number: '1', postalCode: '70121', town: 'Bari', province: 'ba' },
      dichiaro: true,
      titolo: 'proprieta',
      contratto: 'ignorato: non richiesto per la proprietà',
      allegati: [UUID],
    },
    famiglia: { membri: [{ nome: 'Anna', cf: MARIO, parentela: 'figlio' }] },
  };

  it('files complete data, cleaned: trimmed, upper-cased codes, hidden answers dropped', () => {
    const { data, errors } = validateForm(DEF, valid, 'submit');
    assert.deepEqual(errors, []);
    assert.equal(data.anagrafica!.nome, 'Mario');
    assert.equal(data.anagrafica!.cf, MARIO);
    assert.equal((data.anagrafica!.indirizzo as { province: string }).province, 'BA');
    assert.equal(data.anagrafica!.contratto, undefined, 'a field hidden by its condition is not filed');
  });

  it('names each wrong field with an Italian message', () => {
    const wrong = {
      ...valid,
      anagrafica: {
        ...valid.anagrafica,
        cf: 'RSSMRA85T10A562X',
        titolo: 'affitto',
        contratto: ' ',
        dichiaro: false,
        indirizzo: { ...valid.anagrafica.indirizzo, postalCode: '7012' },
      },
      famiglia: { membri: [{ nome: 'Anna', cf: MARIO, parentela: 'altro' }] },
    };
    const { errors } = validateForm(DEF, wrong, 'submit');
    assert.deepEqual(Object.fromEntries(errors.map((e) => [e.field, e.message])), {
      'anagrafica.cf': 'codice fiscale non valido',
      'anagrafica.contratto': 'campo obbligatorio',
      'anagrafica.dichiaro': 'conferma richiesta',
      'anagrafica.indirizzo.postalCode': 'CAP non valido (5 cifre)',
      'famiglia.membri.0.quale': 'campo obbligatorio',
    });
  });

  it('saves an incomplete draft, but never text with control characters or an unknown option', () => {
    assert.deepEqual(validateForm(DEF, { anagrafica: { nome: 'M', cf: 'RSS' } }, 'draft').errors, []);
    assert.deepEqual(paths(validateForm(DEF, { anagrafica: { nome: 'a\u0000b', titolo: 'comodato' } }, 'draft').errors), ['anagrafica.nome', 'anagrafica.titolo']);
  });
});

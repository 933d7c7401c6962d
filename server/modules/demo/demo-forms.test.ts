// The demo forms are valid definitions, compile for the server, and are exactly the demo cards
// written as "online" (their "Come fare" says to apply online).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Value } from 'typebox/value';
import { FormDefinition } from '../../../contracts/forms/definition.ts';
import { validateForm } from '../../platform/forms/validator.ts';
import { DEMO_FORMS } from './demo-forms.ts';
import { DEMO_ONLINE_CARDS } from './demo-service-cards.ts';

describe('demo forms', () => {
  for (const [tenant, forms] of Object.entries(DEMO_FORMS)) {
    it(`are valid definitions, each checked by the server (${tenant})`, () => {
      for (const [slug, make] of Object.entries(forms)) {
        const def = make('Comune di Prova');
        assert.ok(Value.Check(FormDefinition, def), `${slug}: ${JSON.stringify([...Value.Errors(FormDefinition, def)].slice(0, 2))}`);
        assert.ok(validateForm(def, {}, 'submit').errors.length > 0, `${slug}: an empty submission is refused`);
        assert.deepEqual(validateForm(def, {}, 'draft').errors, [], `${slug}: an empty draft is saved`);
      }
    });
    it(`belong to the cards written as online (${tenant})`, () => {
      assert.deepEqual(Object.keys(forms).sort(), [...(DEMO_ONLINE_CARDS[tenant] ?? [])].sort());
    });
  }
  it('give Bitonto at least 10 online services', () => {
    assert.ok(Object.keys(DEMO_FORMS.bitonto ?? {}).length >= 10);
  });
});

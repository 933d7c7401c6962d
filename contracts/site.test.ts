// The site shell's pure rules: every topic of the vocabulary has its own address and comes back from
// it; the addresses of the citizen pages are told from those that lead nowhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citizenPageTenant } from './citizen-pages.ts';
import { MODEL_TOPICS, topicBySlug, topicSlug } from './topics.ts';

describe('topics', () => {
  it('gives every topic of the vocabulary an address of its own that leads back to it', () => {
    const slugs = MODEL_TOPICS.map(topicSlug);
    assert.equal(new Set(slugs).size, MODEL_TOPICS.length);
    for (const [i, slug] of slugs.entries()) {
      assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(topicBySlug(slug), MODEL_TOPICS[i]);
    }
    assert.equal(topicSlug("Accesso all'informazione"), 'accesso-all-informazione');
    assert.equal(topicSlug('Mobilità sostenibile'), 'mobilita-sostenibile');
    assert.equal(topicBySlug('pizza'), undefined);
  });
});

describe('citizen pages', () => {
  it("names the comune of a page's address, and nothing for an address no page has", () => {
    assert.equal(citizenPageTenant('/'), '');
    assert.equal(citizenPageTenant('/bari'), 'bari');
    assert.equal(citizenPageTenant('/bari/'), 'bari');
    assert.equal(citizenPageTenant('/bari/servizi/carta-di-identita-elettronica'), 'bari');
    assert.equal(citizenPageTenant('/bitonto/amministrazione/uffici'), 'bitonto');
    assert.equal(citizenPageTenant('/bari/servizi/a/b/c'), null);
    assert.equal(citizenPageTenant('/bari/pagina-che-non-esiste'), null);
    assert.equal(citizenPageTenant('/bari//servizi'), null);
  });
});

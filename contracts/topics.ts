// The topics ("argomenti") a comune's pages are tagged with: the controlled vocabulary of the
// Designers Italia Modello Comuni (criterion C.SI.1.5 asks every topic to come from it). Service cards
// pick their topics from this list; the "Argomenti" page lists the ones in use.
import { Type } from 'typebox';

export const MODEL_TOPICS = [
  "Accesso all'informazione",
  'Acqua',
  'Agricoltura',
  'Anagrafe',
  'Animale domestico',
  'Aria',
  'Assistenza agli invalidi',
  'Assistenza sociale',
  'Associazioni',
  'Bilancio',
  'Commercio al minuto',
  "Commercio all'ingrosso",
  'Commercio ambulante',
  'Comunicazione istituzionale',
  'Comunicazione politica',
  'Concorsi',
  'Covid-19',
  'Elezioni',
  'Energie rinnovabili',
  'Estero',
  'Foreste',
  'Formazione professionale',
  'Gemellaggi',
  'Gestione rifiuti',
  'Giustizia',
  'Igiene pubblica',
  'Immigrazione',
  'Imposte',
  'Imprese',
  'Inquinamento',
  'Integrazione sociale',
  'Isolamento termico',
  'Istruzione',
  'Lavoro',
  'Matrimonio',
  'Mercato',
  'Mobilità sostenibile',
  'Morte',
  'Nascita',
  'Parcheggi',
  'Patrimonio culturale',
  'Pesca',
  'Piano di sviluppo',
  'Pista ciclabile',
  'PNRR',
  'Politica commerciale',
  'Polizia',
  'Prodotti alimentari',
  'Protezione civile',
  'Residenza',
  'Risposta alle emergenze',
  'Sistema giuridico',
  'Spazio Verde',
  'Sport',
  'Sviluppo sostenibile',
  'Tassa sui servizi',
  'Tempo libero',
  'Trasparenza amministrativa',
  'Trasporto pubblico',
  'Turismo',
  'Urbanizzazione',
  'Viaggi',
  'Zone pedonali',
  'ZTL',
] as const;
export type ModelTopic = (typeof MODEL_TOPICS)[number];

export const Topic = Type.Unsafe<ModelTopic>(Type.String({ enum: [...MODEL_TOPICS], description: 'A topic of the Modello Comuni controlled vocabulary' }));

/** A topic's address: lower case, accents and apostrophes folded ("Accesso all'informazione" → accesso-all-informazione). */
export function topicSlug(topic: string): string {
  return topic
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function topicBySlug(slug: string): ModelTopic | undefined {
  return MODEL_TOPICS.find((t) => topicSlug(t) === slug);
}

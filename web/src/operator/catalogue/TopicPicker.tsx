// A card's topics, chosen from the Modello Comuni vocabulary (the only ones the server accepts): the
// chosen ones first, then all of them as checkboxes, narrowed by what one types.
import { useId, useState } from 'react';
import { MODEL_TOPICS } from '../../../../contracts/topics.ts';

const MAX_TOPICS = 10;

export function TopicPicker({ value, onChange }: { value: string[]; onChange(topics: string[]): void }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  // A topic from before the vocabulary was enforced stays listed, so it can be unticked.
  const legacy = value.filter((t) => !(MODEL_TOPICS as readonly string[]).includes(t));
  const shown = [...legacy, ...MODEL_TOPICS].filter((t) => t.toLowerCase().includes(filter.trim().toLowerCase()));
  const toggle = (topic: string, on: boolean) => onChange(on ? [...value, topic] : value.filter((t) => t !== topic));
  return (
    <fieldset className="mb-4" aria-describedby={`${id}-hint`}>
      <legend className="h6">Argomenti</legend>
      <p id={`${id}-hint`} className="small mb-2">
        Dal vocabolario del Modello Comuni, al massimo {MAX_TOPICS}. Scelti: {value.length ? value.join(', ') : 'nessuno'}.
      </p>
      <div className="form-group compact">
        <label htmlFor={`${id}-filter`} className="active">
          Filtra gli argomenti
        </label>
        <input id={`${id}-filter`} type="search" className="form-control" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="topic-picker">
        {shown.map((topic, i) => {
          const checked = value.includes(topic);
          return (
            <div className="form-check" key={topic}>
              <input id={`${id}-${i}`} type="checkbox" checked={checked} disabled={!checked && value.length >= MAX_TOPICS} onChange={(e) => toggle(topic, e.target.checked)} />
              <label htmlFor={`${id}-${i}`}>
                {topic}
                {legacy.includes(topic) ? ' (fuori vocabolario: toglilo)' : ''}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

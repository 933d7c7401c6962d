// FAQ rows as the API gives them: grouped by topic, topics in alphabetical order, entries by position.
import type { FaqList } from '../../../contracts/site.ts';

type FaqRow = { id: string; topic: string; question: string; answer: string; position: number; published: boolean };

export function groupFaq(rows: FaqRow[]): FaqList {
  const groups = new Map<string, FaqRow[]>();
  for (const r of rows) groups.set(r.topic, [...(groups.get(r.topic) ?? []), r]);
  return { groups: [...groups].map(([topic, entries]) => ({ topic, entries })) };
}

// A case's history as a timeline: each step named as the law calls it, when and by whom, its text and
// the files sent with it. The citizen's page and the console say "who" their own way.
import type { ReactNode } from 'react';
import { CASE_STEP_LABELS, type TimelineEntry } from '../../../contracts/cases.ts';
import { when } from './format.ts';

export function CaseTimeline({
  entries,
  who,
  due,
  extra,
}: {
  entries: TimelineEntry[];
  who(e: TimelineEntry): string;
  due(day: string): string;
  /** What else an entry shows (the console: the form's fields an integration answered). */
  extra?(e: TimelineEntry): ReactNode;
}) {
  return (
    <ol className="list-unstyled border-start border-3 ps-3" data-testid="case-timeline">
      {entries.map((e) => (
        <li key={e.id} className="mb-3">
          <p className="fw-semibold mb-0">
            {CASE_STEP_LABELS[e.action ?? e.kind] ?? e.kind}
            {e.kind === 'note' ? <span className="badge bg-secondary ms-2">interna</span> : null}
          </p>
          <p className="small mb-1">
            {when(e.at)} · {who(e)}
            {e.dueOn ? ` · ${due(e.dueOn)}` : ''}
          </p>
          {e.text ? (
            <p className="mb-0" style={{ whiteSpace: 'pre-line' }}>
              {e.text}
            </p>
          ) : null}
          {e.files.length ? (
            <ul className="mb-0">
              {e.files.map((f) => (
                <li key={f.id}>
                  <a href={f.url} download>
                    {f.name}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {extra?.(e)}
        </li>
      ))}
    </ol>
  );
}

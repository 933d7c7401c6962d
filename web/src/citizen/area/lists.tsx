// Lists shared by the Scrivania and the full sections: deadlines and activities in plain words, with
// the date written out and who did what ("tu", "l'ufficio").
import type { Activity, Deadline } from '../../../../contracts/identity.ts';
import { longDate, when } from '../../shared/format.ts';
import { Link } from '../../shared/router.tsx';

/** Who did it, as the "Chi" column says it and as a phrase of a list ("fatto da te"). */
export const ACTIVITY_BY: Record<Activity['by'], string> = { citizen: 'tu', office: "l'ufficio", system: 'il Comune, in automatico' };
const DONE_BY: Record<Activity['by'], string> = { citizen: 'fatto da te', office: "fatto dall'ufficio", system: 'fatto dal Comune, in automatico' };

/** A path of this site (messages and deadlines carry one) or null for anything else. */
export const ownLink = (link: string | null) => (link?.startsWith('/') && !link.startsWith('//') ? link : null);

export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  return (
    <ul className="list-unstyled mb-0" data-testid="deadlines">
      {deadlines.map((d, i) => {
        const link = ownLink(d.link);
        return (
          <li key={i} className="border-bottom py-2">
            <span className="d-block small fw-semibold">
              <time dateTime={d.due}>{d.kind === 'appointment' ? when(d.due) : `Entro ${longDate(d.due)}`}</time>
              {' · '}
              {d.kind === 'appointment' ? 'Appuntamento' : 'Scadenza'}
            </span>
            {link ? <Link href={link}>{d.title}</Link> : d.title}
          </li>
        );
      })}
    </ul>
  );
}

export function ActivityList({ activities }: { activities: Activity[] }) {
  return (
    <ul className="list-unstyled mb-0" data-testid="activities">
      {activities.map((a, i) => (
        <li key={i} className="border-bottom py-2">
          <span className="d-block small">
            <time dateTime={a.at}>{when(a.at)}</time> · {DONE_BY[a.by]}
          </span>
          {a.title}
        </li>
      ))}
    </ul>
  );
}

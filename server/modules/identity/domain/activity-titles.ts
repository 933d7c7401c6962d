// The personal area's "Attività": audit entries told in plain words, from the catalogue of actions
// (contracts/activity.ts). Actions the catalogue does not tell citizens are left out rather than
// shown as codes.
import { citizenActivityTitle } from '../../../../contracts/activity.ts';

export interface ActivityEntry {
  actor_type: 'operator' | 'citizen' | 'system';
  action: string;
  details: Record<string, unknown>;
  reference: string | null;
  service_name: string | null;
}

export function activityTitle(e: ActivityEntry, lang: 'it' | 'en' = 'it'): string | null {
  const what = e.service_name ? `«${e.service_name}»${e.reference ? ` (${e.reference})` : ''}` : lang === 'it' ? 'appuntamento' : 'appointment';
  const provider = e.details.provider === 'cie' ? 'CIE' : 'SPID';
  const name = typeof e.details.name === 'string' ? e.details.name : what;
  return citizenActivityTitle(e.action, e.actor_type === 'operator', { what, provider, name }, lang);
}

export function activityBy(actorType: ActivityEntry['actor_type']): 'citizen' | 'office' | 'system' {
  return actorType === 'citizen' ? 'citizen' : actorType === 'operator' ? 'office' : 'system';
}

// What audit actions mean, from the shared catalogue (contracts/activity.ts); unknown actions are
// shown by their code. Entries written under older names read the same.
import { ACTOR_TYPES as ACTORS, actionLabel as label } from '../../../../contracts/activity.ts';

export function actionLabel(action: string): string {
  return label(action, 'it');
}

export const ACTOR_TYPES: Record<string, string> = Object.fromEntries(Object.entries(ACTORS).map(([k, v]) => [k, v.it]));

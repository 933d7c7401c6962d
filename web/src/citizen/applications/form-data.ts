// Form values by path ("step.group.0.field"): the wizard and the integration form write the same way.
import type { FormData as FormValues } from '../../../../contracts/forms/definition.ts';

/** A copy of the data with the value at "step.group.0.field" replaced by `update(old)`. */
export function updateAt(data: FormValues, valuePath: string, update: (old: unknown) => unknown): FormValues {
  const keys = valuePath.split('.');
  const write = (obj: unknown, i: number): unknown => {
    const k = keys[i]!;
    const copy = (Array.isArray(obj) ? [...obj] : { ...((obj as Record<string, unknown>) ?? {}) }) as Record<string, unknown>;
    copy[k] = i === keys.length - 1 ? update(copy[k]) : write(copy[k], i + 1);
    return copy;
  };
  return write(data, 0) as FormValues;
}

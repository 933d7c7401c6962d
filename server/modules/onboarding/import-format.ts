// The catalogue file an installer imports into a comune: offices, their services, their desks with the
// services each offers and its weekly hours. The fields and limits are the console's (the TypeBox
// schemas of contracts/operator.ts), so a file says nothing the console could not; unknown fields are
// refused, so a typo ("duration") is an error instead of a silently ignored column. Every record is
// matched by name (case-insensitive) when imported: a field left out keeps its current value.
// Format reference: README, "Adding a comune"; examples in docs/examples/.
import { type Static, type TSchema, Type } from 'typebox';
import { Value } from 'typebox/value';
import { DeskInput, OfficeInput, ServiceInput, WeeklyHours } from '../../../contracts/operator.ts';
import { validateWeeklyHours } from '../admin/index.ts';
import { OnboardingError } from './errors.ts';

const officeFields = Type.Partial(OfficeInput).properties;
const serviceFields = Type.Partial(Type.Omit(ServiceInput, ['officeId'])).properties;

export const ServiceFile = Type.Object({ ...serviceFields, name: ServiceInput.properties.name }, { additionalProperties: false });
export const DeskFile = Type.Object(
  {
    name: DeskInput.properties.name,
    /** The services this desk offers, by name. Left out: all of the office's for a new desk, unchanged for an existing one. */
    services: Type.Optional(Type.Array(ServiceInput.properties.name, { maxItems: 200 })),
    /** Weekly hours (1 = Monday … 7 = Sunday). Left out: none for a new desk, unchanged for an existing one. */
    hours: Type.Optional(WeeklyHours.properties.hours),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const OfficeFile = Type.Object(
  {
    ...officeFields,
    name: OfficeInput.properties.name,
    services: Type.Optional(Type.Array(ServiceFile, { maxItems: 500 })),
    desks: Type.Optional(Type.Array(DeskFile, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export const CatalogueFile = Type.Object(
  { $schema: Type.Optional(Type.String()), offices: Type.Array(OfficeFile, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

export type Hours = Static<typeof WeeklyHours>['hours'];
/** Where a record came from, for messages: `offices.json › office "Anagrafe"`, `services.csv line 4`. */
type Located<T> = T & { where: string };
export type ServiceSpec = Located<Static<typeof ServiceFile>>;
export type DeskSpec = Located<Static<typeof DeskFile>>;
export type OfficeSpec = Located<Omit<Static<typeof OfficeFile>, 'services' | 'desks'>> & { services: ServiceSpec[]; desks: DeskSpec[] };
export interface CatalogueSpec {
  offices: OfficeSpec[];
}

const key = (name: string) => name.trim().toLowerCase();

/**
 * The schema's complaints as one line per field: `where › field: message`. Unions of constants say
 * which values are allowed; unknown fields are named.
 */
export function schemaProblems(schema: TSchema, value: unknown, describe: (instancePath: string) => string): string[] {
  const byPath = new Map<string, Array<{ keyword: string; message: string; params: Record<string, unknown> }>>();
  for (const e of Value.Errors(schema, value)) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push({ keyword: e.keyword, message: e.message, params: e.params as Record<string, unknown> });
    byPath.set(e.instancePath, list);
  }
  const lines: string[] = [];
  for (const [path, errors] of byPath) {
    const extra = errors.find((e) => e.keyword === 'additionalProperties');
    const allowed = errors.filter((e) => e.keyword === 'const').map((e) => JSON.stringify(e.params.allowedValue));
    let message: string;
    if (extra) message = `unknown field ${(extra.params.additionalProperties as string[]).map((f) => `"${f}"`).join(', ')}`;
    else if (allowed.length) message = `must be one of ${allowed.join(', ')}`;
    else if (errors.every((e) => e.keyword === 'boolean'))
      continue; // reported by its object as an unknown field
    else {
      const first = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'boolean') ?? errors[0]!;
      message = first.keyword === 'pattern' && /^\/?(start|end)$/.test(path.slice(path.lastIndexOf('/'))) ? 'must be a time as HH:MM, e.g. 09:00' : first.message;
    }
    lines.push(`${describe(path)}: ${message}`);
  }
  return lines;
}

/** `/offices/0/services/2/durationMinutes` → `office "Anagrafe" › service "CIE" › durationMinutes`. */
function describeJsonPath(file: string, value: unknown, path: string): string {
  const parts = path.split('/').slice(1);
  const out = [file];
  let node: unknown = value;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = (node as Record<string, unknown> | undefined)?.[part];
    const index = parts[i + 1];
    if (Array.isArray(next) && index !== undefined && /^\d+$/.test(index) && ['offices', 'services', 'desks'].includes(part)) {
      const item = next[Number(index)] as { name?: unknown } | undefined;
      const what = part.slice(0, -1);
      out.push(typeof item?.name === 'string' ? `${what} "${item.name}"` : `${what} #${Number(index) + 1}`);
      node = item;
      i++;
    } else {
      out.push(/^\d+$/.test(part) ? `#${Number(part) + 1}` : part);
      node = next;
    }
  }
  return out.join(' › ');
}

/** A parsed JSON catalogue, checked against the schema and for duplicates and hours. */
export function catalogueFromJson(file: string, value: unknown): CatalogueSpec {
  const problems = schemaProblems(CatalogueFile, value, (p) => describeJsonPath(file, value, p));
  if (problems.length) throw new OnboardingError(`${file} is not a valid catalogue file:`, problems);
  const data = value as Static<typeof CatalogueFile>;
  const spec: CatalogueSpec = {
    offices: data.offices.map(({ services, desks, ...office }) => {
      const where = `${file} › office "${office.name}"`;
      return {
        ...office,
        where,
        services: (services ?? []).map((s) => ({ ...s, where: `${where} › service "${s.name}"` })),
        desks: (desks ?? []).map((d) => ({ ...d, where: `${where} › desk "${d.name}"` })),
      };
    }),
  };
  assertConsistent(spec);
  return spec;
}

/** Checks that need the whole file: no name twice, hours that do not overlap, each desk's services once. */
export function assertConsistent(spec: CatalogueSpec): void {
  const problems: string[] = [];
  const twice = <T extends { name: string; where: string }>(items: T[], what: string) => {
    const seen = new Map<string, string>();
    for (const item of items) {
      const first = seen.get(key(item.name));
      if (first) problems.push(`${item.where}: the ${what} "${item.name}" appears twice (also ${first}); names identify records`);
      else seen.set(key(item.name), item.where);
    }
  };
  twice(spec.offices, 'office');
  for (const office of spec.offices) {
    twice(office.services, 'service');
    twice(office.desks, 'desk');
    for (const desk of office.desks) {
      const hoursProblem = desk.hours ? validateWeeklyHours(desk.hours) : null;
      if (hoursProblem) problems.push(`${desk.where} › hours: ${hoursProblem}`);
      const services = (desk.services ?? []).map(key);
      if (new Set(services).size !== services.length) problems.push(`${desk.where} › services: a service is listed twice`);
    }
  }
  if (problems.length) throw new OnboardingError('The catalogue file has problems; nothing was imported:', problems);
}

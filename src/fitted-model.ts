import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from './errors.js';

/** One finite weight for each named feature (zod's numbers exclude NaN and the infinities). */
export function weightsSchema<Name extends string>(names: readonly Name[]): z.ZodType<Record<Name, number>> {
  return z.object(Object.fromEntries(names.map((name) => [name, z.number()]))) as unknown as z.ZodType<Record<Name, number>>;
}

/**
 * A model file written by `npm run fit` (scripts/fit.ts), checked against its schema: a missing or damaged file is an
 * internal error, never a silently different ranking or answer. Keys the schema does not name (provenance, the
 * cross-validated figures) are dropped.
 */
export function readFittedModel<Model>(path: string, what: string, schema: z.ZodType<Model>): Model {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error: unknown) {
    throw new AppError('INTERNAL', `The ${what} is missing or damaged.`, { cause: error });
  }
  const checked = schema.safeParse(parsed);
  if (!checked.success) throw new AppError('INTERNAL', `The ${what} is damaged.`);
  return checked.data;
}

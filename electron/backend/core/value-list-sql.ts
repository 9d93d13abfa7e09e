import { sql, type RawBuilder } from 'kysely';

/** The values of an `IN (…)` list, each a bound parameter: `IN (${valueList(states)})`. */
export function valueList(values: readonly (string | number)[]): RawBuilder<unknown> {
  return sql.join(values.map((value) => sql`${value}`));
}

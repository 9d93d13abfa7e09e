import type { RatingLevel } from '@shared/domain/cases/rating';

/** Green to red, the way the national 好差评 scheme colours its five levels. */
export const RATING_COLORS: Record<RatingLevel, string> = {
  very_satisfied: 'teal',
  satisfied: 'green',
  basically_satisfied: 'yellow',
  dissatisfied: 'orange',
  very_dissatisfied: 'red',
};

import { Badge } from '@mantine/core';
import { RATINGS, type RatingLevel } from '@shared/domain/cases/rating';
import { RATING_COLORS } from '../../lib/ratings';

export function RatingBadge({ level }: { level: RatingLevel }) {
  return (
    <Badge color={RATING_COLORS[level]} variant="light">
      {RATINGS[level].label}
    </Badge>
  );
}

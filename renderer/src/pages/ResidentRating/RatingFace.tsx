import type { RatingLevel } from '@shared/domain/cases/rating';

/** How far the mouth bends, from a broad smile (非常满意) to a deep frown (非常不满意). */
const MOUTH_CURVE: Record<RatingLevel, number> = {
  very_satisfied: 14,
  satisfied: 8,
  basically_satisfied: 0,
  dissatisfied: -8,
  very_dissatisfied: -14,
};

/** A drawn face beside the words, for residents who read the picture faster than the text. */
export function RatingFace({ level, size = 72 }: { level: RatingLevel; size?: number }) {
  const curve = MOUTH_CURVE[level];
  const mouthY = 64 - curve / 2;
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="44" fill="none" stroke="currentColor" strokeWidth="6" />
      <circle cx="35" cy="40" r="6" fill="currentColor" />
      <circle cx="65" cy="40" r="6" fill="currentColor" />
      <path
        d={`M 30 ${mouthY} Q 50 ${mouthY + curve * 1.6} 70 ${mouthY}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="6"
        strokeLinecap="round"
      />
    </svg>
  );
}

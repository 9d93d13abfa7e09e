import { Alert } from '@mantine/core';

/** What the counter does next; a village agent hands the case over instead of taking it in. */
export interface ChecklistAdvice {
  complete: string;
  incomplete: string;
}

const COUNTER_ADVICE: ChecklistAdvice = {
  complete: '必交材料已齐全，可以受理。',
  incomplete: '可出具一次性告知单。',
};

interface ChecklistSummaryProps {
  /** Names of the required materials still missing, in checklist order. */
  missing: readonly string[];
  advice?: ChecklistAdvice;
}

/** One line the clerk cannot overlook: what is still missing, or that nothing is. */
export function ChecklistSummary({ missing, advice = COUNTER_ADVICE }: ChecklistSummaryProps) {
  if (missing.length === 0) {
    return (
      <Alert color="teal" variant="light" py="xs" aria-label="材料核对结果">
        {advice.complete}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" py="xs" aria-label="材料核对结果">
      尚缺 {missing.length} 项必交材料：{missing.join('、')}。{advice.incomplete}
    </Alert>
  );
}

import { Alert } from '@mantine/core';

interface ChecklistSummaryProps {
  /** Names of the required materials still missing, in checklist order. */
  missing: readonly string[];
}

/** One line the clerk cannot overlook: what is still missing, or that nothing is. */
export function ChecklistSummary({ missing }: ChecklistSummaryProps) {
  if (missing.length === 0) {
    return (
      <Alert color="teal" variant="light" py="xs" aria-label="材料核对结果">
        必交材料已齐全，可以受理。
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" py="xs" aria-label="材料核对结果">
      尚缺 {missing.length} 项必交材料：{missing.join('、')}。可出具一次性告知单。
    </Alert>
  );
}

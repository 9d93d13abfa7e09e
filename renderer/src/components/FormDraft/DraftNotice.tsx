import { Alert, Button, Group, Text } from '@mantine/core';
import { formatDateTime } from '../../lib/time';
import type { FormDraftState } from './use-form-draft';

interface DraftNoticeProps {
  draft: FormDraftState;
  /** Empties the page's form once the draft is thrown away. */
  onDiscard: () => void;
}

/** Says that what is on screen is a draft brought back, and lets it be thrown away on purpose. */
export function DraftNotice({ draft, onDiscard }: DraftNoticeProps) {
  if (!draft.restoredAt) return null;
  return (
    <Alert color="blue" variant="light" role="status" aria-label="草稿" mb="md">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          已恢复未完成的草稿（{formatDateTime(draft.restoredAt)} 保存），可以接着填写。
        </Text>
        <Button
          variant="default"
          size="xs"
          onClick={() => {
            draft.discard();
            onDiscard();
          }}
        >
          放弃草稿
        </Button>
      </Group>
    </Alert>
  );
}

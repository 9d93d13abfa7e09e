import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { CaseSummary } from '@shared/api';
import type { Ref } from 'react';
import { formatDateTime } from '../../lib/time';

interface PendingSupplementsProps {
  /** The resident's cases waiting for 补正. */
  cases: readonly CaseSummary[];
  onTake: (caseId: string) => void;
  /** The case being supplemented now, if any. */
  activeId: string | null;
  /** The first case's button, which the page focuses when the resident comes back. */
  firstButtonRef?: Ref<HTMLButtonElement>;
}

/** A resident back with what was missing: their waiting case comes first. */
export function PendingSupplements({
  cases,
  onTake,
  activeId,
  firstButtonRef,
}: PendingSupplementsProps) {
  if (cases.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={`该群众有 ${cases.length} 件待补正的申请`}
      role="alert"
    >
      <Stack gap="xs">
        {cases.map((item, index) => (
          <Group key={item.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {item.caseNo} {item.itemName}（{formatDateTime(item.createdAt)} 出具一次性告知单）
            </Text>
            <Button
              size="xs"
              color="orange"
              style={{ flexShrink: 0 }}
              aria-label={`办理补正 ${item.caseNo}`}
              ref={index === 0 ? firstButtonRef : undefined}
              disabled={item.id === activeId}
              onClick={() => onTake(item.id)}
            >
              办理补正
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ResidentSummary } from '@shared/api';
import { DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import type { ReactNode } from 'react';

interface ResidentCardProps {
  resident: ResidentSummary;
  /** "新登记" right after the short form, "已有档案" for a resident found on file. */
  badge: string;
  /** Clears the resident so the clerk can serve someone else. */
  onClear?: () => void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children ?? '—'}</Text>
    </div>
  );
}

/** The applicant as the counter sees them: document number and phone masked (PIPL art. 28). */
export function ResidentCard({ resident, badge, onClear }: ResidentCardProps) {
  return (
    <Paper withBorder p="sm" radius="sm" bg="gray.0" aria-label="申请人信息" component="section">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={700} size="lg" data-testid="resident-name">
              {resident.name}
            </Text>
            <Badge variant="light">{badge}</Badge>
          </Group>
          {onClear && (
            <Button variant="subtle" size="compact-sm" onClick={onClear}>
              换一位
            </Button>
          )}
        </Group>
        <SimpleGrid cols={3} spacing="xs" verticalSpacing={4}>
          <Fact label="性别">{resident.gender ? GENDER_LABELS[resident.gender] : null}</Fact>
          <Fact label="年龄">{resident.age === null ? null : `${resident.age} 岁`}</Fact>
          <Fact label="联系电话">{resident.phoneMasked}</Fact>
          <Fact label={DOCUMENT_TYPE_LABELS[resident.docType]}>{resident.docNumberMasked}</Fact>
          <Fact label="所属村（社区）">{resident.villageName}</Fact>
          <Fact label="住址">{resident.address}</Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

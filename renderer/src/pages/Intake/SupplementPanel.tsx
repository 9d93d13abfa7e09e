import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import {
  MaterialChecklist,
  marksOf,
  missingRequiredOf,
  toMaterialChecks,
  type MaterialMark,
} from '../../components/MaterialChecklist';
import { formatDateTime } from '../../lib/time';

interface SupplementPanelProps {
  caseId: string;
  onSaved: (saved: CaseDetail) => void;
  onCancel: () => void;
}

function SupplementChecklist({
  detail,
  onSaved,
  onCancel,
}: Omit<SupplementPanelProps, 'caseId'> & { detail: CaseDetail }) {
  const [marks, setMarks] = useState<MaterialMark[]>(() => marksOf(detail.materials));
  const supplement = useApiMutation('cases.supplement', {
    meta: { errorShownInline: true },
    onSuccess: onSaved,
  });
  const missing = missingRequiredOf(detail.materials, marks);
  const save = () => supplement.mutate({ caseId: detail.id, materials: toMaterialChecks(marks) });

  return (
    <Stack gap="sm">
      <Text size="sm">
        {detail.itemName}，{formatDateTime(detail.createdAt)}{' '}
        出具一次性告知单。请核对群众补交的材料。
      </Text>
      <MaterialChecklist materials={detail.materials} marks={marks} onChange={setMarks} />
      {supplement.error && (
        <Alert color="red" role="alert" py="xs">
          {supplement.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          暂不补正
        </Button>
        <Button
          color="orange"
          disabled={missing.length === 0}
          loading={supplement.isPending && missing.length > 0}
          onClick={save}
        >
          仍不齐全，重新告知
        </Button>
        <Button
          color="teal"
          disabled={missing.length > 0}
          loading={supplement.isPending && missing.length === 0}
          onClick={save}
        >
          补正齐全，受理
        </Button>
      </Group>
    </Stack>
  );
}

/** 补正: the waiting case's checklist again; complete → 受理 with a receipt, else a new notice. */
export function SupplementPanel({ caseId, onSaved, onCancel }: SupplementPanelProps) {
  const detail = useApiQuery('cases.get', { caseId });
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label="补正">
      <Stack gap="sm">
        <Title order={4}>补正：{detail.data?.caseNo ?? ''}</Title>
        {detail.isPending && <Loader size="sm" aria-label="正在读取案件" />}
        {detail.error && <Alert color="red">{detail.error.message}</Alert>}
        {detail.data && (
          <SupplementChecklist
            key={detail.data.id}
            detail={detail.data}
            onSaved={onSaved}
            onCancel={onCancel}
          />
        )}
      </Stack>
    </Paper>
  );
}

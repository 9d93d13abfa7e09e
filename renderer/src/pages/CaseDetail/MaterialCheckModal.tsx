import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { useState } from 'react';
import {
  MaterialChecklist,
  marksOf,
  missingRequiredOf,
  toMaterialChecks,
} from '../../components/MaterialChecklist';
import { useCaseMutation } from './use-case-mutation';
import { FormModal, FormModalCancel } from '../../components/FormModal';

type Mode = 'receive' | 'supplement';

interface MaterialCheckModalProps {
  detail: CaseDetail;
  /** 接收 an agency case or 补正齐全 at the window; null when closed. */
  mode: Mode | null;
  onClose: () => void;
}

const TITLES: Record<Mode, string> = { receive: '接收', supplement: '补正齐全' };

/** What confirming does, complete or not, in the words of the counter. */
const OUTCOMES: Record<Mode, { complete: string; incomplete: string }> = {
  receive: {
    complete: '确认后案件即受理，从下一个工作日起计算承诺时限。',
    incomplete: '确认后案件转为待补正，请打印一次性告知单交申请人或代办员。',
  },
  supplement: {
    complete: '确认后案件受理（曾受理的继续办理），等待补正的日子不计入时限。',
    incomplete: '确认后记下本次补交的材料，案件继续等待补正。',
  },
};

/** The checklist again, as the materials are at the window now (the agent's folder, the return). */
export function MaterialCheckModal({ detail, mode, onClose }: MaterialCheckModalProps) {
  const [marks, setMarks] = useState(() => marksOf(detail.materials));
  const [note, setNote] = useState('');
  const receive = useCaseMutation('cases.receive', '已接收');
  const supplement = useCaseMutation('cases.supplement', '已登记补正材料');
  const mutation = mode === 'receive' ? receive : supplement;
  const complete = missingRequiredOf(detail.materials, marks).length === 0;
  const changed =
    note.trim() !== '' || JSON.stringify(marks) !== JSON.stringify(marksOf(detail.materials));

  function submit() {
    const materials = toMaterialChecks(marks);
    if (mode === 'receive')
      receive.mutate({ caseId: detail.id, materials }, { onSuccess: onClose });
    if (mode === 'supplement') {
      supplement.mutate(
        { caseId: detail.id, materials, note: note.trim() || null },
        { onSuccess: onClose },
      );
    }
  }

  return (
    <FormModal
      dirty={changed}
      opened={mode !== null}
      onClose={onClose}
      title={mode ? TITLES[mode] : ''}
      size="90%"
    >
      {mode ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Stack gap="md">
            <MaterialChecklist
              materials={detail.materials}
              marks={marks}
              onChange={setMarks}
              disabled={mutation.isPending}
            />
            <Text size="sm">{OUTCOMES[mode][complete ? 'complete' : 'incomplete']}</Text>
            {mode === 'supplement' ? (
              <Textarea
                label="备注"
                description="选填，记入办理记录"
                autosize
                minRows={2}
                maxLength={200}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
            ) : null}
            {mutation.error ? (
              <Alert color="red" role="alert">
                {mutation.error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <FormModalCancel />
              <Button type="submit" loading={mutation.isPending} data-autofocus>
                确认{TITLES[mode]}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </FormModal>
  );
}

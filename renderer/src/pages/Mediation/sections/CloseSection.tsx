import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { DisputeDetail } from '@shared/api';
import { useState } from 'react';
import { showFieldErrors } from '../../../lib/form';
import type { DisputeSection, DisputeSectionProps } from '../detail/section';
import { SectionCard } from '../detail/SectionCard';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormError } from './FormError';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

const READY_TEXT: Partial<Record<DisputeDetail['state'], string>> = {
  followed_up: '回访已完成，可以结案归档。',
  failed: '调解不成，已告知当事人其他解决途径，可以结案；本级难以化解的也可上交上级。',
  terminated: '调解已终止，可以结案归档。',
};

function CloseModal({ dispute, onClose }: { dispute: DisputeDetail; onClose: () => void }) {
  const form = useForm({ initialValues: { note: '' } });
  const close = useDisputeMutation('mediation.close', { done: '已结案', inline: true });
  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="结案">
      <form
        noValidate
        onSubmit={form.onSubmit(({ note }) =>
          close.mutate(
            { disputeId: dispute.id, note },
            { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) },
          ),
        )}
      >
        <Stack>
          <Text size="sm">结案后案卷归档，不能再修改。</Text>
          <Textarea
            label="结案说明"
            description="可不填"
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('note')}
          />
          <FormError error={close.error} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={close.isPending}>
              确认结案
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

/** 结案: after the follow-up of a success, or after a failure or termination. */
function CloseSectionBody({ dispute }: DisputeSectionProps) {
  const [closing, setClosing] = useState(false);
  const canClose = dispute.canWrite && dispute.availableActions.includes('close');
  const closeNote = dispute.events.findLast((event) => event.action === 'close')?.note;
  return (
    <SectionCard
      id="close"
      title="结案"
      actions={
        canClose ? (
          <Button size="xs" onClick={() => setClosing(true)}>
            结案
          </Button>
        ) : null
      }
    >
      {dispute.state === 'closed' ? (
        <Text size="sm">
          已于 {dispute.closedOn} 结案{closeNote ? `：${closeNote}` : ''}。
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {READY_TEXT[dispute.state] ?? '可以结案。'}
        </Text>
      )}
      {closing ? <CloseModal dispute={dispute} onClose={() => setClosing(false)} /> : null}
    </SectionCard>
  );
}

export const closeSection: DisputeSection = {
  key: 'close',
  title: '结案',
  visible: (dispute) =>
    dispute.state === 'closed' || (dispute.canWrite && dispute.availableActions.includes('close')),
  Component: CloseSectionBody,
};

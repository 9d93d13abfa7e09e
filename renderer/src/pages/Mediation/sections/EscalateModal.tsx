import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { DisputeDetail } from '@shared/api';
import { showFieldErrors } from '../../../lib/form';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormError } from './FormError';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

/** 上交: the reason the case goes to the level above, which then owns it. */
export function EscalateModal({
  dispute,
  onClose,
}: {
  dispute: DisputeDetail;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : '请填写上交理由') },
  });
  const escalate = useDisputeMutation('mediation.escalate', { inline: true });
  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="上交上级调解组织">
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) =>
          escalate.mutate(
            { disputeId: dispute.id, reason },
            {
              onSuccess: (escalated) => {
                notifications.show({
                  color: 'teal',
                  message: `已上交${escalated.ownerOrgName}，本单位可继续查看办理结果`,
                });
                onClose();
              },
              onError: (error) => showFieldErrors(form, error),
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm">
            上交后由上一级调解组织承办并受理，本单位不能再修改本案，但仍可查看办理经过和结果。
          </Text>
          <Textarea
            label="上交理由"
            description="例如：涉及宅基地确权，需街道协调国土所；本级调解不成，当事人情绪激烈"
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <FormError error={escalate.error} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" color="grape" loading={escalate.isPending}>
              确认上交
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

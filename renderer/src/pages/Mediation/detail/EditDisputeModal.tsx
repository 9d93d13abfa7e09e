import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { DisputeDetail } from '@shared/api';
import { showFieldErrors } from '../../../lib/form';
import {
  DISPUTE_FIELD_RENAMES,
  fieldsFromDetail,
  toDisputeFields,
} from '../register/dispute-fields';
import { DisputeFieldsInputs } from '../register/DisputeFieldsInputs';
import { validateDisputeFields } from '../register/validate-fields';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

/** Corrects the registration; raising the risk to 重大 reports upward as registration would. */
export function EditDisputeModal({
  dispute,
  onClose,
}: {
  dispute: DisputeDetail;
  onClose: () => void;
}) {
  const form = useForm({
    initialValues: fieldsFromDetail(dispute),
    validate: validateDisputeFields,
  });
  const update = useDisputeMutation('mediation.update', { done: '已修改登记信息', inline: true });
  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="修改登记信息" size="xl">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          update.mutate(
            { disputeId: dispute.id, ...toDisputeFields(values) },
            {
              onSuccess: (saved) => {
                const report = saved.eventReports.length > dispute.eventReports.length;
                if (report) {
                  notifications.show({
                    color: 'red',
                    title: '已报送事件报告',
                    message: `风险等级为重大，已自动向${saved.eventReports.at(-1)?.receivingOrgName ?? '上级'}报送事件报告`,
                  });
                }
                onClose();
              },
              onError: (error) => showFieldErrors(form, error, DISPUTE_FIELD_RENAMES),
            },
          ),
        )}
      >
        <Stack>
          <DisputeFieldsInputs form={form} autoFocus wasMajor={dispute.riskLevel === 'major'} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={update.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

import { Button, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { DisputeDetail } from '@shared/api';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation } from '../../../api';
import { DateField } from '../../../components/DateField';
import { showFieldErrors } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { refreshDisputeViews } from '../use-dispute-mutation';
import { earliestExtendedDueDate } from './extension-dates';
import { FormError } from './FormError';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

interface ExtensionValues {
  newDueDate: string | null;
  reason: string;
  consentingPartyIds: string[];
}

/** 延长调解期限: a later due date, why, and every party's consent, as 人民调解 practice requires. */
export function ExtensionModal({
  dispute,
  onClose,
}: {
  dispute: DisputeDetail;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const earliest = dispute.clock
    ? earliestExtendedDueDate(dispute.clock.dueDate, todayIso())
    : null;
  const form = useForm<ExtensionValues>({
    initialValues: { newDueDate: null, reason: '', consentingPartyIds: [] },
    validate: {
      newDueDate: (value) => {
        if (!value) return '请填写延长后的期限';
        return dispute.clock && earliest && value < earliest
          ? `延长后的期限应晚于原期限 ${dispute.clock.dueDate}，且不早于今天（最早 ${earliest}）`
          : null;
      },
      reason: (value) => (value.trim() ? null : '请填写延期理由'),
      consentingPartyIds: (value) =>
        value.length < dispute.parties.length ? '延长调解期限须经各方当事人同意，请逐一确认' : null,
    },
  });
  const extend = useApiMutation('mediation.extendDeadline', {
    meta: { errorShownInline: true },
    onSuccess: ({ dispute: extended, before, after }) => {
      refreshDisputeViews(queryClient, extended);
      notifications.show({
        color: 'teal',
        message: `调解期限已由 ${before.dueDate} 延长至 ${after.dueDate}`,
      });
      onClose();
    },
  });

  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="延长调解期限">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          extend.mutate(
            {
              disputeId: dispute.id,
              newDueDate: values.newDueDate!,
              reason: values.reason,
              consentingPartyIds: values.consentingPartyIds,
            },
            { onError: (error) => showFieldErrors(form, error) },
          ),
        )}
      >
        <Stack>
          {dispute.clock ? (
            <Text size="sm">
              原调解期限：{dispute.clock.dueDate}
              {dispute.clock.extended ? '（已延长过）' : '（受理后一个月）'}
            </Text>
          ) : null}
          <DateField
            label="延长至"
            withAsterisk
            data-autofocus
            minDate={earliest ?? undefined}
            {...form.getInputProps('newDueDate')}
          />
          <Textarea
            label="延期理由"
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('reason')}
          />
          <Checkbox.Group
            label="同意延期的当事人"
            description="须经各方当事人同意；请在征得每一方同意后勾选"
            withAsterisk
            {...form.getInputProps('consentingPartyIds')}
          >
            <Stack gap={6} mt={6}>
              {dispute.parties.map((party) => (
                <Checkbox
                  key={party.id}
                  value={party.id}
                  label={`${party.name}（${PARTY_ROLE_LABELS[party.role]}）同意延期`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <FormError error={extend.error} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={extend.isPending}>
              延长期限
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

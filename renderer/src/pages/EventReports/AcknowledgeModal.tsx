import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { EventReport } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface AcknowledgeModalProps {
  /** The report to sign for; the modal is closed while null. */
  report: EventReport | null;
  onClose: () => void;
}

/** 签收: the receiving unit confirms it has the report, with what it did about it if it likes. */
export function AcknowledgeModal({ report, onClose }: AcknowledgeModalProps) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { note: '' } });
  const acknowledge = useApiMutation('eventReports.acknowledge', {
    meta: { errorShownInline: true },
    onSuccess: (signed) => {
      queryClient.setQueryData(apiKey('eventReports.get', { eventReportId: signed.id }), signed);
      void queryClient.invalidateQueries({ queryKey: apiKey('eventReports.list') });
      void queryClient.invalidateQueries({ queryKey: apiKey('mediation.dashboard') });
      notifications.show({ color: 'teal', message: `已签收“${signed.title}”` });
    },
  });

  function close() {
    form.reset();
    acknowledge.reset();
    onClose();
  }

  return (
    <FormModal dirty={form.isDirty()} opened={report !== null} onClose={close} title="签收事件报告">
      <form
        noValidate
        onSubmit={form.onSubmit(({ note }) =>
          acknowledge.mutate(
            { eventReportId: report!.id, note },
            { onSuccess: close, onError: (error) => showFieldErrors(form, error) },
          ),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">
            {report?.fromOrgName}报送的“{report?.title}”
          </Text>
          <Textarea
            label="签收意见"
            description="可不填；例如：已转综治中心、已安排人员到场"
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('note')}
          />
          {acknowledge.error && !acknowledge.error.fields ? (
            <Text c="red" size="sm" role="alert">
              {acknowledge.error.message}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={acknowledge.isPending}>
              确认签收
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

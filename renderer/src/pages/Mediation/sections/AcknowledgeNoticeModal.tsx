import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { NOTICE_METHOD_LABELS, NOTICE_METHODS, type DisputeParty } from '@shared/api';
import { DateField } from '../../../components/DateField';
import { showFieldErrors } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

const METHOD_OPTIONS = NOTICE_METHODS.map((method) => ({
  value: method,
  label: NOTICE_METHOD_LABELS[method],
}));

interface AcknowledgeNoticeModalProps {
  /** The party told of the 当事人权利义务告知书; null keeps the modal closed. */
  party: DisputeParty | null;
  onClose: () => void;
}

export function AcknowledgeNoticeModal({ party, onClose }: AcknowledgeNoticeModalProps) {
  const form = useForm({
    initialValues: {
      acknowledgedOn: todayIso() as string | null,
      method: 'signed' as (typeof NOTICE_METHODS)[number],
    },
    validate: { acknowledgedOn: (value) => (value ? null : '请填写告知日期') },
  });
  const acknowledge = useDisputeMutation('mediation.acknowledgeNotice', {
    done: '已记录权利义务告知',
    inline: true,
  });
  return (
    <FormModal
      dirty={form.isDirty()}
      opened={party !== null}
      onClose={onClose}
      title="记录权利义务告知"
    >
      {party ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) =>
            acknowledge.mutate(
              {
                partyId: party.id,
                acknowledgedOn: values.acknowledgedOn!,
                method: values.method,
              },
              { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) },
            ),
          )}
        >
          <Stack>
            <Text size="sm">{party.name}已知悉《人民调解当事人权利义务告知书》的内容。</Text>
            <DateField
              label="告知日期"
              withAsterisk
              data-autofocus
              {...form.getInputProps('acknowledgedOn')}
            />
            <Select
              label="告知方式"
              withAsterisk
              allowDeselect={false}
              data={METHOD_OPTIONS}
              {...form.getInputProps('method')}
            />
            <Group justify="flex-end">
              <FormModalCancel />
              <Button type="submit" loading={acknowledge.isPending}>
                记录
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </FormModal>
  );
}

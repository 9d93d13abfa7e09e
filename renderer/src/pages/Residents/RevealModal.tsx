import { Autocomplete, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { residentsMethods } from '@shared/api';
import { zodValidator } from '../../lib/form';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface RevealModalProps {
  /** What is about to be shown, e.g. 证件号码; null keeps the modal closed. */
  fieldLabel: string | null;
  loading: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

const REASONS = ['办理业务核对身份', '打印须填写完整号码的文书', '电话联系本人', '本人要求核对'];

const reasonSchema = residentsMethods['residents.reveal'].input.pick({ reason: true });

/** The reveal is recorded in the audit log with its reason; the modal says so before it happens. */
export function RevealModal({ fieldLabel, loading, onConfirm, onClose }: RevealModalProps) {
  const form = useForm({
    initialValues: { reason: '' },
    validate: zodValidator(reasonSchema),
  });

  function close() {
    form.reset();
    onClose();
  }

  return (
    <FormModal
      dirty={form.isDirty()}
      opened={fieldLabel !== null}
      onClose={close}
      title={`查看完整${fieldLabel ?? ''}`}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) => {
          onConfirm(reason.trim());
          form.reset();
        })}
      >
        <Stack gap="md">
          <Text size="sm">
            完整{fieldLabel}属于敏感个人信息。本次查看将记入审计日志（查看人、时间和事由），号码显示
            30 秒后自动隐藏。
          </Text>
          <Autocomplete
            label="查看事由"
            description="可从列表中选择，也可直接填写"
            data-autofocus
            data={REASONS}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={loading}>
              查看并记录
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

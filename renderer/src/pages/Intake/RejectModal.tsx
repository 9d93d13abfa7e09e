import { Button, Checkbox, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { FormModal, FormModalCancel } from '../../components/FormModal';

export interface RejectValues {
  rejectReason: string;
  redirectTo: string;
  /** The applicant does not qualify: there is nowhere else to send them. */
  ineligible: boolean;
}

interface RejectModalProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: (values: RejectValues) => void;
  saving: boolean;
  /** The backend's field messages (rejectReason, redirectTo), shown beside the fields. */
  errors: Record<string, string>;
}

/**
 * 不予受理 needs the reason and where the resident should go instead, both printed; an applicant who
 * simply does not qualify has nowhere else to go, and the notice says so instead.
 */
export function RejectModal({ opened, onClose, onConfirm, saving, errors }: RejectModalProps) {
  const form = useForm<RejectValues>({
    initialValues: { rejectReason: '', redirectTo: '', ineligible: false },
    validate: {
      rejectReason: (value) => (value.trim() ? null : '请填写不予受理的理由'),
      redirectTo: (value, values) =>
        values.ineligible || value.trim() ? null : '请告知应到何处办理',
    },
  });
  const { setErrors } = form;
  useEffect(() => {
    if (Object.keys(errors).length > 0) setErrors(errors);
  }, [errors, setErrors]);

  return (
    <FormModal dirty={form.isDirty()} opened={opened} onClose={onClose} title="不予受理" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          onConfirm({
            rejectReason: values.rejectReason.trim(),
            redirectTo: values.ineligible ? '' : values.redirectTo.trim(),
            ineligible: values.ineligible,
          }),
        )}
      >
        <Stack gap="md">
          <Textarea
            label="不予受理的理由"
            withAsterisk
            data-autofocus
            autosize
            minRows={2}
            maxLength={200}
            placeholder="如：该事项不属于本中心受理范围"
            {...form.getInputProps('rejectReason')}
          />
          <Checkbox
            label="申请人不符合办理条件，无需到其他部门办理"
            description="如收入超过标准、年龄未到。通知书不写“请到何处办理”，改为告知符合条件后可再次申请。"
            {...form.getInputProps('ineligible', { type: 'checkbox' })}
          />
          {form.values.ineligible ? null : (
            <TextInput
              label="请到何处办理"
              withAsterisk
              maxLength={100}
              placeholder="如：鹿城区公安分局五马派出所户籍窗口"
              {...form.getInputProps('redirectTo')}
            />
          )}
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" color="red" loading={saving}>
              确认不予受理并打印通知书
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

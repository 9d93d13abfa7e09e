import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ResidentDetail } from '@shared/api';
import { DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiCallError, apiKey, useApiMutation } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { PersonFields } from './PersonFields';
import { toUpdateInput, updateValidator, valuesOf, type ResidentFormValues } from './resident-form';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface EditResidentModalProps {
  resident: ResidentDetail;
  opened: boolean;
  onClose: () => void;
}

/**
 * The person's details; the document stays as registered (one record per document). The page keys
 * the modal by the record's update time, so a saved edit opens next time with the saved values.
 */
export function EditResidentModal({ resident, opened, onClose }: EditResidentModalProps) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ResidentFormValues>({
    initialValues: valuesOf(resident),
    validate: updateValidator,
  });
  const update = useApiMutation('residents.update', { meta: { errorShownInline: true } });

  function close() {
    form.reset();
    setFailure(null);
    onClose();
  }

  function submit(values: ResidentFormValues) {
    setFailure(null);
    update.mutate(toUpdateInput(values, resident.id), {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: `已保存${saved.name}的档案` });
        queryClient.setQueryData(apiKey('residents.get', { residentId: saved.id }), saved);
        void queryClient.invalidateQueries({ queryKey: apiKey('residents.search') });
        onClose();
      },
      onError: (error) => {
        showFieldErrors(form, error);
        if (!(error instanceof ApiCallError) || !error.fields) setFailure(error.message);
      },
    });
  }

  return (
    <FormModal
      dirty={form.isDirty()}
      opened={opened}
      onClose={close}
      title="修改群众档案"
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput
              label="证件类型"
              readOnly
              variant="filled"
              value={DOCUMENT_TYPE_LABELS[resident.docType]}
            />
            <TextInput
              label="证件号码"
              readOnly
              variant="filled"
              value={resident.docNumberMasked}
              description="证件号码不能修改；登记有误的请新建档案"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          </SimpleGrid>
          <PersonFields form={form} currentPhoneMasked={resident.phoneMasked} autoFocusName />
          {failure ? (
            <Alert color="red" title="未能保存">
              {failure}
            </Alert>
          ) : null}
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

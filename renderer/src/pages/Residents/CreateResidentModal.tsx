import { Alert, Anchor, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ResidentDetail } from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiCallError, apiKey, useApiClient, useApiMutation } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { DocumentFields } from './DocumentFields';
import { PersonFields } from './PersonFields';
import {
  createValidator,
  EMPTY_RESIDENT,
  toCreateInput,
  type ResidentFormValues,
} from './resident-form';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface CreateResidentModalProps {
  opened: boolean;
  onClose: () => void;
  /** Called with the new record once it is saved. */
  onCreated: (resident: ResidentDetail) => void;
}

/** The record that already holds the document, for a link to it; id null while it is looked up. */
interface Taken {
  message: string;
  residentId: string | null;
}

export function CreateResidentModal({ opened, onClose, onCreated }: CreateResidentModalProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [today] = useState(() => shanghaiDate(new Date()));
  const [lookAlike, setLookAlike] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [taken, setTaken] = useState<Taken | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ResidentFormValues>({
    initialValues: EMPTY_RESIDENT,
    validate: createValidator(today),
    onValuesChange: (values, previous) => {
      // A confirmation answers the warning about these details, not about others typed later.
      if (
        values.name !== previous.name ||
        values.docNumber !== previous.docNumber ||
        values.docType !== previous.docType ||
        values.villageOrgId !== previous.villageOrgId
      ) {
        setLookAlike(null);
        setConfirmed(false);
        setTaken(null);
      }
    },
  });
  const create = useApiMutation('residents.create', { meta: { errorShownInline: true } });

  function close() {
    form.reset();
    create.reset();
    setLookAlike(null);
    setConfirmed(false);
    setTaken(null);
    setFailure(null);
    onClose();
  }

  async function showHolder(message: string, values: ResidentFormValues) {
    setTaken({ message, residentId: null });
    const found = await client.call('residents.findByDocument', {
      docType: values.docType,
      docNumber: values.docNumber,
    });
    if (found.ok && found.value) setTaken({ message, residentId: found.value.id });
  }

  function refused(error: ApiCallError, values: ResidentFormValues) {
    switch (error.code) {
      case 'RESIDENT_POSSIBLE_DUPLICATE':
        setLookAlike(error.message);
        return;
      case 'DOCUMENT_TAKEN':
        void showHolder(error.message, values);
        return;
      case 'DOCUMENT_INVALID':
      case 'PHONE_INVALID':
      case 'INVALID_INPUT':
        showFieldErrors(form, error);
        if (!error.fields) setFailure(error.message);
        return;
      default:
        setFailure(error.message);
    }
  }

  function submit(values: ResidentFormValues) {
    setFailure(null);
    create.mutate(toCreateInput(values, lookAlike !== null && confirmed), {
      onSuccess: (resident) => {
        notifications.show({ color: 'teal', message: `已新建${resident.name}的档案` });
        void queryClient.invalidateQueries({ queryKey: apiKey('residents.search') });
        close();
        onCreated(resident);
      },
      onError: (error) => {
        if (error instanceof ApiCallError) refused(error, values);
        else setFailure('保存失败，请重试');
      },
    });
  }

  return (
    <FormModal
      dirty={form.isDirty()}
      opened={opened}
      onClose={close}
      title="新建群众档案"
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          <DocumentFields form={form} today={today} />
          <PersonFields form={form} />
          {taken ? (
            <Alert color="red" title="该证件号码已经登记">
              <Stack gap={6}>
                <Text size="sm">{taken.message}</Text>
                {taken.residentId ? (
                  <Anchor component={Link} to={`/residents/${taken.residentId}`} onClick={close}>
                    打开已有档案
                  </Anchor>
                ) : null}
              </Stack>
            </Alert>
          ) : null}
          {lookAlike ? (
            <Alert color="yellow" title="可能已有此人的档案">
              <Stack gap="xs">
                <Text size="sm">{lookAlike}</Text>
                <Checkbox
                  label="确认不是重复档案"
                  checked={confirmed}
                  onChange={(event) => setConfirmed(event.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          ) : null}
          {failure ? (
            <Alert color="red" title="未能保存">
              {failure}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <FormModalCancel />
            <Button
              type="submit"
              loading={create.isPending}
              disabled={lookAlike !== null && !confirmed}
            >
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

import {
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ResidentSummary } from '@shared/api';
import { DOCUMENT_TYPE_LABELS, type IdentityDocument } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import { useEffect, useRef, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { newResidentErrors, newResidentInput, type NewResidentValues } from './resident-checks';

interface NewResidentFormProps {
  /** The checked document nobody is on file with. */
  document: IdentityDocument;
  onCreated: (resident: ResidentSummary) => void;
  /** Preselected 所属村（社区）, e.g. the village agent's own. */
  defaultVillageId?: string | null;
}

/** A resident not on file yet: the few fields the counter needs, checked before sending. */
export function NewResidentForm({
  document,
  onCreated,
  defaultVillageId = null,
}: NewResidentFormProps) {
  const [lookAlike, setLookAlike] = useState<string | null>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  // The warning comes back from the backend: the clerk's next key is the confirmation.
  useEffect(() => {
    if (lookAlike) confirmRef.current?.focus();
  }, [lookAlike]);
  const units = useApiQuery('orgUnits.list', {});
  const villages = (units.data ?? [])
    .filter((unit) => unit.level === 'village')
    .map((unit) => ({ value: unit.id, label: unit.name }));
  const form = useForm<NewResidentValues & { docNumber: string }>({
    initialValues: {
      docNumber: document.number,
      name: '',
      phone: '',
      address: '',
      villageOrgId: defaultVillageId,
      confirmNotDuplicate: false,
    },
    validate: (values) => newResidentErrors(values),
  });
  const create = useApiMutation('residents.create', {
    meta: { errorShownInline: true },
    onSuccess: (created) => {
      notifications.show({ color: 'teal', message: `已登记群众档案：${created.name}` });
      onCreated(created);
    },
    onError: (error) => {
      if (error.code === 'RESIDENT_POSSIBLE_DUPLICATE') setLookAlike(error.message);
      showFieldErrors(form, error);
      if (!error.fields) form.setErrors({ name: error.message });
    },
  });

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label="登记新群众">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => create.mutate(newResidentInput(document, values)))}
      >
        <Stack gap="sm">
          <Text size="sm">
            未找到该{DOCUMENT_TYPE_LABELS[document.type]}的档案，请登记后继续。
            {document.gender && document.birthDate && (
              <>
                由证件号码得出：{GENDER_LABELS[document.gender]}，出生日期 {document.birthDate}。
              </>
            )}
          </Text>
          <Group grow align="flex-start">
            <TextInput
              label="姓名"
              withAsterisk
              autoFocus
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <TextInput
              label="联系电话"
              autoComplete="off"
              placeholder="手机或带区号的固定电话"
              {...form.getInputProps('phone')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="住址" autoComplete="off" {...form.getInputProps('address')} />
            <Select
              label="所属村（社区）"
              clearable
              searchable
              data={villages}
              nothingFoundMessage="没有找到"
              placeholder={villages.length === 0 ? '本单位下没有村（社区）' : '请选择'}
              {...form.getInputProps('villageOrgId')}
            />
          </Group>
          <TextInput
            label={`${DOCUMENT_TYPE_LABELS[document.type]}号码`}
            readOnly
            variant="filled"
            {...form.getInputProps('docNumber')}
          />
          {lookAlike && (
            <Alert color="yellow" title="可能是重复档案" role="alert">
              <Stack gap="xs">
                <Text size="sm">{lookAlike}</Text>
                <Checkbox
                  ref={confirmRef}
                  label="确认不是重复档案"
                  {...form.getInputProps('confirmNotDuplicate', { type: 'checkbox' })}
                  error={undefined}
                />
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              登记并选用
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

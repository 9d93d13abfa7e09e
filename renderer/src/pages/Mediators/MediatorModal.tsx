import {
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { mediatorsMethods, type Mediator, type OrgUnit } from '@shared/api';
import type { DisputeType } from '@shared/domain/mediation/vocabulary';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { allOf, convertedValidator, showFieldErrors } from '../../lib/form';
import {
  referenceOptions,
  useDisputeTypes,
  useMediationReference,
} from '../../lib/mediation-reference';
import { FormModal, FormModalCancel } from '../../components/FormModal';

const GENDER_OPTIONS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];

interface MediatorValues {
  name: string;
  gender: 'male' | 'female' | null;
  phone: string;
  orgUnitId: string;
  committeeKind: string | null;
  background: string | null;
  specialties: DisputeType[];
  note: string;
}

/** `userId` is the account the entry is linked to, kept as it is: the form does not change it. */
function toFields(values: MediatorValues, editing: boolean, userId: string | null) {
  const phone = values.phone.trim();
  return {
    name: values.name,
    userId,
    gender: values.gender,
    // Editing shows the number masked: left empty it stays as stored.
    ...(editing && phone === '' ? {} : { phone: phone || null }),
    committeeKind: values.committeeKind ?? '',
    background: values.background ?? '',
    specialties: values.specialties,
    note: values.note,
  };
}

interface MediatorModalProps {
  /** The roster entry to change, or null for a new one. */
  mediator: Mediator | null;
  /** The committees the supervisor keeps a roster for. */
  units: readonly OrgUnit[];
  defaultUnitId: string;
  onClose: () => void;
}

export function MediatorModal({ mediator, units, defaultUnitId, onClose }: MediatorModalProps) {
  const reference = useMediationReference();
  const disputeTypes = useDisputeTypes();
  const queryClient = useQueryClient();
  const editing = mediator !== null;
  const form = useForm<MediatorValues>({
    initialValues: {
      name: mediator?.name ?? '',
      gender: mediator?.gender ?? null,
      phone: '',
      orgUnitId: mediator?.orgUnitId ?? defaultUnitId,
      committeeKind: mediator?.committeeKind ?? null,
      background: mediator?.background ?? null,
      specialties: mediator?.specialties ?? [],
      note: mediator?.note ?? '',
    },
    validate: allOf<MediatorValues>(
      (values) => ({
        committeeKind: values.committeeKind ? null : '请选择调委会类型',
        background: values.background ? null : '请选择调解员背景',
      }),
      convertedValidator<MediatorValues>(mediatorsMethods['mediators.create'].input, (values) =>
        toFields(values, editing, mediator?.userId ?? null),
      ),
    ),
  });
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: apiKey('mediators.list') });
    void queryClient.invalidateQueries({ queryKey: apiKey('mediation.suggestMediators') });
    notifications.show({ color: 'teal', message: editing ? '已修改调解员' : '已新增调解员' });
    onClose();
  };
  const create = useApiMutation('mediators.create', {
    meta: { errorShownInline: true },
    onSuccess,
  });
  const update = useApiMutation('mediators.update', {
    meta: { errorShownInline: true },
    onSuccess,
  });
  const onError = (error: unknown) => showFieldErrors(form, error);

  return (
    <FormModal
      dirty={form.isDirty()}
      opened
      onClose={onClose}
      title={editing ? `修改调解员 ${mediator.name}` : '新增调解员'}
      size="lg"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          editing
            ? update.mutate(
                { mediatorId: mediator.id, ...toFields(values, true, mediator.userId) },
                { onError },
              )
            : create.mutate(
                { ...toFields(values, false, null), orgUnitId: values.orgUnitId },
                { onError },
              ),
        )}
      >
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label="姓名" withAsterisk data-autofocus {...form.getInputProps('name')} />
            <Select
              label="性别"
              data={GENDER_OPTIONS}
              clearable
              {...form.getInputProps('gender')}
            />
            <TextInput
              label="联系电话"
              placeholder={
                editing && mediator.phoneMasked
                  ? `留空则保持原值（${mediator.phoneMasked}）`
                  : undefined
              }
              {...form.getInputProps('phone')}
            />
            <Select
              label="所属调委会"
              withAsterisk
              disabled={editing}
              allowDeselect={false}
              data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
              {...form.getInputProps('orgUnitId')}
            />
            <Select
              label="调委会类型"
              withAsterisk
              data={referenceOptions(reference.data?.committeeKinds)}
              {...form.getInputProps('committeeKind')}
            />
            <Select
              label="调解员背景"
              withAsterisk
              searchable
              data={referenceOptions(reference.data?.mediatorBackgrounds)}
              {...form.getInputProps('background')}
            />
          </SimpleGrid>
          <MultiSelect
            label="擅长的纠纷类型"
            description="指派调解员时优先推荐"
            data={disputeTypes.options}
            searchable
            {...form.getInputProps('specialties')}
          />
          <Textarea label="备注" autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={create.isPending || update.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

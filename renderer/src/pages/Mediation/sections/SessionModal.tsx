import {
  Button,
  Group,
  MultiSelect,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { mediationSessionMethods, type DisputeDetail, type MethodInput } from '@shared/api';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import { useApiQuery } from '../../../api';
import { DateField } from '../../../components/DateField';
import { convertedValidator, showFieldErrors } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { useCurrentUser } from '../../../session';
import { OffRosterNotice } from '../../Mediators';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

interface SessionValues {
  heldOn: string | null;
  place: string;
  mediatorIds: string[];
  recorderName: string;
  attendees: string[];
  /** By party id; a party who said nothing is left out. */
  statements: Record<string, string>;
  agreed: 'yes' | 'no' | '';
  result: string;
}

function toInput(disputeId: string, values: SessionValues): MethodInput<'mediation.recordSession'> {
  return {
    disputeId,
    heldOn: values.heldOn ?? '',
    place: values.place,
    mediatorIds: values.mediatorIds,
    recorderName: values.recorderName,
    attendees: values.attendees,
    statements: Object.entries(values.statements)
      .filter(([, text]) => text.trim() !== '')
      .map(([partyId, text]) => ({ partyId, text })),
    agreed: values.agreed === 'yes',
    result: values.result,
  };
}

/** 调解记录: who sat, who came, what each party said, and whether they agreed. */
export function SessionModal({
  dispute,
  onClose,
}: {
  dispute: DisputeDetail;
  onClose: () => void;
}) {
  const me = useCurrentUser();
  const roster = useApiQuery('mediators.list', { orgUnitId: dispute.ownerOrgId });
  const form = useForm<SessionValues>({
    initialValues: {
      heldOn: todayIso(),
      place: '',
      mediatorIds: dispute.mediators.map((mediator) => mediator.mediatorId),
      recorderName: me.displayName,
      attendees: [
        ...dispute.parties.map((party) => `${party.name}（${PARTY_ROLE_LABELS[party.role]}）`),
        ...dispute.parties.flatMap((party) =>
          party.agentName ? [`${party.agentName}（${party.name}的代理人）`] : [],
        ),
      ],
      statements: {},
      agreed: '',
      result: '',
    },
    validate: (values) => ({
      ...convertedValidator<SessionValues>(
        mediationSessionMethods['mediation.recordSession'].input,
        (v) => toInput(dispute.id, v),
      )(values),
      ...(values.agreed === '' ? { agreed: '请选择本次调解是否达成一致' } : {}),
    }),
  });
  const record = useDisputeMutation('mediation.recordSession', {
    done: '已记录调解',
    inline: true,
  });
  const options = (roster.data ?? []).map((mediator) => ({
    value: mediator.id,
    label: mediator.name,
  }));

  return (
    <FormModal
      dirty={form.isDirty()}
      opened
      onClose={onClose}
      title={`记录第${dispute.sessions.length + 1}次调解`}
      size="xl"
    >
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          record.mutate(toInput(dispute.id, values), {
            onSuccess: onClose,
            onError: (error) => showFieldErrors(form, error),
          }),
        )}
      >
        <Stack>
          <OffRosterNotice orgUnitId={dispute.ownerOrgId} />
          <SimpleGrid cols={2}>
            <DateField
              label="调解日期"
              withAsterisk
              data-autofocus
              {...form.getInputProps('heldOn')}
            />
            <TextInput label="调解地点" withAsterisk {...form.getInputProps('place')} />
            <MultiSelect
              label="调解员"
              withAsterisk
              data={options}
              searchable
              nothingFoundMessage="本调委会没有此调解员"
              {...form.getInputProps('mediatorIds')}
            />
            <TextInput label="记录人" {...form.getInputProps('recorderName')} />
          </SimpleGrid>
          <TagsInput
            label="到场人员"
            withAsterisk
            description="每人一项，输入后按回车添加，如：张三（申请人）"
            {...form.getInputProps('attendees')}
          />
          {dispute.parties.map((party) => (
            <Textarea
              key={party.id}
              label={`${PARTY_ROLE_LABELS[party.role]}${party.name}陈述`}
              autosize
              minRows={2}
              maxRows={8}
              {...form.getInputProps(`statements.${party.id}`)}
              value={form.values.statements[party.id] ?? ''}
            />
          ))}
          <Radio.Group label="本次调解结果" withAsterisk {...form.getInputProps('agreed')}>
            <Group mt={6}>
              <Radio value="yes" label="达成一致" />
              <Radio value="no" label="未达成一致" />
            </Group>
          </Radio.Group>
          <Textarea
            label="调解情况"
            description="调解员所做的工作、达成或未达成一致的事项"
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('result')}
          />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={record.isPending}>
              保存调解记录
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

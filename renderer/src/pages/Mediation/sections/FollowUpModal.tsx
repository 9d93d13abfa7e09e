import {
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  FOLLOW_UP_METHOD_LABELS,
  FOLLOW_UP_METHODS,
  PERFORMANCE_LABELS,
  PERFORMANCES,
  SATISFACTION_LABELS,
  SATISFACTIONS,
  type DisputeFollowUp,
} from '@shared/api';
import { DateField } from '../../../components/DateField';
import { showFieldErrors } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormError } from './FormError';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

interface FollowUpValues {
  visitedOn: string | null;
  method: (typeof FOLLOW_UP_METHODS)[number];
  visitorName: string;
  performance: (typeof PERFORMANCES)[number] | null;
  satisfaction: (typeof SATISFACTIONS)[number] | null;
  renewedConflict: boolean;
  note: string;
  nextVisitOn: string | null;
}

function validate(values: FollowUpValues) {
  return {
    visitedOn: values.visitedOn ? null : '请填写回访日期',
    performance: values.performance ? null : '请选择协议履行情况',
    satisfaction: values.satisfaction ? null : '请选择当事人满意度',
    nextVisitOn:
      values.nextVisitOn && values.visitedOn && values.nextVisitOn <= values.visitedOn
        ? '下次回访日期应晚于本次回访'
        : null,
  };
}

interface FollowUpModalProps {
  visit: DisputeFollowUp;
  onClose: () => void;
}

/** 回访: how the parties were reached, whether the agreement was performed, satisfaction, relapse. */
export function FollowUpModal({ visit, onClose }: FollowUpModalProps) {
  const form = useForm<FollowUpValues>({
    initialValues: {
      visitedOn: todayIso(),
      method: 'phone',
      visitorName: '',
      performance: null,
      satisfaction: null,
      renewedConflict: false,
      note: '',
      nextVisitOn: null,
    },
    validate,
  });
  const record = useDisputeMutation('mediation.recordFollowUp', {
    done: '已记录回访',
    inline: true,
  });
  const notPerformed = form.values.performance !== null && form.values.performance !== 'performed';

  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="记录回访" size="lg">
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          record.mutate(
            {
              followUpId: visit.id,
              visitedOn: values.visitedOn!,
              method: values.method,
              visitorName: values.visitorName,
              performance: values.performance!,
              satisfaction: values.satisfaction!,
              renewedConflict: values.renewedConflict,
              note: values.note,
              nextVisitOn: values.nextVisitOn,
            },
            { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) },
          ),
        )}
      >
        <Stack>
          <SimpleGrid cols={3}>
            <DateField
              label="回访日期"
              withAsterisk
              data-autofocus
              {...form.getInputProps('visitedOn')}
            />
            <Select
              label="回访方式"
              allowDeselect={false}
              data={FOLLOW_UP_METHODS.map((value) => ({
                value,
                label: FOLLOW_UP_METHOD_LABELS[value],
              }))}
              {...form.getInputProps('method')}
            />
            <TextInput
              label="回访人"
              placeholder="不填即为本人"
              {...form.getInputProps('visitorName')}
            />
          </SimpleGrid>
          <Radio.Group label="协议履行情况" withAsterisk {...form.getInputProps('performance')}>
            <Group mt={6}>
              {PERFORMANCES.map((value) => (
                <Radio key={value} value={value} label={PERFORMANCE_LABELS[value]} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group label="当事人满意度" withAsterisk {...form.getInputProps('satisfaction')}>
            <Group mt={6}>
              {SATISFACTIONS.map((value) => (
                <Radio key={value} value={value} label={SATISFACTION_LABELS[value]} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox
            label="发现矛盾出现反复（将列入风险预警）"
            color="red"
            {...form.getInputProps('renewedConflict', { type: 'checkbox' })}
          />
          <Textarea label="回访情况" autosize minRows={2} {...form.getInputProps('note')} />
          <DateField
            label="下次回访日期"
            description={
              notPerformed ? '协议尚未履行完毕，建议安排再次回访' : '协议尚未履行完毕时安排'
            }
            {...form.getInputProps('nextVisitOn')}
          />
          <FormError error={record.error} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={record.isPending}>
              保存回访
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

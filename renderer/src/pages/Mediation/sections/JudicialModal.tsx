import { Button, Group, Radio, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { JUDICIAL_RESULT_LABELS, type AgreementView, type DisputeDetail } from '@shared/api';
import { DateField } from '../../../components/DateField';
import { showFieldErrors } from '../../../lib/form';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormError } from './FormError';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

type Result = keyof typeof JUDICIAL_RESULT_LABELS;
type Confirmation = NonNullable<AgreementView['judicialConfirmation']>;

interface JudicialValues {
  applied: 'yes' | 'no';
  appliedOn: string | null;
  court: string;
  result: Result;
  resultOn: string | null;
  note: string;
}

const RESULT_OPTIONS = (Object.keys(JUDICIAL_RESULT_LABELS) as Result[]).map((value) => ({
  value,
  label: JUDICIAL_RESULT_LABELS[value],
}));

function initialValues(confirmation: Confirmation): JudicialValues {
  return {
    applied: confirmation.applied === false ? 'no' : 'yes',
    appliedOn: confirmation.appliedOn,
    court: confirmation.court ?? '',
    result: confirmation.result ?? 'pending',
    resultOn: confirmation.resultOn,
    note: confirmation.note ?? '',
  };
}

function validate(values: JudicialValues) {
  const applied = values.applied === 'yes';
  return {
    appliedOn: applied && !values.appliedOn ? '请填写申请日期' : null,
    court: applied && !values.court.trim() ? '请填写受理申请的人民法院' : null,
    resultOn:
      applied && values.result !== 'pending' && !values.resultOn ? '请填写法院裁定日期' : null,
  };
}

interface JudicialModalProps {
  dispute: DisputeDetail;
  confirmation: Confirmation;
  onClose: () => void;
}

/** 司法确认: whether the parties applied (their choice), to which court, and the ruling. */
export function JudicialModal({ dispute, confirmation, onClose }: JudicialModalProps) {
  const form = useForm<JudicialValues>({ initialValues: initialValues(confirmation), validate });
  const record = useDisputeMutation('mediation.recordJudicialConfirmation', {
    done: '已记录司法确认情况',
    inline: true,
  });
  const applied = form.values.applied === 'yes';

  return (
    <FormModal dirty={form.isDirty()} opened onClose={onClose} title="记录司法确认">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          const yes = values.applied === 'yes';
          record.mutate(
            {
              disputeId: dispute.id,
              applied: yes,
              appliedOn: yes ? values.appliedOn : null,
              court: yes ? values.court : null,
              result: yes ? values.result : null,
              resultOn: yes && values.result !== 'pending' ? values.resultOn : null,
              note: values.note,
            },
            { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) },
          );
        })}
      >
        <Stack>
          <Radio.Group
            label="当事人是否共同申请司法确认"
            withAsterisk
            {...form.getInputProps('applied')}
          >
            <Group mt={6}>
              <Radio value="yes" label="已申请" data-autofocus />
              <Radio value="no" label="不申请" />
            </Group>
          </Radio.Group>
          {applied ? (
            <>
              <Group grow align="flex-start">
                <DateField label="申请日期" withAsterisk {...form.getInputProps('appliedOn')} />
                <TextInput
                  label="受理法院"
                  withAsterisk
                  placeholder="如 永嘉县人民法院"
                  {...form.getInputProps('court')}
                />
              </Group>
              <Group grow align="flex-start">
                <Select
                  label="法院裁定"
                  allowDeselect={false}
                  data={RESULT_OPTIONS}
                  {...form.getInputProps('result')}
                />
                {form.values.result !== 'pending' ? (
                  <DateField label="裁定日期" withAsterisk {...form.getInputProps('resultOn')} />
                ) : (
                  <div />
                )}
              </Group>
            </>
          ) : null}
          <Textarea
            label="备注"
            description={applied ? undefined : '例如当事人不申请的原因'}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
          />
          <FormError error={record.error} />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={record.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

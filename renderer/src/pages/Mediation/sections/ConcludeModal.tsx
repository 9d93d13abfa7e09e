import { Button, Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { REMEDY_ROUTE_LABELS, REMEDY_ROUTES, type DisputeDetail } from '@shared/api';
import { DateField } from '../../../components/DateField';
import { showFieldErrors } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

export type ConcludeKind = 'failure' | 'terminate';

interface ConcludeValues {
  reason: string;
  routesTold: (typeof REMEDY_ROUTES)[number][];
  concludedOn: string | null;
}

/** 调解不成 with the routes the parties were told (人民调解法 art. 26), or 终止调解. */
export function ConcludeModal({
  dispute,
  kind,
  onClose,
}: {
  dispute: DisputeDetail;
  kind: ConcludeKind;
  onClose: () => void;
}) {
  const failure = kind === 'failure';
  const form = useForm<ConcludeValues>({
    initialValues: { reason: '', routesTold: [], concludedOn: todayIso() },
    validate: {
      reason: (value) =>
        value.trim() ? null : failure ? '请填写调解不成的原因' : '请填写终止调解的理由',
      routesTold: (value) =>
        failure && value.length === 0 ? '请选择已告知当事人的救济途径' : null,
      concludedOn: (value) => (value ? null : '请填写日期'),
    },
  });
  const fail = useDisputeMutation('mediation.recordFailure', {
    done: '已记录调解不成',
    inline: true,
  });
  const terminate = useDisputeMutation('mediation.terminate', { done: '已终止调解', inline: true });
  const pending = fail.isPending || terminate.isPending;

  function submit(values: ConcludeValues) {
    const handlers = {
      onSuccess: onClose,
      onError: (error: unknown) => showFieldErrors(form, error),
    };
    const common = {
      disputeId: dispute.id,
      reason: values.reason,
      concludedOn: values.concludedOn!,
    };
    if (failure) fail.mutate({ ...common, routesTold: values.routesTold }, handlers);
    else terminate.mutate(common, handlers);
  }

  return (
    <FormModal
      dirty={form.isDirty()}
      opened
      onClose={onClose}
      title={failure ? '调解不成' : '终止调解'}
    >
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack>
          <Textarea
            label={failure ? '调解不成的原因' : '终止调解的理由'}
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          {failure ? (
            <Checkbox.Group
              label="已告知当事人可通过以下途径解决"
              withAsterisk
              {...form.getInputProps('routesTold')}
            >
              <Group mt={6}>
                {REMEDY_ROUTES.map((route) => (
                  <Checkbox key={route} value={route} label={REMEDY_ROUTE_LABELS[route]} />
                ))}
              </Group>
            </Checkbox.Group>
          ) : null}
          <DateField
            label={failure ? '调解终结日期' : '终止日期'}
            withAsterisk
            {...form.getInputProps('concludedOn')}
          />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" color={failure ? 'orange' : 'gray'} loading={pending}>
              {failure ? '记录调解不成' : '终止调解'}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

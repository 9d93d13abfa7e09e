import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ratingsMethods, type Followup } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { RatingBadge } from '../../components/RatingBadge';
import { showFieldErrors, zodValidator } from '../../lib/form';
import { formatDateTime } from '../../lib/time';
import { FollowupDue } from './FollowupDue';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface CallbackValues {
  callbackNote: string;
  rectification: string;
}

const callbackSchema = ratingsMethods['ratings.recordCallback'].input.pick({
  callbackNote: true,
  rectification: true,
});

interface CallbackModalProps {
  /** The follow-up being closed; the modal is shut while null. */
  followup: Followup | null;
  onClose: () => void;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** 记录回访: what the resident said on the call-back and what was put right closes the follow-up. */
export function CallbackModal({ followup, onClose }: CallbackModalProps) {
  const queryClient = useQueryClient();
  const form = useForm<CallbackValues>({
    mode: 'uncontrolled',
    initialValues: { callbackNote: '', rectification: '' },
    validate: zodValidator(callbackSchema),
  });
  const record = useApiMutation('ratings.recordCallback', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: '回访已记录，该差评回访已办结' });
      for (const method of ['ratings.followups', 'cases.dashboard', 'stats.counter'] as const) {
        void queryClient.invalidateQueries({ queryKey: apiKey(method) });
      }
      close();
    },
  });

  function close() {
    form.reset();
    record.reset();
    onClose();
  }

  return (
    <FormModal
      dirty={form.isDirty()}
      opened={followup !== null}
      onClose={close}
      title="记录回访"
      size="xl"
    >
      {followup ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            const rectification = values.rectification.trim();
            record.mutate(
              {
                followupId: followup.id,
                callbackNote: values.callbackNote,
                rectification: rectification === '' ? null : rectification,
              },
              { onError: (error) => showFieldErrors(form, error) },
            );
          })}
        >
          <Stack gap="md">
            <Paper withBorder p="md" bg="gray.0">
              <SimpleGrid cols={3} spacing="sm">
                <Fact label="案件编号">
                  <Text size="sm">{followup.caseNo}</Text>
                </Fact>
                <Fact label="申请人">
                  <Text size="sm">{followup.applicantName}</Text>
                </Fact>
                <Fact label="事项">
                  <Text size="sm">{followup.itemName}</Text>
                </Fact>
                <Fact label="评价">
                  <RatingBadge level={followup.level} />
                </Fact>
                <Fact label="评价时间">
                  <Text size="sm">{formatDateTime(followup.ratedAt)}</Text>
                </Fact>
                <Fact label="回访期限">
                  <FollowupDue followup={followup} />
                </Fact>
              </SimpleGrid>
              <Text size="sm" c="dimmed" mt="sm">
                群众意见
              </Text>
              <Text size="sm">{followup.comment ?? '（未填写）'}</Text>
            </Paper>
            <Textarea
              label="回访情况"
              withAsterisk
              data-autofocus
              autosize
              minRows={3}
              description="回访方式、联系到的人和群众的意见，例如：电话回访申请人本人，群众表示理解"
              key={form.key('callbackNote')}
              {...form.getInputProps('callbackNote')}
            />
            <Textarea
              label="整改措施"
              autosize
              minRows={2}
              description="选填：针对差评采取的改进措施"
              key={form.key('rectification')}
              {...form.getInputProps('rectification')}
            />
            <Text size="sm" c="dimmed">
              回访时间按保存时刻记录。
            </Text>
            <Group justify="flex-end">
              <FormModalCancel />
              <Button type="submit" loading={record.isPending}>
                保存回访记录
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </FormModal>
  );
}

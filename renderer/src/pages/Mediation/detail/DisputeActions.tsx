import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import type { DisputeDetail } from '@shared/api';
import { Link } from 'react-router';
import { showFieldErrors } from '../../../lib/form';
import { useDisputeMutation } from '../use-dispute-mutation';
import { EditDisputeModal } from './EditDisputeModal';
import { PrintedTimes } from './PrintedTimes';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

function RejectModal({
  dispute,
  opened,
  onClose,
}: {
  dispute: DisputeDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : '请填写不予受理的理由') },
  });
  const reject = useDisputeMutation('mediation.reject', { done: '已不予受理', inline: true });
  return (
    <FormModal dirty={form.isDirty()} opened={opened} onClose={onClose} title="不予受理">
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) =>
          reject.mutate(
            { disputeId: dispute.id, reason },
            { onSuccess: onClose, onError: (error) => showFieldErrors(form, error) },
          ),
        )}
      >
        <Stack>
          <Textarea
            label="不予受理的理由"
            description="例如：不属于人民调解范围、已经人民法院受理，以及应当告知当事人的其他途径"
            withAsterisk
            autosize
            minRows={3}
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" color="red" loading={reject.isPending}>
              不予受理
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}

/** 受理, 不予受理, 修改登记 and the notice of rights, for the unit that owns the case. */
export function DisputeActions({ dispute }: { dispute: DisputeDetail }) {
  const accept = useDisputeMutation('mediation.accept', { done: '已受理，调解期限自今日起计算' });
  const [rejecting, rejectModal] = useDisclosure(false);
  const [editing, editModal] = useDisclosure(false);
  if (!dispute.canWrite) return null;
  const can = (action: DisputeDetail['availableActions'][number]) =>
    dispute.availableActions.includes(action);
  const open = !['closed', 'rejected'].includes(dispute.state);
  return (
    <Group gap="xs" justify="flex-end">
      {can('accept') ? (
        <Button loading={accept.isPending} onClick={() => accept.mutate({ disputeId: dispute.id })}>
          受理
        </Button>
      ) : null}
      {can('reject') ? (
        <Button variant="light" color="red" onClick={rejectModal.open}>
          不予受理
        </Button>
      ) : null}
      {open ? (
        <Button variant="default" onClick={editModal.open}>
          修改登记
        </Button>
      ) : null}
      <Button variant="default" component={Link} to={`/print/mediation/${dispute.id}/notice`}>
        打印权利义务告知书
      </Button>
      <PrintedTimes dispute={dispute} paper="notice" what="告知书" />
      <RejectModal dispute={dispute} opened={rejecting} onClose={rejectModal.close} />
      {editing ? <EditDisputeModal dispute={dispute} onClose={editModal.close} /> : null}
    </Group>
  );
}

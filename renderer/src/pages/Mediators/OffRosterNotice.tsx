import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { User } from '@shared/api';
import {
  ACCOUNT_MEDIATOR_BACKGROUND,
  committeeKindOf,
} from '@shared/domain/mediation/roster-entry';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';

interface OffRosterNoticeProps {
  /** The committee (org unit) whose roster is meant. */
  orgUnitId: string;
}

/**
 * Only roster entries can be assigned or sit in a session. A 调解员 account that is not on its
 * committee's roster is told what to do; a supervisor adds such accounts with one click.
 */
export function OffRosterNotice({ orgUnitId }: OffRosterNoticeProps) {
  const me = useCurrentUser();
  const supervisor = canCall(me.role, 'mediators.create');
  const ownCommittee = me.role === 'mediator' && me.orgUnitId === orgUnitId;
  const roster = useApiQuery(
    'mediators.list',
    { orgUnitId, includeInactive: true },
    { enabled: supervisor || ownCommittee },
  );
  const users = useApiQuery('users.list', { includeDisabled: false }, { enabled: supervisor });
  if (!roster.data) return null;
  const listed = new Set(roster.data.map((mediator) => mediator.userId));

  if (ownCommittee) {
    if (listed.has(me.id)) return null;
    return (
      <Alert color="orange" role="status" title="您还不在本调委会的调解员名册上">
        只有名册上的调解员才能被指派、记录调解。请本单位负责人打开“调解员”页，点您姓名旁的“加入名册”；
        加入后即可在这里指派自己、记录调解。
      </Alert>
    );
  }
  const accounts = (users.data ?? []).filter(
    (user) => user.role === 'mediator' && user.orgUnitId === orgUnitId && !listed.has(user.id),
  );
  if (!supervisor || accounts.length === 0) return null;
  return (
    <Alert color="orange" role="status" title="有调解员账号还不在名册上">
      <Stack gap={6}>
        <Text size="sm">这些调解员能登录，但不在名册上就不能被指派、记录调解：</Text>
        {accounts.map((account) => (
          <AddToRoster key={account.id} account={account} orgUnitId={orgUnitId} />
        ))}
      </Stack>
    </Alert>
  );
}

function AddToRoster({ account, orgUnitId }: { account: User; orgUnitId: string }) {
  const queryClient = useQueryClient();
  const units = useApiQuery('orgUnits.list', {});
  const level = units.data?.find((unit) => unit.id === orgUnitId)?.level ?? 'township';
  const add = useApiMutation('mediators.create', {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKey('mediators.list') });
      void queryClient.invalidateQueries({ queryKey: apiKey('mediation.suggestMediators') });
      notifications.show({ color: 'teal', message: `已把${account.displayName}加入调解员名册` });
    },
  });
  return (
    <Group gap="sm">
      <Text size="sm" fw={500}>
        {account.displayName}（{account.username}）
      </Text>
      <Button
        size="compact-sm"
        variant="light"
        aria-label={`把${account.displayName}加入名册`}
        loading={add.isPending}
        onClick={() =>
          add.mutate({
            name: account.displayName,
            userId: account.id,
            orgUnitId,
            committeeKind: committeeKindOf(level),
            background: ACCOUNT_MEDIATOR_BACKGROUND,
          })
        }
      >
        加入名册
      </Button>
    </Group>
  );
}

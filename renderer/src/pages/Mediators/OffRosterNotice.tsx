import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Mediator, User } from '@shared/api';
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
  // Entries made by hand before accounts were linked: the same person, found by name.
  const unlinked = new Map(
    roster.data
      .filter((mediator) => mediator.userId === null)
      .map((mediator) => [mediator.name, mediator]),
  );

  if (ownCommittee) {
    if (listed.has(me.id) || unlinked.has(me.displayName)) return null;
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
        <Text size="sm">
          这些调解员能登录，但名册上没有与账号关联的记录。加入名册后才能被指派、记录调解：
        </Text>
        {accounts.map((account) => (
          <AddToRoster
            key={account.id}
            account={account}
            orgUnitId={orgUnitId}
            entry={unlinked.get(account.displayName) ?? null}
          />
        ))}
      </Stack>
    </Alert>
  );
}

interface AddToRosterProps {
  account: User;
  orgUnitId: string;
  /** An unlinked roster entry of the same name: linked to the account rather than duplicated. */
  entry: Mediator | null;
}

function AddToRoster({ account, orgUnitId, entry }: AddToRosterProps) {
  const queryClient = useQueryClient();
  const units = useApiQuery('orgUnits.list', {});
  const level = units.data?.find((unit) => unit.id === orgUnitId)?.level ?? 'township';
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: apiKey('mediators.list') });
    void queryClient.invalidateQueries({ queryKey: apiKey('mediation.suggestMediators') });
    notifications.show({
      color: 'teal',
      message: entry
        ? `已把名册中的${entry.name}关联到账号 ${account.username}`
        : `已把${account.displayName}加入调解员名册`,
    });
  };
  const add = useApiMutation('mediators.create', { onSuccess });
  const link = useApiMutation('mediators.update', { onSuccess });
  return (
    <Group gap="sm">
      <Text size="sm" fw={500}>
        {account.displayName}（{account.username}）
      </Text>
      {entry ? (
        <Button
          size="compact-sm"
          variant="light"
          aria-label={`把名册中的${entry.name}关联到账号${account.username}`}
          loading={link.isPending}
          onClick={() =>
            link.mutate({
              mediatorId: entry.id,
              name: entry.name,
              gender: entry.gender,
              userId: account.id,
              committeeKind: entry.committeeKind,
              background: entry.background,
              specialties: entry.specialties,
              note: entry.note,
            })
          }
        >
          关联名册中的同名调解员
        </Button>
      ) : (
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
      )}
    </Group>
  );
}

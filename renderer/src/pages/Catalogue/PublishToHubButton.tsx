import { Button, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useApiMutation, useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';

/**
 * 发布到县级平台, at the county centre's terminals only: the county's active items become the
 * county's next catalogue edition, which every terminal applies at its next sync.
 */
export function PublishToHubButton() {
  const me = useCurrentUser();
  const hub = useApiQuery('hub.status', {});
  const publish = useApiMutation('catalogue.publishToHub', {
    onSuccess: ({ edition, items }) =>
      notifications.show({
        color: 'teal',
        title: `已发布事项目录第 ${edition} 版`,
        message: `共 ${items} 项，各终端将在下次同步时更新`,
      }),
  });
  if (hub.data?.orgUnit?.level !== 'county' || !canCall(me.role, 'catalogue.publishToHub')) {
    return null;
  }
  return (
    <Button
      variant="light"
      loading={publish.isPending}
      onClick={() =>
        modals.openConfirmModal({
          title: '发布到县级平台',
          children: (
            <Text>
              把本中心启用中的事项作为全县事项目录的新版本发布。各乡镇、村（社区）终端同步后按新版本受理，已受理的案件仍按受理时的版本办理。
            </Text>
          ),
          labels: { confirm: '发布', cancel: '取消' },
          onConfirm: () => publish.mutate({}),
        })
      }
    >
      发布到县级平台
    </Button>
  );
}

import { Button } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { useCountyPublisher } from './use-county-publisher';

/** 发布名册到县级平台: the county centre's roster, every committee of the county, to its terminals. */
export function PublishRosterButton() {
  const me = useCurrentUser();
  const publisher = useCountyPublisher();
  const queryClient = useQueryClient();
  const publish = useApiMutation('hub.publishRoster', {
    onSuccess: (published) => {
      void queryClient.invalidateQueries({ queryKey: apiKey('mediators.list') });
      void queryClient.invalidateQueries({ queryKey: apiKey('hub.heldReference') });
      // The 县级平台 page's 参考数据 lists the edition just published as held here.
      void queryClient.invalidateQueries({ queryKey: apiKey('hub.status') });
      notifications.show({
        color: 'teal',
        message: `已发布调解员名册第 ${published.edition} 版：${published.summary}`,
      });
    },
  });
  if (!publisher || !canCall(me.role, 'hub.publishRoster')) return null;

  function confirm() {
    modals.openConfirmModal({
      title: '发布名册到县级平台',
      children:
        '将本县全部调委会的调解员（含已停用的）发布为县级平台上的新版名册。各乡镇（街道）、村（社区）终端下次同步时按此更新本单位及下级的名册。',
      labels: { confirm: '发布', cancel: '取消' },
      onConfirm: () => publish.mutate({}),
    });
  }

  return (
    <Button variant="default" loading={publish.isPending} onClick={confirm}>
      发布名册到县级平台
    </Button>
  );
}

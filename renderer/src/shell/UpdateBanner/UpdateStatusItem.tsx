import { Button } from '@mantine/core';
import type { UpdateNoticeState } from './use-update-notice';

/** The status bar's version, or the update on offer and its download; pressing it asks the hub now. */
export function UpdateStatusItem({ notice, checkNow, checking }: UpdateNoticeState) {
  if (!notice) return null;
  const attention = notice.tooOld || notice.phase !== 'upToDate';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      color={notice.tooOld ? 'orange' : attention ? 'blue' : 'gray'}
      loading={checking}
      onClick={checkNow}
      title={notice.detail ?? '检查县级平台上是否有新版本'}
      aria-label={`${notice.short}，检查软件更新`}
    >
      {notice.short}
    </Button>
  );
}

import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { UpdateNoticeState } from './use-update-notice';

/**
 * 有新版本 x.y.z above every page: what is on offer, how far the download is, and 立即重启更新 once
 * the installer is ready. 稍后提醒 hides it until the next version (or until the app restarts).
 */
export function UpdateBanner({ notice, restart }: UpdateNoticeState) {
  const [hidden, setHidden] = useState<string | null>(null);
  if (!notice?.title) return null;
  const key = `${notice.version}|${notice.tooOld}|${notice.phase}`;
  if (hidden === key) return null;
  return (
    <Alert
      color={notice.tooOld ? 'orange' : 'blue'}
      title={notice.title}
      mb="md"
      // A landmark named by its title (Mantine links the two), not an alert read out on every page.
      role="region"
    >
      <Text size="sm">{notice.detail}</Text>
      <Group gap="sm" mt="xs">
        {notice.canRestart ? (
          <Button size="xs" onClick={restart}>
            立即重启更新
          </Button>
        ) : null}
        <Button size="xs" variant="default" onClick={() => setHidden(key)}>
          稍后提醒
        </Button>
      </Group>
    </Alert>
  );
}

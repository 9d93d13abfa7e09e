import { notifications } from '@mantine/notifications';
import type { DeskBridge, UpdateProgress } from '@shared/api';
import { compareVersions, describeUpdate, type UpdateNotice } from '@shared/domain/updates';
import { useCallback, useEffect, useState } from 'react';
import { useApiClient, useApiQuery } from '../../api';
import { formInProgress } from '../../lib/forms-in-progress';

/** The backend asks the hub every 4 hours; the window re-reads what it learnt now and then. */
const REREAD_MS = 10 * 60_000;

function deskBridge(): DeskBridge | undefined {
  return (window as Window & { desk?: DeskBridge }).desk;
}

export interface UpdateNoticeState {
  notice: UpdateNotice | null;
  /** Asks the hub's feed now. */
  checkNow(): void;
  checking: boolean;
  /** 立即重启更新: refused while a form is being filled in. */
  restart(): void;
}

/**
 * What the banner and the status bar say about updates: the backend's reading of the hub's feed,
 * and in the desktop app the updater's download (events from Electron main).
 */
export function useUpdateNotice(): UpdateNoticeState {
  const client = useApiClient();
  const status = useApiQuery('updates.status', { refresh: false }, { refetchInterval: REREAD_MS });
  const [progress, setProgress] = useState<UpdateProgress | null>(null);
  const [checking, setChecking] = useState(false);
  const desk = deskBridge();
  const canSelfUpdate = typeof desk?.restartToUpdate === 'function';

  useEffect(() => {
    let live = true;
    void desk?.updateState?.().then((state) => {
      if (live) setProgress(state);
    });
    const stop = client.onEvent((event) => {
      if (event.name === 'updates.progress') setProgress(event.payload as UpdateProgress);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client, desk]);

  const { refetch } = status;
  const checkNow = useCallback(() => {
    setChecking(true);
    void client.call('updates.status', { refresh: true }).then(() => {
      setChecking(false);
      void refetch();
    });
  }, [client, refetch]);

  const restart = useCallback(() => {
    if (formInProgress()) {
      notifications.show({
        color: 'yellow',
        title: '暂不重启',
        message:
          '有正在填写的表单或对话框。请先提交或关闭后再点“立即重启更新”；也可在下班退出时自动安装。',
      });
      return;
    }
    void desk?.restartToUpdate?.().then((result) => {
      if (!result.ok || !result.value.restarting)
        notifications.show({ color: 'red', message: '新版本尚未下载完成，暂不能重启更新' });
    });
  }, [desk]);

  if (!status.data) return { notice: null, checkNow, checking, restart };
  const fromHub = status.data.latestVersion;
  const fromUpdater = progress?.version ?? null;
  const latestVersion =
    fromHub && fromUpdater
      ? compareVersions(fromHub, fromUpdater) >= 0
        ? fromHub
        : fromUpdater
      : (fromHub ?? fromUpdater);
  const notice = describeUpdate({
    currentVersion: status.data.currentVersion,
    latestVersion,
    oldestAppVersion: status.data.oldestAppVersion,
    canSelfUpdate,
    downloadPercent: progress?.state === 'downloading' ? (progress.percent ?? 0) : null,
    downloaded: progress?.state === 'downloaded' && progress.version === latestVersion,
  });
  return { notice, checkNow, checking, restart };
}

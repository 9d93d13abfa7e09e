import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { DeskBridge } from '@shared/api';
import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import classes from './print.module.css';

interface PrintPageProps {
  /** Names the browser tab and the PDF file, e.g. 受理回执-YJ2026…. */
  title: string;
  /**
   * Counts and audits the print (print.record) before the paper comes out; when it fails, nothing
   * is printed, so that no uncounted copy leaves the counter.
   */
  onPrint?: () => Promise<unknown>;
  /** The data behind the sheets is still loading, or failed with this message. */
  loading?: boolean;
  error?: string | null;
  /**
   * What the paper lacks that a person should know before it leaves the counter (a blank 窗口电话):
   * shown above the sheets, and the buttons then say 仍要打印.
   */
  warnings?: readonly string[];
  /** One or more <Sheet>s. */
  children?: ReactNode;
}

function deskBridge(): DeskBridge | undefined {
  return (window as Window & { desk?: DeskBridge }).desk;
}

/** A print view: the sheets as they will be on paper, and a toolbar that never prints. */
export function PrintPage({
  title,
  onPrint,
  loading,
  error,
  warnings = [],
  children,
}: PrintPageProps) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const canSavePdf = Boolean(deskBridge()?.printToPdf);

  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  async function run(output: () => Promise<void>) {
    setBusy(true);
    try {
      if (onPrint) await onPrint();
      await output();
    } catch (failure) {
      notifications.show({
        color: 'red',
        title: '未能打印',
        message: failure instanceof Error ? failure.message : '请重试',
      });
    } finally {
      setBusy(false);
    }
  }

  const print = () => run(async () => window.print());

  const savePdf = () =>
    run(async () => {
      const result = await deskBridge()?.printToPdf?.({ title });
      if (!result) return;
      if (!result.ok) throw new Error(result.error.message);
      notifications.show({ color: 'green', title: '已保存 PDF', message: result.value.path });
    });

  const ready = !loading && !error;
  const incomplete = ready && warnings.length > 0;
  return (
    <div className={classes.screen}>
      <Group className={classes.toolbar} justify="space-between">
        <Group gap="sm">
          <Button variant="default" onClick={() => void navigate(-1)}>
            返回
          </Button>
          <Text fw={600}>{title}</Text>
        </Group>
        <Group gap="sm">
          {!canSavePdf && (
            <Text size="sm" c="dimmed">
              浏览器模式下可在打印对话框中选择“另存为 PDF”
            </Text>
          )}
          {canSavePdf && (
            <Button
              variant="default"
              disabled={!ready}
              loading={busy}
              onClick={() => void savePdf()}
            >
              {incomplete ? '仍要保存为PDF' : '保存为PDF'}
            </Button>
          )}
          <Button
            color={incomplete ? 'orange' : undefined}
            disabled={!ready}
            loading={busy}
            onClick={() => void print()}
          >
            {incomplete ? '仍要打印' : '打印'}
          </Button>
        </Group>
      </Group>
      {loading && (
        <Center p="xl">
          <Loader aria-label="正在准备打印内容" />
        </Center>
      )}
      {error && (
        <Alert color="red" m="lg" role="alert" title="无法打印">
          {error}
        </Alert>
      )}
      {incomplete && (
        <Alert
          className={classes.screenOnly}
          color="orange"
          m="lg"
          role="alert"
          title="这份文书还不完整"
        >
          {warnings.map((warning) => (
            <Text key={warning} size="sm">
              {warning}
            </Text>
          ))}
        </Alert>
      )}
      {ready && children}
    </div>
  );
}

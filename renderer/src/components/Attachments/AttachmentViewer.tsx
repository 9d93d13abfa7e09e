import { Alert, Button, Center, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import type { CaseMaterial } from '@shared/api';
import { useApiQuery } from '../../api';
import { downloadFile } from '../../lib/download';
import { formatBytes } from '../../lib/labels';
import { isImage } from './file-data';

type Attachment = CaseMaterial['attachments'][number];

interface AttachmentViewerProps {
  /** The attachment to show; null when the viewer is closed. */
  attachment: Attachment | null;
  onClose: () => void;
}

/** An image at full width; a PDF saved to disk and opened from there (the app shows no PDFs inline). */
export function AttachmentViewer({ attachment, onClose }: AttachmentViewerProps) {
  const file = useApiQuery(
    'attachments.get',
    { attachmentId: attachment?.id ?? '' },
    // Shown in the viewer, so no notification as well.
    { enabled: attachment !== null, staleTime: Infinity, meta: { errorShownInline: true } },
  );
  const data = file.data;
  return (
    <Modal
      opened={attachment !== null}
      onClose={onClose}
      title={attachment?.fileName}
      size={attachment && isImage(attachment.mime) ? '80%' : 'md'}
    >
      {file.isPending ? (
        <Center mih={200}>
          <Loader aria-label="正在载入附件" />
        </Center>
      ) : file.isError ? (
        // A file made at another terminal that could not be fetched from the hub yet is a wait, not a fault.
        file.error.code === 'ATTACHMENT_NOT_FETCHED' ? (
          <Alert color="gray" role="status">
            {file.error.message}
          </Alert>
        ) : (
          <Alert color="red" role="alert">
            {file.error.message}
          </Alert>
        )
      ) : data ? (
        <Stack gap="md">
          {isImage(data.mime) ? (
            <Image
              src={`data:${data.mime};base64,${data.base64}`}
              alt={data.fileName}
              fit="contain"
              mah="70vh"
            />
          ) : (
            <Text size="sm">PDF 文件不在本窗口内预览，请保存到本机后用 PDF 阅读器打开。</Text>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {formatBytes(data.size)} · SHA-256 {data.sha256.slice(0, 12)}…
            </Text>
            <Button variant="light" onClick={() => downloadFile(data, data.mime)} data-autofocus>
              {isImage(data.mime) ? '保存到本机' : '保存并打开 PDF'}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

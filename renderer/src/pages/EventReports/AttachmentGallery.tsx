import {
  Button,
  Card,
  Center,
  FileButton,
  Group,
  Image,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import type { EventReport } from '@shared/api';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { downloadFile } from '../../lib/download';
import { formatBytes } from '../../lib/labels';
import { UPLOAD_ACCEPT, uploadProblem } from '../../lib/upload-file';
import { useAttachFiles } from './use-attach-files';

type Attachment = EventReport['attachments'][number];

function isImage(attachment: Attachment) {
  return attachment.mime.startsWith('image/');
}

/** One file: a photo shows itself (click to enlarge), a PDF offers its download. */
function AttachmentCard({ attachment }: { attachment: Attachment }) {
  const [enlarged, setEnlarged] = useState(false);
  const file = useApiQuery(
    'eventReports.attachment',
    { attachmentId: attachment.id },
    // Shown in the card, so no notification as well.
    { staleTime: Infinity, meta: { errorShownInline: true } },
  );
  const source = file.data ? `data:${file.data.mime};base64,${file.data.base64}` : null;
  return (
    <Card withBorder padding="xs" radius="md">
      <Card.Section>
        <Center h={140} bg="gray.1">
          {file.isError ? (
            // E.g. 附件尚未从县级平台取得，联网后可查看: said in the card instead of a loader that never ends.
            <Text size="xs" c="dimmed" ta="center" px="xs" role="status">
              {file.error.message}
            </Text>
          ) : !source ? (
            <Loader size="sm" aria-label={`正在读取${attachment.fileName}`} />
          ) : isImage(attachment) ? (
            <Image
              src={source}
              alt={attachment.fileName}
              h={140}
              fit="contain"
              style={{ cursor: 'zoom-in' }}
              onClick={() => setEnlarged(true)}
            />
          ) : (
            <Text fw={700} c="red.8" size="xl" aria-hidden>
              PDF
            </Text>
          )}
        </Center>
      </Card.Section>
      <Stack gap={4} mt="xs">
        <Text size="sm" truncate title={attachment.fileName}>
          {attachment.fileName}
        </Text>
        <Group justify="space-between" gap={4}>
          <Text size="xs" c="dimmed">
            {formatBytes(attachment.size)}
          </Text>
          {isImage(attachment) ? (
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={!source}
              aria-label={`查看 ${attachment.fileName}`}
              onClick={() => setEnlarged(true)}
            >
              查看
            </Button>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={!file.data}
              aria-label={`下载 ${attachment.fileName}`}
              onClick={() => file.data && downloadFile(file.data, file.data.mime)}
            >
              下载
            </Button>
          )}
        </Group>
      </Stack>
      {source && isImage(attachment) ? (
        <Modal
          opened={enlarged}
          onClose={() => setEnlarged(false)}
          title={attachment.fileName}
          size="xl"
        >
          <Image src={source} alt={attachment.fileName} fit="contain" mah="75vh" />
        </Modal>
      ) : null}
    </Card>
  );
}

/** The report's photos and scans, and 添加附件 for the reporting unit until it is signed for. */
export function AttachmentGallery({ report }: { report: EventReport }) {
  const { attach, sending } = useAttachFiles();
  const [problem, setProblem] = useState<string | null>(null);

  async function add(files: File[]) {
    const refused = files.map(uploadProblem).find((message) => message !== null) ?? null;
    setProblem(refused);
    if (!refused) await attach(report.id, files);
  }

  return (
    <Stack gap="sm">
      {report.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          没有附件
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
          {report.attachments.map((attachment) => (
            <AttachmentCard key={attachment.id} attachment={attachment} />
          ))}
        </SimpleGrid>
      )}
      {report.canAttach ? (
        <Group gap="sm">
          <FileButton multiple accept={UPLOAD_ACCEPT} onChange={(files) => void add(files)}>
            {(props) => (
              <Button variant="default" size="xs" loading={sending} {...props}>
                添加附件
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            JPG、PNG、WebP 图片或 PDF，每个不超过 10 MB；接收单位签收后不能再添加
          </Text>
        </Group>
      ) : null}
      {problem ? (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      ) : null}
    </Stack>
  );
}

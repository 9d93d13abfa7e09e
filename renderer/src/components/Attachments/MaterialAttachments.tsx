import { Button, Group, Text } from '@mantine/core';
import type { CaseMaterial } from '@shared/api';
import { useState } from 'react';
import { formatBytes } from '../../lib/labels';
import { AttachmentViewer } from './AttachmentViewer';
import { CameraModal } from './CameraModal';
import { isImage } from './file-data';
import { UploadFileButton } from './UploadFileButton';

type Attachment = CaseMaterial['attachments'][number];

interface MaterialAttachmentsProps {
  caseId: string;
  material: CaseMaterial;
  /** Whether this user may add files to the case (the backend checks again). */
  canUpload: boolean;
}

/** The scans and photos of one checklist material, each opening in the viewer, and ways to add one. */
export function MaterialAttachments({ caseId, material, canUpload }: MaterialAttachmentsProps) {
  const [viewing, setViewing] = useState<Attachment | null>(null);
  const [capturing, setCapturing] = useState(false);
  return (
    <>
      <Group gap={6} wrap="wrap">
        {material.attachments.map((attachment) => (
          <Button
            key={attachment.id}
            size="compact-sm"
            variant="subtle"
            maw="100%"
            styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
            onClick={() => setViewing(attachment)}
            title={`${attachment.fileName}（${formatBytes(attachment.size)}）`}
          >
            {isImage(attachment.mime) ? '图片' : 'PDF'}：{attachment.fileName}
          </Button>
        ))}
        {material.attachments.length === 0 && !canUpload ? (
          <Text size="sm" c="dimmed">
            无附件
          </Text>
        ) : null}
        {canUpload ? (
          <>
            <UploadFileButton
              caseId={caseId}
              caseMaterialId={material.id}
              materialName={material.name}
            />
            <Button
              size="compact-sm"
              variant="light"
              aria-label={`拍照：${material.name}`}
              onClick={() => setCapturing(true)}
            >
              拍照
            </Button>
          </>
        ) : null}
      </Group>
      <AttachmentViewer attachment={viewing} onClose={() => setViewing(null)} />
      <CameraModal
        opened={capturing}
        onClose={() => setCapturing(false)}
        caseId={caseId}
        caseMaterialId={material.id}
        materialName={material.name}
      />
    </>
  );
}

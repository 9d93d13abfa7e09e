import { Button, FileButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ACCEPTED_MIME, acceptedMime, blobToBase64, MAX_ATTACHMENT_BYTES } from './file-data';
import { useAttachmentUpload } from './use-attachment-upload';

interface UploadFileButtonProps {
  caseId: string;
  caseMaterialId: string;
  /** The material's name, for the button's accessible name. */
  materialName: string;
}

function refuse(message: string) {
  notifications.show({ color: 'red', title: '未能上传', message });
}

/** 上传文件: a scan (JPG, PNG, WebP) or PDF from disk, linked to one checklist material. */
export function UploadFileButton({ caseId, caseMaterialId, materialName }: UploadFileButtonProps) {
  const upload = useAttachmentUpload(caseId);

  async function send(file: File | null) {
    if (!file) return;
    const mime = acceptedMime(file.type);
    if (!mime) return refuse('只能上传 JPG、PNG、WebP 图片或 PDF 文件');
    if (file.size > MAX_ATTACHMENT_BYTES) {
      return refuse('文件超过 10 MB，请降低扫描分辨率后重试');
    }
    if (file.size === 0) return refuse('文件为空，请重新选择');
    const base64 = await blobToBase64(file);
    upload.mutate({ caseId, caseMaterialId, fileName: file.name.slice(-120), mime, base64 });
  }

  return (
    <FileButton onChange={(file) => void send(file)} accept={ACCEPTED_MIME.join(',')}>
      {(props) => (
        <Button
          {...props}
          size="compact-sm"
          variant="light"
          loading={upload.isPending}
          aria-label={`上传文件：${materialName}`}
        >
          上传文件
        </Button>
      )}
    </FileButton>
  );
}

import {
  Alert,
  AspectRatio,
  Button,
  Group,
  Image,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { DISPLAY_ZONE } from '../../lib/time';
import { CAMERA_PROBLEM_MESSAGES } from './camera-problem';
import { blobToBase64 } from './file-data';
import { useAttachmentUpload } from './use-attachment-upload';
import { useCamera } from './use-camera';

interface CameraModalProps {
  opened: boolean;
  onClose: () => void;
  caseId: string;
  caseMaterialId: string;
  materialName: string;
}

/** The taken picture, until it is saved or retaken; the URL shows it in the preview. */
interface Photo {
  blob: Blob;
  url: string;
}

function photoFileName(materialName: string): string {
  const stamp = dayjs().tz(DISPLAY_ZONE).format('YYYYMMDD-HHmmss');
  return `${materialName.slice(0, 80)}-拍照-${stamp}.jpg`;
}

/** 拍照 with the 高拍仪: live picture, 拍照, 重拍, 保存 to the material. */
export function CameraModal({
  opened,
  onClose,
  caseId,
  caseMaterialId,
  materialName,
}: CameraModalProps) {
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [captureError, setCaptureError] = useState<string | null>(null);
  const { videoRef, state, devices, retry, capture } = useCamera(opened, deviceId);
  const upload = useAttachmentUpload(caseId, { errorShownInline: true });

  // The preview's object URL is released when the photo is retaken, saved or dropped.
  useEffect(() => {
    if (!photo) return undefined;
    return () => URL.revokeObjectURL(photo.url);
  }, [photo]);

  function close() {
    setPhoto(null);
    setCaptureError(null);
    upload.reset();
    onClose();
  }

  async function takePhoto() {
    try {
      const blob = await capture();
      setPhoto({ blob, url: URL.createObjectURL(blob) });
      setCaptureError(null);
    } catch {
      setCaptureError('画面尚未就绪，请稍候再拍');
    }
  }

  async function save() {
    if (!photo) return;
    const base64 = await blobToBase64(photo.blob);
    upload.mutate(
      { caseId, caseMaterialId, fileName: photoFileName(materialName), mime: 'image/jpeg', base64 },
      { onSuccess: close },
    );
  }

  const live = state.status === 'live';
  return (
    <Modal opened={opened} onClose={close} title={`拍照：${materialName}`} size="xl">
      <Stack gap="md">
        {devices.length > 1 ? (
          <Select
            label="摄像头"
            description="有多个摄像头时，请选高拍仪"
            allowDeselect={false}
            data={devices.map((device, index) => ({
              value: device.deviceId,
              label: device.label || `摄像头 ${index + 1}`,
            }))}
            value={deviceId ?? devices[0]?.deviceId ?? null}
            onChange={(value) => {
              setPhoto(null);
              setDeviceId(value);
            }}
          />
        ) : null}
        {state.status === 'failed' ? (
          <Alert color="red" role="alert" title="无法使用摄像头">
            {CAMERA_PROBLEM_MESSAGES[state.problem]}
          </Alert>
        ) : (
          <AspectRatio ratio={4 / 3} bg="dark.8" style={{ borderRadius: 4, overflow: 'hidden' }}>
            {photo ? (
              <Image src={photo.url} alt={`${materialName}的照片`} fit="contain" />
            ) : (
              <video
                ref={videoRef}
                autoPlay
                muted
                playsInline
                aria-label="摄像头实时画面"
                style={{ width: '100%', height: '100%', objectFit: 'contain' }}
              />
            )}
          </AspectRatio>
        )}
        {state.status === 'starting' ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              正在打开摄像头…
            </Text>
          </Group>
        ) : null}
        {captureError ? (
          <Text size="sm" c="red.8" role="alert">
            {captureError}
          </Text>
        ) : null}
        {upload.error ? (
          <Alert color="red" role="alert">
            {upload.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            取消
          </Button>
          {state.status === 'failed' ? (
            <Button onClick={retry}>重试</Button>
          ) : photo ? (
            <>
              <Button variant="default" onClick={() => setPhoto(null)}>
                重拍
              </Button>
              <Button loading={upload.isPending} onClick={() => void save()} data-autofocus>
                保存
              </Button>
            </>
          ) : (
            <Button disabled={!live} onClick={() => void takePhoto()}>
              拍照
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraProblem, type CameraProblem } from './camera-problem';

type CameraState =
  { status: 'starting' } | { status: 'live' } | { status: 'failed'; problem: CameraProblem };

/** Document cameras deliver up to 5 MP; ask for it so that small print stays legible. */
const VIDEO: MediaTrackConstraints = { width: { ideal: 2592 }, height: { ideal: 1944 } };

/**
 * The live picture of one camera while `active`: starts it, lists the cameras once permission is
 * given (a counter may have a 高拍仪 and a face camera), and stops every track when done.
 */
export function useCamera(active: boolean, deviceId: string | null) {
  const videoNode = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>({ status: 'starting' });
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!active) return undefined;
    let stream: MediaStream | null = null;
    let cancelled = false;
    const media = navigator.mediaDevices as MediaDevices | undefined;
    const start = async () => {
      if (!media?.getUserMedia) {
        setState({ status: 'failed', problem: 'unsupported' });
        return;
      }
      setState({ status: 'starting' });
      try {
        const video = deviceId ? { ...VIDEO, deviceId: { exact: deviceId } } : VIDEO;
        stream = await media.getUserMedia({ video, audio: false });
        if (cancelled) return;
        streamRef.current = stream;
        if (videoNode.current) videoNode.current.srcObject = stream;
        setState({ status: 'live' });
        const all = await media.enumerateDevices();
        if (!cancelled) setDevices(all.filter((device) => device.kind === 'videoinput'));
      } catch (error) {
        if (!cancelled) setState({ status: 'failed', problem: cameraProblem(error) });
      }
    };
    void start();
    return () => {
      cancelled = true;
      streamRef.current = null;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [active, deviceId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A callback ref: the video element may mount before or after the stream arrives (the modal's
  // transition, a retake that shows the picture again).
  const videoRef = useCallback((node: HTMLVideoElement | null) => {
    videoNode.current = node;
    if (node && streamRef.current) node.srcObject = streamRef.current;
  }, []);
  const capture = useCallback(
    () =>
      videoNode.current
        ? captureFrame(videoNode.current)
        : Promise.reject(new Error('画面尚未就绪')),
    [],
  );
  return { videoRef, state, devices, retry, capture };
}

/**
 * The current frame at the camera's full resolution, as a JPEG. An OffscreenCanvas encodes off the
 * page's rendering: a 5 MP frame does not freeze the window, and unlike HTMLCanvasElement.toBlob its
 * encoding does not wait for idle time, which a playing video never leaves.
 */
async function captureFrame(video: HTMLVideoElement): Promise<Blob> {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0) throw new Error('画面尚未就绪');
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('无法生成照片');
  context.drawImage(video, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

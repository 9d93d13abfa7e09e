/** Why the camera (a 高拍仪 is a webcam) could not be opened, in the terms a clerk can act on. */
export type CameraProblem = 'unsupported' | 'denied' | 'not_found' | 'busy' | 'other';

export const CAMERA_PROBLEM_MESSAGES: Record<CameraProblem, string> = {
  unsupported: '此环境不支持使用摄像头（高拍仪）拍照，请改用“上传文件”。',
  denied:
    '摄像头（高拍仪）的使用权限被拒绝。请在系统的隐私设置中允许本程序使用摄像头后点“重试”，或改用“上传文件”。',
  not_found: '未检测到摄像头（高拍仪）。请检查高拍仪的 USB 连接线后点“重试”，或改用“上传文件”。',
  busy: '摄像头（高拍仪）正被其他程序占用。请关闭高拍仪自带的拍摄软件后点“重试”。',
  other: '无法打开摄像头（高拍仪），请点“重试”，或改用“上传文件”。',
};

/** getUserMedia's DOMException names, including the older Chromium spellings. */
const BY_NAME: Record<string, CameraProblem> = {
  NotAllowedError: 'denied',
  PermissionDeniedError: 'denied',
  SecurityError: 'denied',
  NotFoundError: 'not_found',
  DevicesNotFoundError: 'not_found',
  OverconstrainedError: 'not_found',
  NotReadableError: 'busy',
  TrackStartError: 'busy',
  AbortError: 'busy',
};

export function cameraProblem(error: unknown): CameraProblem {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return BY_NAME[name] ?? 'other';
}

import { HUB_ERROR_MESSAGES } from '@shared/sync/hub-contract';
import { DomainError } from '../core/errors';
import { HubRefusal, HubUnreachable } from './client';

export const UNREACHABLE_MESSAGE =
  '无法连接县级平台，请检查平台地址和网络后再试。本机数据仍可离线使用';

export const TOKEN_MISSING_MESSAGE =
  '本机保存的县级平台接入凭证已无法读取（可能更换了系统账户）。请向县级中心管理员索取新的加入码后重新连接';

/** The hub's refusal or silence, said to the person in the backend's own codes. */
export function hubDomainError(error: unknown): unknown {
  if (error instanceof HubUnreachable)
    return new DomainError('HUB_UNREACHABLE', UNREACHABLE_MESSAGE);
  if (!(error instanceof HubRefusal)) return error;
  switch (error.code) {
    case 'ENROLMENT_CODE_UNKNOWN':
    case 'ENROLMENT_CODE_USED':
    case 'ENROLMENT_CODE_EXPIRED':
      return new DomainError('HUB_CODE_REJECTED', error.message, { code: error.message });
    case 'TERMINAL_REVOKED':
      return new DomainError('HUB_TERMINAL_REVOKED', HUB_ERROR_MESSAGES.TERMINAL_REVOKED);
    case 'FORBIDDEN':
      return new DomainError('HUB_COUNTY_ONLY', error.message);
    case 'UNAUTHENTICATED':
      return new DomainError('HUB_NOT_JOINED', error.message);
    default:
      return new DomainError('HUB_REFUSED', error.message);
  }
}

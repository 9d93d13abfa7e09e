import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import type { CallContext } from '../../core/runtime';
import { DomainError } from '../../core/errors';

/** The Asia/Shanghai date of the backend's clock. */
export function today(ctx: CallContext): string {
  return shanghaiDate(ctx.rt.stamper.nowIso());
}

/** A date of something that has happened cannot lie ahead: a typing error, refused by field. */
export function ensureNotFuture(ctx: CallContext, date: string, field: string, label: string) {
  if (date > today(ctx)) {
    throw new DomainError('INVALID_INPUT', `${label}不能晚于今天`, {
      [field]: `${label}不能晚于今天`,
    });
  }
}

export function ensureNotBefore(date: string, earliest: string, field: string, message: string) {
  if (date < earliest) throw new DomainError('INVALID_INPUT', message, { [field]: message });
}

import type { HandlerMap } from '../rpc/handler';
import { getAttachment, upload } from './service';

export const attachmentsHandlers: HandlerMap = {
  'attachments.upload': (ctx, input) => upload(ctx, input),
  'attachments.get': (ctx, input) => getAttachment(ctx, input.attachmentId),
};

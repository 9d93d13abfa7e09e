import type { MethodName, MethodOutput, MethodParsedInput } from '@shared/api';
import type { CallContext } from '../core/runtime';

export type Handler<M extends MethodName> = (
  ctx: CallContext,
  input: MethodParsedInput<M>,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

/** One domain's handlers; the registry merges them and refuses a name twice. */
export type HandlerMap = { [M in MethodName]?: Handler<M> };

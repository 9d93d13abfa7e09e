import { workbookBase64 } from '../core/workbook';
import type { HandlerMap } from '../rpc/handler';
import { counterStats, filteredItemName } from './service';
import { counterStatsFileName, counterStatsWorkbook } from './workbook';

export const statsHandlers: HandlerMap = {
  'stats.counter': (ctx, input) => counterStats(ctx, input),
  'stats.counterExcel': async (ctx, input) => {
    const itemName = input.itemId ? await filteredItemName(ctx, input.itemId) : null;
    const stats = await counterStats(ctx, input);
    return {
      fileName: counterStatsFileName(input),
      base64: await workbookBase64(counterStatsWorkbook(stats, { ...input, itemName })),
    };
  },
};

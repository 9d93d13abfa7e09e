import type { HandlerMap } from '../rpc/handler';
import { exportCatalogue } from './excel-export';
import { importCatalogue } from './excel-import';
import { publishCatalogue } from './publish';
import { getVersion, itemDetail, listItems, saveItem, setActive } from './service';

export const catalogueHandlers: HandlerMap = {
  'catalogue.list': (ctx, input) => listItems(ctx, input),
  'catalogue.get': (ctx, input) => itemDetail(ctx, input.itemId),
  'catalogue.getVersion': (ctx, input) => getVersion(ctx, input.versionId),
  'catalogue.save': (ctx, input) => saveItem(ctx, input),
  'catalogue.setActive': (ctx, input) => setActive(ctx, input.itemId, input.active),
  'catalogue.exportExcel': (ctx) => exportCatalogue(ctx),
  'catalogue.importExcel': (ctx, input) => importCatalogue(ctx, input.base64),
  'catalogue.publishToHub': (ctx) => publishCatalogue(ctx),
};

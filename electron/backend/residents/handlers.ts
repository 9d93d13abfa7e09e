import type { HandlerMap } from '../rpc/handler';
import { findByDocument, searchResidents } from './lookup-service';
import { mergedRecords } from './merged';
import { createResident, residentDetail, revealResident, updateResident } from './service';

export const residentsHandlers: HandlerMap = {
  'residents.search': (ctx, input) => searchResidents(ctx, input),
  'residents.findByDocument': (ctx, input) => findByDocument(ctx, input.docType, input.docNumber),
  'residents.get': (ctx, input) => residentDetail(ctx, input.residentId),
  'residents.merged': (ctx, input) => mergedRecords(ctx, input.residentId),
  'residents.create': (ctx, input) => createResident(ctx, input),
  'residents.update': (ctx, input) => updateResident(ctx, input),
  'residents.reveal': (ctx, input) => revealResident(ctx, input),
};

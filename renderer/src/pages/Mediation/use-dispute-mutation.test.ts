import type { DisputeDetail } from '@shared/api';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { apiKey } from '../../api';
import { refreshDisputeViews } from './use-dispute-mutation';

describe('refreshDisputeViews', () => {
  it('marks the event reports list stale: registering a 重大 dispute files a report', () => {
    const queryClient = new QueryClient();
    const listKey = apiKey('eventReports.list', {} as never);
    queryClient.setQueryData(listKey, { rows: [] });
    refreshDisputeViews(queryClient, { id: 'd1' } as DisputeDetail);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);
  });
});

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

  it('marks a resident’s disputes stale: their 一人一档 page lists the case with its state', () => {
    const queryClient = new QueryClient();
    const residentKey = apiKey('mediation.ofResident', { residentId: 'r1' });
    queryClient.setQueryData(residentKey, []);
    refreshDisputeViews(queryClient, { id: 'd1' } as DisputeDetail);
    expect(queryClient.getQueryState(residentKey)?.isInvalidated).toBe(true);
  });

  it('marks 调解统计 stale: a registered or concluded dispute changes its counts', () => {
    const queryClient = new QueryClient();
    const statsKey = apiKey('mediation.stats', {
      from: '2026-11-01',
      to: '2026-11-30',
      granularity: 'month',
    });
    queryClient.setQueryData(statsKey, {});
    refreshDisputeViews(queryClient, { id: 'd1' } as DisputeDetail);
    expect(queryClient.getQueryState(statsKey)?.isInvalidated).toBe(true);
  });
});

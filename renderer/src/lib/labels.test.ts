import { describe, expect, it } from 'vitest';
import { actionLabel } from './labels';

describe('audit action labels', () => {
  it('read a case workflow step and a case paper in Chinese', () => {
    expect(actionLabel('cases.complete')).toBe('案件办结');
    expect(actionLabel('cases.request_supplement')).toBe('案件要求补正');
    expect(actionLabel('cases.receive')).toBe('接收代办件');
    expect(actionLabel('print.notice')).toBe('打印一次性告知单');
    expect(actionLabel('print.completion')).toBe('打印办结通知');
  });

  it('show an action no label is known for as it is, rather than hide it', () => {
    expect(actionLabel('cases.teleport')).toBe('cases.teleport');
    expect(actionLabel('sync.push')).toBe('sync.push');
  });
});

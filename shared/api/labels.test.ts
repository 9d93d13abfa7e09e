import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { auditActionLabel, METHOD_LABELS } from './labels';

const CHINESE = /[\u4e00-\u9fff]/;

describe('method labels', () => {
  it('name every method of the contract in Chinese', () => {
    // The type already demands a label per method; this also catches a method typed loosely.
    const unlabelled = Object.keys(contract).filter(
      (name) => !CHINESE.test((METHOD_LABELS as Record<string, string | undefined>)[name] ?? ''),
    );
    expect(unlabelled, 'methods without a Chinese label in shared/api/labels.ts').toEqual([]);
  });

  it('label nothing that is not a method', () => {
    const stale = Object.keys(METHOD_LABELS).filter((name) => !(name in contract));
    expect(stale).toEqual([]);
  });
});

describe('audit action labels', () => {
  it('read a method, a case workflow step and a case paper in Chinese', () => {
    expect(auditActionLabel('mediation.recordSession')).toBe('记录调解');
    expect(auditActionLabel('mediation.assignMediators')).toBe('指派调解员');
    expect(auditActionLabel('cases.complete')).toBe('案件办结');
    expect(auditActionLabel('cases.request_supplement')).toBe('案件要求补正');
    expect(auditActionLabel('cases.receive')).toBe('接收代办件');
    expect(auditActionLabel('print.notice')).toBe('打印一次性告知单');
    expect(auditActionLabel('users.disable')).toBe('停用用户');
  });

  it('show an action no label is known for as it is, rather than hide it', () => {
    expect(auditActionLabel('cases.teleport')).toBe('cases.teleport');
    expect(auditActionLabel('sync.push')).toBe('sync.push');
    expect(auditActionLabel('toString')).toBe('toString');
  });
});

import { describe, expect, it } from 'vitest';
import {
  initialMarks,
  missingRequiredOf,
  statusesFor,
  toMaterialChecks,
  withStatus,
  type ChecklistMaterial,
} from './checklist-marks';

const material = (name: string, extra: Partial<ChecklistMaterial> = {}): ChecklistMaterial => ({
  name,
  form: 'original',
  copies: 1,
  required: true,
  condition: null,
  source: '申请人自备',
  ...extra,
});

const ID_CARD = material('居民身份证');
const FORM = material('申请表', { form: 'copy', copies: 2 });
const ATTORNEY = material('授权委托书', { condition: '委托他人办理的' });
const PHOTO = material('近期照片', { required: false });
const ITEM = [ID_CARD, FORM, ATTORNEY, PHOTO];

describe('material checklist marks', () => {
  it('starts with nothing received and conditional materials set aside as 不适用', () => {
    expect(initialMarks(ITEM).map((mark) => mark.status)).toEqual([
      'missing',
      'missing',
      'not_applicable',
      'missing',
    ]);
    expect(missingRequiredOf(ITEM, initialMarks(ITEM))).toEqual([ID_CARD, FORM]);
  });

  it('counts a received material at the copies the item asks for', () => {
    const [, mark] = initialMarks(ITEM);
    expect(withStatus(mark!, 'received', FORM)).toEqual({ status: 'received', copiesReceived: 2 });
    expect(withStatus({ status: 'received', copiesReceived: 2 }, 'missing', FORM)).toEqual({
      status: 'missing',
      copiesReceived: 0,
    });
  });

  it('keeps a conditional material required once its situation applies', () => {
    const marks = initialMarks(ITEM).map((mark, index) =>
      index === 2 ? { status: 'missing' as const, copiesReceived: 0 } : mark,
    );
    expect(missingRequiredOf(ITEM, marks).map((m) => m.name)).toEqual([
      '居民身份证',
      '申请表',
      '授权委托书',
    ]);
  });

  it('never holds an application up for an optional material', () => {
    const marks = ITEM.map((m) =>
      withStatus({ status: 'missing', copiesReceived: 0 }, 'received', m),
    );
    marks[3] = { status: 'missing', copiesReceived: 0 };
    expect(missingRequiredOf(ITEM, marks)).toEqual([]);
  });

  it('offers 不适用 only where a situation decides', () => {
    expect(statusesFor('required')).toEqual(['received', 'missing']);
    expect(statusesFor('optional')).toEqual(['received', 'missing']);
    expect(statusesFor('conditional')).toEqual(['received', 'missing', 'not_applicable']);
  });

  it('sends every position with its status and no copies for what was not received', () => {
    expect(
      toMaterialChecks([
        { status: 'received', copiesReceived: 3 },
        { status: 'missing', copiesReceived: 3 },
      ]),
    ).toEqual([
      { position: 0, status: 'received', copiesReceived: 3 },
      { position: 1, status: 'missing', copiesReceived: 0 },
    ]);
  });
});

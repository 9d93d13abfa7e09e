import { describe, expect, it } from 'vitest';
import { emptyParty, partyProblems, toPartyInput, type PartyFormValues } from './party-values';

const TODAY = '2026-11-27';

function person(patch: Partial<PartyFormValues> = {}): PartyFormValues {
  return {
    ...emptyParty('applicant'),
    name: '张三',
    idNumber: '330324198001011239',
    phone: '13800138000',
    ...patch,
  };
}

describe('toPartyInput', () => {
  it('sends a new person as typed, empty fields as null', () => {
    expect(toPartyInput(person({ occupation: ' 农民 ' }))).toMatchObject({
      kind: 'person',
      residentId: null,
      name: '张三',
      occupation: '农民',
      ethnicity: null,
      idType: 'resident_id',
      idNumber: '330324198001011239',
      phone: '13800138000',
      agentName: null,
      attorneyDate: null,
    });
  });

  it('leaves out an empty phone of a linked resident, so the register fills it', () => {
    const input = toPartyInput(
      person({ phone: '', resident: { id: 'r1', name: '张三', phoneMasked: '138****8000' } }),
    );
    expect(input).toMatchObject({ residentId: 'r1' });
    expect(input).not.toHaveProperty('phone', null);
    expect((input as { phone?: string }).phone).toBeUndefined();
  });

  it('keeps the stored secrets of a party being edited unless retyped', () => {
    const stored = {
      idNumberMasked: '3303**********1239',
      phoneMasked: '138****8000',
      agentPhoneMasked: null,
    };
    const input = toPartyInput(person({ idNumber: '', phone: '', stored }));
    expect((input as { idNumber?: string }).idNumber).toBeUndefined();
    expect((input as { phone?: string }).phone).toBeUndefined();
    expect(toPartyInput(person({ phone: '13900139000', stored }))).toMatchObject({
      phone: '13900139000',
    });
  });

  it('drops the agent when the box is unticked', () => {
    const input = toPartyInput(
      person({ hasAgent: false, agentName: '王律师', attorneyDate: '2026-11-20' }),
    );
    expect(input).toMatchObject({ agentName: null, agentPhone: null, attorneyDate: null });
  });

  it('sends an organisation with its credit code in capitals', () => {
    expect(
      toPartyInput(
        person({ kind: 'organisation', name: '某某物业公司', creditCode: '91330302mA2ABCDE1x' }),
      ),
    ).toMatchObject({
      kind: 'organisation',
      name: '某某物业公司',
      creditCode: '91330302MA2ABCDE1X',
    });
  });
});

describe('partyProblems', () => {
  it.each([
    [{ name: '' }, 'name', '请填写当事人姓名'],
    [{ idNumber: '330324198001011238' }, 'idNumber', expect.stringContaining('校验')],
    [{ phone: '12345' }, 'phone', expect.any(String)],
    [{ birthDate: '2027-01-01' }, 'birthDate', '出生日期不能晚于今天'],
    [{ hasAgent: true, agentName: '' }, 'agentName', '请填写代理人姓名'],
    [
      { hasAgent: true, agentName: '王五' },
      'attorneyDate',
      '有委托代理人的，请填写授权委托书的日期',
    ],
  ])('%j → %s', (patch, field, message) => {
    expect(partyProblems(person(patch as Partial<PartyFormValues>), TODAY)).toMatchObject({
      [field]: message,
    });
  });

  it('finds nothing wrong with a complete person', () => {
    expect(partyProblems(person(), TODAY)).toEqual({});
  });
});

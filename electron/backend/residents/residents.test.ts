import { describe, expect } from 'vitest';
import { staffSession } from '../testing/catalogue';
import { idNumber } from '@shared/testing/people';
import { yantouTest } from '../testing/residents';

// Born 1990-01-01 (sequence 123, odd: male) and 1985-06-15 (sequence 124, even: female).
const ZHANG = idNumber('33032419900101123');
const LI = idNumber('33032419850615124');
const ZHANG_X = '11010519491231002X';

/** Registers 张三丰 (or what `overrides` says instead) as the administrator; `zhangId` is his id. */
const test = yantouTest
  .extend('create', ({ harness: h, township: { admin, org } }) => {
    return (overrides: Record<string, unknown> = {}) =>
      h.call(
        'residents.create',
        {
          docType: 'resident_id',
          docNumber: ZHANG,
          name: '张三丰',
          phone: '138 0013 8000',
          address: '岩头镇岩头村丽水街 8 号',
          villageOrgId: org('330324108201'),
          ...overrides,
        } as never,
        admin,
      );
  })
  .extend('zhangId', async ({ create }) => {
    const created = await create();
    return created.ok ? created.value.id : '';
  })
  .extend('auditRows', ({ harness: h, township: { admin } }) => {
    return async (action: string) =>
      (await h.ok('audit.list', { page: 1, pageSize: 50, action }, admin)).rows;
  });

describe('residents.create', () => {
  test('derives gender and birth date from the ID number and shows the number, phone masked and the age', async ({
    harness: h,
    township: { org },
    create,
  }) => {
    const result = await create();
    expect(result.ok).toBe(true);
    const detail = result.ok ? result.value : null;
    expect(detail).toMatchObject({
      name: '张三丰',
      docType: 'resident_id',
      docNumberMasked: `330324********${ZHANG.slice(-4)}`,
      gender: 'male',
      age: 36,
      phoneMasked: '138****8000',
      address: '岩头镇岩头村丽水街 8 号',
      villageName: '岩头村',
    });
    // The birth date is the masked middle: stored for the reveal and the papers, never shown beside it.
    expect(detail).not.toHaveProperty('birthDate');
    const stored = await h.backend.runtime.db
      .selectFrom('residents')
      .select(['doc_number', 'phone', 'initials', 'org_unit_id', 'birth_date'])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      doc_number: ZHANG,
      phone: '13800138000',
      initials: 'zsf',
      org_unit_id: org('330324108'),
      birth_date: '1990-01-01',
    });
  });

  test('is audited without the full number and written to the outbox', async ({
    harness: h,
    zhangId: id,
    auditRows,
  }) => {
    const [entry] = await auditRows('residents.create');
    expect(entry?.detail).toBe(`张*丰，居民身份证 330324********${ZHANG.slice(-4)}`);
    expect(entry?.detail).not.toContain(ZHANG);
    const outbox = await h.backend.runtime.db
      .selectFrom('outbox')
      .select('op')
      .where('record_id', '=', id)
      .execute();
    expect(outbox).toEqual([{ op: 'insert' }]);
  });

  test('accepts a lower-case x and stores it upper case', async ({ create }) => {
    const result = await create({ docNumber: ZHANG_X.toLowerCase(), name: '李四' });
    expect(result.ok ? result.value : null).toMatchObject({
      gender: 'female',
      age: 76,
      docNumberMasked: '110105********002X',
    });
  });

  test.for([
    [
      `${ZHANG.slice(0, 17)}${ZHANG.endsWith('0') ? '1' : '0'}`,
      '身份证号校验位不正确，请核对最后一位',
    ],
    [idNumber('33032419990230123'), '身份证号中的出生日期 19990230 不是有效日期'],
  ] as const)(
    'refuses the invalid ID number %s with the rule’s message, saving nothing',
    async ([number, message], { harness: h, create }) => {
      const result = await create({ docNumber: number });
      expect(result.ok ? null : result.error).toEqual({
        code: 'DOCUMENT_INVALID',
        message,
        fields: { docNumber: message },
      });
      expect(await h.backend.runtime.db.selectFrom('residents').select('id').execute()).toEqual([]);
    },
  );

  test('refuses a phone that is not one', async ({ create }) => {
    const result = await create({ phone: '12345' });
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'PHONE_INVALID',
      fields: { phone: '手机号应为11位数字，以13至19开头' },
    });
  });

  test('serves a resident without a mainland ID: a passport, no gender or birth date derived', async ({
    create,
  }) => {
    const result = await create({
      docType: 'passport',
      docNumber: 'e12345678',
      name: 'John Smith',
      phone: '+852 9123 4567',
    });
    expect(result.ok ? result.value : null).toMatchObject({
      docType: 'passport',
      docNumberMasked: 'E1*****78',
      gender: null,
      age: null,
      phoneMasked: '+852****4567',
    });
  });

  test('keeps one record per document, naming the existing one masked', async ({ create }) => {
    await create();
    const again = await create({ name: '张三', docNumber: ZHANG.toLowerCase() });
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'DOCUMENT_TAKEN',
      message: '该居民身份证号码已登记在“张*丰”的档案中，请直接选用该档案',
    });
  });

  test('warns of a look-alike with the same name, birth date and village until confirmed', async ({
    township: { org },
    create,
    auditRows,
  }) => {
    await create();
    const twin = idNumber('33032419900101125');
    const warned = await create({ docNumber: twin });
    expect(warned.ok ? null : warned.error).toMatchObject({
      code: 'RESIDENT_POSSIBLE_DUPLICATE',
      message:
        '已有 1 份姓名、出生日期和所属村（社区）都相同的档案，请按姓名查找核对是否为同一人；确认不是同一人的，请勾选“确认不是重复档案”后再保存',
    });
    // Beside the birth date just typed, a masked number would be the whole number.
    expect(warned.ok ? '' : warned.error.message).not.toContain(ZHANG.slice(-4));
    const [probe] = await auditRows('residents.create');
    expect(probe).toMatchObject({ outcome: 'failure', detail: '张*丰：提示可能与已有档案重复' });
    // Another village is no look-alike; a confirmation lets the same village through.
    expect((await create({ docNumber: twin, villageOrgId: org('330324108202') })).ok).toBe(true);
    const third = idNumber('33032419900101141');
    expect((await create({ docNumber: third, confirmNotDuplicate: true })).ok).toBe(true);
  });

  test('refuses a home village outside the caller’s units', async ({
    township: { org },
    create,
  }) => {
    const result = await create({ villageOrgId: org('330324110201') });
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
  });

  test('stores and shows a name that looks like HTML or SQL exactly as typed', async ({
    harness: h,
    township: { admin },
    create,
  }) => {
    const name = `<b>王</b>'; DROP TABLE residents;--`;
    const result = await create({ name });
    const id = result.ok ? result.value.id : '';
    expect((await h.ok('residents.get', { residentId: id }, admin)).name).toBe(name);
    const found = await h.ok('residents.search', { query: name }, admin);
    expect(found.rows.map((row) => row.name)).toEqual([name]);
    expect((await h.ok('residents.search', { query: `'; DROP` }, admin)).total).toBe(1);
  });
});

describe('residents.findByDocument', () => {
  test('finds a resident by the number as typed: lower-case x, spaces, full-width digits', async ({
    harness: h,
    township: { admin },
    create,
  }) => {
    await create({ docNumber: ZHANG_X, name: '李四' });
    const typed = `110105 1949１２３１ 002x`;
    const found = await h.ok(
      'residents.findByDocument',
      { docType: 'resident_id', docNumber: typed },
      admin,
    );
    expect(found).toMatchObject({ name: '李四', docNumberMasked: '110105********002X' });
  });

  test('finds the 18-digit record from the legacy 15-digit number', async ({
    harness: h,
    township: { admin },
    create,
  }) => {
    await create({ docNumber: ZHANG_X, name: '李四' });
    const found = await h.ok(
      'residents.findByDocument',
      { docType: 'resident_id', docNumber: '110105491231002' },
      admin,
    );
    expect(found?.name).toBe('李四');
  });

  test('answers null for an unknown number or another document type', async ({
    harness: h,
    township: { admin },
    create,
  }) => {
    await create();
    expect(
      await h.ok('residents.findByDocument', { docType: 'resident_id', docNumber: LI }, admin),
    ).toBeNull();
    expect(
      await h.ok('residents.findByDocument', { docType: 'passport', docNumber: ZHANG }, admin),
    ).toBeNull();
  });
});

describe('residents.update', () => {
  test('changes the details, keeps the document, and follows in the search indexes', async ({
    harness: h,
    township: { admin, org },
    zhangId: id,
    auditRows,
  }) => {
    const updated = await h.ok(
      'residents.update',
      {
        residentId: id,
        name: '张君宝',
        phone: '0577-6711 2233',
        address: '岩头镇港头村 12 号',
        villageOrgId: org('330324108202'),
        ethnicity: '汉族',
      },
      admin,
    );
    expect(updated).toMatchObject({
      name: '张君宝',
      phoneMasked: '0577-****2233',
      villageName: '港头村',
      ethnicity: '汉族',
      docNumberMasked: `330324********${ZHANG.slice(-4)}`,
    });
    const names = async (query: string) =>
      (await h.ok('residents.search', { query }, admin)).rows.map((row) => row.name);
    expect(await names('三丰')).toEqual([]);
    expect(await names('君宝')).toEqual(['张君宝']);
    expect(await names('zjb')).toEqual(['张君宝']);
    expect(await names('丽水街')).toEqual([]);
    expect(await names('港头村')).toEqual(['张君宝']);
    expect(await names('0577-67112233')).toEqual(['张君宝']);
    const [entry] = await auditRows('residents.update');
    expect(entry?.detail).toBe('张*宝：修改姓名、联系电话、住址、所属村（社区）、民族');
  });

  test('keeps the phone when the edit leaves it out, and clears it when it is blank', async ({
    harness: h,
    township: { admin, org },
    zhangId: id,
    auditRows,
  }) => {
    const fields = {
      residentId: id,
      name: '张三丰',
      address: '岩头镇港头村 12 号',
      villageOrgId: org('330324108201'),
    };
    const kept = await h.ok('residents.update', fields, admin);
    expect(kept).toMatchObject({ phoneMasked: '138****8000', address: '岩头镇港头村 12 号' });
    const [entry] = await auditRows('residents.update');
    expect(entry?.detail).toBe('张*丰：修改住址');
    const cleared = await h.ok('residents.update', { ...fields, phone: ' ' }, admin);
    expect(cleared.phoneMasked).toBeNull();
  });

  test('writes nothing when nothing changed', async ({
    harness: h,
    township: { admin, org },
    create,
    auditRows,
  }) => {
    const created = await create();
    const detail = created.ok ? created.value : null;
    await h.ok(
      'residents.update',
      {
        residentId: detail!.id,
        name: '张三丰',
        phone: '13800138000',
        address: '岩头镇岩头村丽水街 8 号',
        villageOrgId: org('330324108201'),
      },
      admin,
    );
    expect(await auditRows('residents.update')).toEqual([]);
  });
});

describe('residents.reveal', () => {
  test('gives the full number, audited with the field and reason but never the value', async ({
    harness: h,
    township: { admin },
    zhangId: id,
    auditRows,
  }) => {
    const clerk = await staffSession(h, admin, 'clerk1', 'clerk');
    expect(
      await h.ok(
        'residents.reveal',
        { residentId: id, field: 'docNumber', reason: '打印调解协议书' },
        clerk,
      ),
    ).toEqual({ value: ZHANG, birthDate: '1990-01-01' });
    expect(await h.ok('residents.reveal', { residentId: id, field: 'phone' }, clerk)).toEqual({
      value: '13800138000',
      birthDate: null,
    });
    const entries = await auditRows('residents.reveal');
    expect(entries.map((entry) => [entry.username, entry.detail])).toEqual([
      ['clerk1', '查看张*丰的完整联系电话；事由：未填写'],
      ['clerk1', '查看张*丰的完整证件号码；事由：打印调解协议书'],
    ]);
    expect(entries.some((entry) => entry.detail?.includes(ZHANG))).toBe(false);
  });

  test('is refused to an auditor, who sees only masked values', async ({
    harness: h,
    township: { admin },
    zhangId: id,
  }) => {
    const auditor = await staffSession(h, admin, 'audit1', 'auditor');
    const result = await h.call(
      'residents.reveal',
      { residentId: id, field: 'docNumber' },
      auditor,
    );
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
    expect((await h.ok('residents.get', { residentId: id }, auditor)).docNumberMasked).toContain(
      '*',
    );
  });
});

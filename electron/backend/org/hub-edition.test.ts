import { describe, expect } from 'vitest';
import type { OrgTreeEdition } from '@shared/sync/hub-contract';
import { orgUnitIdFromDivisionCode } from '@shared/sync/natural-ids';
import { CHENGDONG, DONGCHENG, WANGJIANG } from '@shared/testing/org-units';
import { ANONYMOUS } from '../core/context';
import { demoTest } from '../testing/fixtures';
import type { Harness } from '../testing/harness';
import { applyOrgTreeEdition } from './hub-edition';

/** The terminal's units as the county would publish them: same codes, the hub's ids. */
async function treeOf(h: Harness, edition: number): Promise<OrgTreeEdition> {
  const rows = await h.backend.runtime.db
    .selectFrom('org_units')
    .select(['code', 'name', 'level'])
    .execute();
  return {
    countyCode: '330324',
    edition,
    publishedAt: '2026-12-06T08:00:00.000Z',
    units: rows.map((row) => ({
      id: orgUnitIdFromDivisionCode(row.code),
      code: row.code,
      name: row.name,
      level: row.level,
      parentId:
        row.level === 'county'
          ? null
          : orgUnitIdFromDivisionCode(row.code.slice(0, row.level === 'village' ? 9 : 6)),
    })),
  };
}

async function apply(h: Harness, tree: OrgTreeEdition) {
  const rt = h.backend.runtime;
  return rt.db.transaction().execute((trx) =>
    applyOrgTreeEdition(trx, tree, {
      stamp: { stamper: rt.stamper, terminal: rt.terminal!, actor: ANONYMOUS },
      countyCode: '330324',
      ownUnitCode: DONGCHENG.divisionCode,
      nowIso: rt.stamper.nowIso(),
      afterCommit: () => {},
      caches: rt,
    }),
  );
}

function row(h: Harness, code: string) {
  return h.backend.runtime.sqlite
    .prepare('SELECT id, name, parent_id, retired_at, deleted_at FROM org_units WHERE code = ?')
    .get(code) as { id: string; name: string; parent_id: string | null; retired_at: string | null };
}

describe('the org tree applier', () => {
  demoTest(
    'matches units by division code, keeping the ids the terminal has',
    async ({ harness: h, township: _demo }) => {
      const ownId = row(h, DONGCHENG.divisionCode).id;
      const applied = await apply(h, await treeOf(h, 2));
      expect(applied.summary).toMatch(/（新增 0、更名 0、调整上级 0、撤销 0）$/);
      expect(applied.warning).toBeNull();
      expect(row(h, DONGCHENG.divisionCode).id).toBe(ownId);
    },
  );

  demoTest(
    're-parents a unit under the parent the county gives it',
    async ({ harness: h, township: _demo }) => {
      const township = row(h, DONGCHENG.divisionCode);
      h.backend.runtime.sqlite
        .prepare('UPDATE org_units SET parent_id = NULL WHERE code = ?')
        .run(CHENGDONG.code);
      const applied = await apply(h, await treeOf(h, 2));
      expect(applied.summary).toContain('调整上级 1');
      expect(row(h, CHENGDONG.code).parent_id).toBe(township.id);
    },
  );

  demoTest(
    'retires a unit the county dropped and restores it when it comes back',
    async ({ harness: h, township: _demo }) => {
      const full = await treeOf(h, 2);
      const without = { ...full, units: full.units.filter((u) => u.code !== WANGJIANG.code) };
      expect((await apply(h, without)).summary).toContain('撤销 1');
      expect(row(h, WANGJIANG.code)).toMatchObject({ deleted_at: null });
      expect(row(h, WANGJIANG.code).retired_at).not.toBeNull();
      expect((await apply(h, { ...full, edition: 3 })).summary).toContain('恢复 1');
      expect(row(h, WANGJIANG.code).retired_at).toBeNull();
    },
  );

  demoTest(
    'leaves its own unit alone when the county’s tree lacks it, and says so',
    async ({ harness: h, township: _demo }) => {
      const full = await treeOf(h, 2);
      const applied = await apply(h, {
        ...full,
        units: full.units.filter((u) => u.code !== DONGCHENG.divisionCode),
      });
      expect(applied.warning).toMatch(/县级平台发布的组织机构（第 2 版）中没有本单位东城街道/);
      expect(row(h, DONGCHENG.divisionCode).retired_at).toBeNull();
    },
  );
});

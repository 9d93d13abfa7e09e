import { CompiledQuery, type Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness';
import { handedOverFiles, reportedFiles } from './blob-state';

/*
 * Every slice of a pull asks which of its records bring files to fetch ahead. Started from the unit's
 * cases, that read every case of the township per slice: a ten-year first sync spent most of its time
 * there. The plan must start from the slice's own ids.
 */
describe('files fetched ahead after a pulled slice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(async () => {
    await h.cleanup();
  });

  async function planOf(query: Compilable<unknown>): Promise<string[]> {
    const compiled = query.compile();
    const rows = await h.backend.runtime.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
    );
    return rows.rows.map((row) => row.detail);
  }

  it("looks a handed-over case's files up from the slice's case ids, not from the unit's cases", async () => {
    const plan = await planOf(handedOverFiles(h.backend.runtime.db, ['c1', 'c2'], 'unit'));
    expect(plan).toEqual([
      expect.stringMatching(/^SEARCH a USING INDEX attachments_case \(case_id=\?\)/),
      expect.stringMatching(/^SEARCH c USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/),
    ]);
  });

  it("looks an event report's files up from the slice's report ids", async () => {
    const plan = await planOf(reportedFiles(h.backend.runtime.db, ['r1'], 'unit'));
    expect(plan).toEqual([
      expect.stringMatching(
        /^SEARCH a USING INDEX attachments_event_report \(event_report_id=\?\)/,
      ),
      expect.stringMatching(/^SEARCH e USING INDEX sqlite_autoindex_event_reports_1 \(id=\?\)/),
    ]);
  });
});

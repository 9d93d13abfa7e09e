import type { IssueEnrolmentCodeResponse, PublishOrgTreeRequest } from '@shared/sync/hub-contract';
import { hasEnrolledTerminal, issueEnrolmentCode } from './enrolment';
import { ensureCounty, type Db } from './org-units';
import { latestOrgTree, publishOrgTree } from './org-tree';

export interface CountySetup {
  countyCode: string;
  countyName: string;
  /** Published as the first edition when the county has none yet. */
  initialOrgTree?: PublishOrgTreeRequest['units'];
}

/**
 * What the hub does for its county at every start: make sure the county and its centre exist, load
 * the operator's org tree if none was published, and, while no terminal has joined, issue the one-time
 * code for the county centre's first terminal (the only code not issued by a terminal).
 */
export async function prepareCounty(
  db: Db,
  setup: CountySetup,
  now: Date,
): Promise<{ firstCode: IssueEnrolmentCodeResponse | null }> {
  await ensureCounty(db, setup.countyCode, setup.countyName);
  if (setup.initialOrgTree && !(await latestOrgTree(db, setup.countyCode))) {
    await publishOrgTree(
      db,
      setup.countyCode,
      { baseEdition: 0, units: setup.initialOrgTree },
      null,
      now,
    );
  }
  if (await hasEnrolledTerminal(db, setup.countyCode)) return { firstCode: null };
  return {
    firstCode: await issueEnrolmentCode(db, setup.countyCode, setup.countyCode, null, now),
  };
}

import type { SystemStatus } from '@shared/api';
import type { Runtime } from '../core/runtime';
import { lastBackupAt } from '../backup/service';
import { findOrgUnit, toOrgUnit } from '../org/repository';

export async function status(rt: Runtime): Promise<SystemStatus> {
  const base = {
    appVersion: rt.appVersion,
    lastBackupAt: lastBackupAt(rt.dataDir),
    backupWarning: rt.backups.warning(),
    online: false,
    idleLockMinutes: rt.settings.idleLockMinutes,
    searchIndex: rt.reindexing
      ? ('rebuilding' as const)
      : rt.searchIndexDamaged
        ? ('damaged' as const)
        : ('ok' as const),
  };
  if (rt.damaged) {
    return {
      ...base,
      setupDone: false,
      database: 'damaged',
      databaseProblem: rt.damaged,
      orgUnit: null,
      terminal: null,
    };
  }
  if (!rt.terminal) {
    return {
      ...base,
      setupDone: false,
      database: 'ok',
      databaseProblem: null,
      orgUnit: null,
      terminal: null,
    };
  }
  const org = await findOrgUnit(rt.db, rt.terminal.orgUnitId);
  const terminal = await rt.db
    .selectFrom('terminals')
    .select(['id', 'name', 'number', 'org_unit_id'])
    .where('id', '=', rt.terminal.terminalId)
    .executeTakeFirst();
  return {
    ...base,
    setupDone: true,
    database: 'ok',
    databaseProblem: null,
    orgUnit: org ? toOrgUnit(org) : null,
    terminal: terminal
      ? {
          id: terminal.id,
          name: terminal.name,
          number: terminal.number,
          orgUnitId: terminal.org_unit_id,
        }
      : null,
  };
}

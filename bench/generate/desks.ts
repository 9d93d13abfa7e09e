import type BetterSqlite3 from 'better-sqlite3';
import type { TerminalsTable } from '../../electron/backend/db/schema';
import type { CaseDesks } from './cases';
import type { RegisteringCommittee } from './disputes';
import type { SetUpTerminal } from './setup';
import { syncRow, type Stamps } from './stamps';
import { TableWriter } from './writer';

interface Desks {
  cases: CaseDesks;
  committees: { township: RegisteringCommittee; villages: RegisteringCommittee[] };
}

/**
 * The other terminals whose records this terminal holds, as the hub would have brought them: the
 * centre's other windows and one agency point per village. Each window has its clerk; each village
 * point its agent and its mediation committee's recording mediator.
 */
export function writeDesks(
  sqlite: BetterSqlite3.Database,
  stamps: Stamps,
  terminal: SetUpTerminal,
  installedMs: number,
): Desks {
  const writer = new TableWriter<TerminalsTable>(sqlite, 'terminals');
  const newTerminal = (orgUnitId: string, number: string, name: string) => {
    const row = Object.assign(
      syncRow(stamps, orgUnitId, terminal.terminalId, installedMs, terminal.admin.id),
      {
        name,
        number,
      },
    );
    writer.insert(row);
    return row.id;
  };
  const windowTerminals = terminal.windowNames.map((name, index) =>
    index === 0
      ? terminal.terminalId
      : newTerminal(terminal.township.id, String(index + 1).padStart(2, '0'), name),
  );
  const windows = terminal.clerks.map((clerk, index) => ({
    userId: clerk.id,
    displayName: clerk.displayName,
    terminalId: windowTerminals[index]!,
    terminalName: terminal.windowNames[index]!,
    orgCode: terminal.township.code,
    terminal: String(index + 1).padStart(2, '0'),
  }));
  const villageTerminals = terminal.villages.map((village) =>
    newTerminal(village.id, '01', `${village.name}代办点`),
  );
  const points = terminal.villages.map((village, index) => ({
    villageId: village.id,
    villageName: village.name,
    agent: {
      userId: terminal.agents[index]!.id,
      displayName: terminal.agents[index]!.displayName,
      terminalId: villageTerminals[index]!,
    },
    orgCode: village.code,
    terminal: '01',
  }));
  const mediatorOf = terminal.mediator;
  const township: RegisteringCommittee = {
    orgId: terminal.township.id,
    name: terminal.township.name,
    place: `${terminal.township.name}人民调解委员会调解室`,
    roster: terminal.mediators.get(terminal.township.id)!,
    recorder: {
      userId: mediatorOf.id,
      displayName: mediatorOf.displayName,
      terminalId: terminal.terminalId,
    },
    terminals: [
      { number: '01', terminalId: windowTerminals[0]! },
      { number: '02', terminalId: windowTerminals[1]! },
    ],
    terminalCount: windowTerminals.length,
  };
  const villages = terminal.villages.map((village, index) => ({
    orgId: village.id,
    name: village.name,
    place: `${terminal.township.name}${village.name}调解室`,
    roster: terminal.mediators.get(village.id)!,
    recorder: {
      userId: terminal.villageMediators[index]!.id,
      displayName: terminal.villageMediators[index]!.displayName,
      terminalId: villageTerminals[index]!,
    },
    terminals: [{ number: '01', terminalId: villageTerminals[index]! }],
    terminalCount: 1,
  }));
  return {
    cases: { windows, points, own: { orgCode: terminal.township.code, terminal: '01' } },
    committees: { township, villages },
  };
}

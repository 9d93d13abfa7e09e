import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel } from '@shared/api';
import { CASE_ACTION_NAMES } from '@shared/domain/cases/case-workflow';
import { CASE_DOCUMENTS } from '@shared/domain/cases/papers';

const BACKEND = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The audit action names the services write as literals: on a line that speaks of an action, or both
 * sides of a choice such as `disabled ? 'users.disable' : 'users.enable'`.
 */
function auditedLiterals(): Map<string, string> {
  const found = new Map<string, string>();
  const literal = /'([a-z][A-Za-z]+\.[a-z][A-Za-z_]*)'/g;
  for (const file of sourceFiles(BACKEND)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const choice = /\? '[a-z][A-Za-z]*\.[A-Za-z_]+' : '/.test(line);
      if (!/action/i.test(line) && !choice) continue;
      for (const match of line.matchAll(literal)) found.set(match[1]!, file.slice(BACKEND.length));
    }
  }
  return found;
}

describe('audit actions the backend writes', () => {
  it('each have a Chinese label for the audit log', () => {
    const names = [
      ...auditedLiterals().keys(),
      ...CASE_ACTION_NAMES.map((action) => `cases.${action}`),
      ...CASE_DOCUMENTS.map((document) => `print.${document}`),
    ];
    expect(names.length).toBeGreaterThan(60);
    const unlabelled = names.filter((name) => auditActionLabel(name) === name);
    expect(unlabelled, 'audit actions without a label in shared/api/labels.ts').toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { SYNCED_TABLES, TERMINAL_STATE_COLUMNS, type SyncedTable } from '../core/changes';

/**
 * Finds writes of synced tables that go around core/synced-writes.ts: Kysely's insertInto /
 * updateTable / deleteFrom / replaceInto / mergeInto on a synced table (or on a table chosen at run
 * time, which could be one), and SQL text that inserts, updates or deletes one. A write of only a
 * table's terminal-state columns (TERMINAL_STATE_COLUMNS: the lockout, the last sign-in) is no change
 * to the record and passes.
 */

export interface DirectWrite {
  file: string;
  line: number;
  what: string;
}

const KYSELY_WRITES = new Set([
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
]);
const SYNCED = new Set<string>(SYNCED_TABLES);
/** Uppercase only, as every statement in the code base is written: English prose is not SQL. */
const SQL_WRITE =
  /\b(?:INSERT(?: OR [A-Z]+)? INTO|REPLACE INTO|UPDATE(?: OR [A-Z]+)?|DELETE FROM)\s+("?)(@@|[a-z_][a-z0-9_.]*)/g;
/** Stands for a ${…} in SQL text: a table named there is chosen at run time. */
const PLACEHOLDER = '@@';

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The keys a `.set(…)` names, when written out: an object literal, or an arrow that returns one. */
function setKeys(call: ts.CallExpression): string[] | null {
  const parent = call.parent;
  if (!ts.isPropertyAccessExpression(parent) || parent.name.text !== 'set') return null;
  const setCall = parent.parent;
  if (!ts.isCallExpression(setCall) || setCall.arguments.length !== 1) return null;
  let argument: ts.Node = setCall.arguments[0]!;
  if (ts.isArrowFunction(argument)) argument = argument.body;
  while (ts.isParenthesizedExpression(argument)) argument = argument.expression;
  if (!ts.isObjectLiteralExpression(argument)) return null;
  const keys: string[] = [];
  for (const property of argument.properties) {
    if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) {
      return null;
    }
    if (!ts.isIdentifier(property.name) && !ts.isStringLiteral(property.name)) return null;
    keys.push(property.name.text);
  }
  return keys;
}

function onlyTerminalState(table: SyncedTable, call: ts.CallExpression, method: string): boolean {
  if (method !== 'updateTable') return false;
  const allowed = TERMINAL_STATE_COLUMNS[table];
  const keys = setKeys(call);
  return !!allowed && !!keys && keys.length > 0 && keys.every((key) => allowed.includes(key));
}

/** SQL text with each ${…} as PLACEHOLDER. */
function sqlText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return (
      node.head.text + node.templateSpans.map((span) => PLACEHOLDER + span.literal.text).join('')
    );
  }
  return null;
}

export function findDirectWrites(file: string, text: string): DirectWrite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: DirectWrite[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      KYSELY_WRITES.has(node.expression.name.text)
    ) {
      const method = node.expression.name.text;
      const target = node.arguments[0];
      if (target && ts.isStringLiteralLike(target)) {
        const table = target.text.split(/\s+as\s+/)[0]!.trim();
        if (SYNCED.has(table) && !onlyTerminalState(table as SyncedTable, node, method)) {
          found.push({ file, line: lineOf(source, node), what: `${method}('${table}')` });
        }
      } else if (target) {
        found.push({
          file,
          line: lineOf(source, node),
          what: `${method}(${target.getText(source)}): a table chosen at run time`,
        });
      }
    }
    const statement = sqlText(node);
    if (statement !== null) {
      for (const match of statement.matchAll(SQL_WRITE)) {
        const table = match[2]!;
        if (table === PLACEHOLDER) {
          found.push({
            file,
            line: lineOf(source, node),
            what: `SQL write of a table chosen at run time`,
          });
        } else if (SYNCED.has(table.replace(/^main\./, ''))) {
          found.push({ file, line: lineOf(source, node), what: `SQL write of ${table}` });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The backend's own code: no tests, no test set-up, no migrations (frozen, and run before any change). */
function isScanned(path: string): boolean {
  return (
    path.endsWith('.ts') &&
    !path.endsWith('.test.ts') &&
    !path.endsWith('.d.ts') &&
    !path.includes(`${sep}testing${sep}`) &&
    !path.includes(`${sep}migrations${sep}`)
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return isScanned(path) ? [path] : [];
  });
}

/** Every direct write under root, with paths relative to repoRoot in forward slashes. */
export function scanDirectWrites(repoRoot: string, root: string): DirectWrite[] {
  return filesUnder(join(repoRoot, root)).flatMap((path) =>
    findDirectWrites(relative(repoRoot, path).split(sep).join('/'), readFileSync(path, 'utf8')),
  );
}

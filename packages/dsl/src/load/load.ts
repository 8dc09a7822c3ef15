/**
 * Loading protocols from JSON or YAML, as untrusted data: syntax, then the published JSON Schema
 * (ajv), then `parseProtocol`'s semantic checks — every problem reported with its line and column.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { type ProtocolDefinition, safeParseProtocol } from '@cpts/core';
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { LineCounter, parseDocument } from 'yaml';
import { type LoadIssue, loadIssue, ProtocolLoadError } from './errors.js';
import { jsonSourceMap, lineColumn, type SourceMap, yamlSourceMap } from './positions.js';
import { validateProtocolSchema } from './schema.js';

/** Options of {@link loadProtocol}. */
export interface LoadOptions {
  /** Format of the text; by default read from the file name, else guessed (`{` starts JSON). */
  format?: 'json' | 'yaml';
  /** Name used in messages for a text (a path given as source is its own name). */
  filename?: string;
}

/** Result of {@link safeLoadProtocol}. */
export type LoadResult =
  | { success: true; data: ProtocolDefinition }
  | { success: false; error: ProtocolLoadError };

const FILE = /\.(json|ya?ml)$/i;

interface Parsed {
  data: unknown;
  map: SourceMap;
  issues: LoadIssue[];
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a key between double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: '":" is expected after the key',
  CommaExpected: '"," is expected between items',
  CloseBraceExpected: '"}" is expected',
  CloseBracketExpected: '"]" is expected',
  EndOfFileExpected: 'nothing may follow the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated text: a closing double quote is missing',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in text',
};

function parseJson(text: string): Parsed {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: true,
    allowEmptyContent: false,
  });
  const seen = new Set<number>();
  const issues = errors
    .filter((e) => !seen.has(e.offset) && seen.add(e.offset))
    .map((e) => {
      const name = printParseErrorCode(e.error);
      return loadIssue([], `JSON syntax: ${JSON_ERRORS[name] ?? name}`, lineColumn(text, e.offset), 'syntax');
    });
  if (root === undefined && issues.length === 0)
    issues.push(loadIssue([], 'the file is empty', { line: 1, column: 1 }, 'syntax'));
  // JSON.parse keeps the last of two equal keys silently: a protocol must not.
  const duplicates = (node: JsonNode | undefined, path: (string | number)[]) => {
    if (!node?.children) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children) {
        const key = prop.children?.[0];
        if (!key || typeof key.value !== 'string') continue;
        if (seen.has(key.value))
          issues.push(
            loadIssue(
              [...path, key.value],
              `duplicate key "${key.value}"`,
              lineColumn(text, key.offset),
              'syntax',
            ),
          );
        seen.add(key.value);
        duplicates(prop.children?.[1], [...path, key.value]);
      }
    } else if (node.type === 'array') {
      node.children.forEach((c, i) => {
        duplicates(c, [...path, i]);
      });
    }
  };
  duplicates(root, []);
  let data: unknown;
  if (issues.length === 0) data = JSON.parse(text);
  return { data, map: jsonSourceMap(root, text), issues };
}

function parseYaml(text: string): Parsed {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const issues = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? counter.linePos(e.pos[0]);
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return loadIssue([], `YAML syntax: ${message}`, { line: pos.line, column: pos.col }, 'syntax');
  });
  const map = yamlSourceMap(doc, counter);
  let data: unknown;
  if (issues.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      issues.push(
        loadIssue(
          [],
          `YAML: ${cause instanceof Error ? cause.message : String(cause)}`,
          { line: 1, column: 1 },
          'syntax',
        ),
      );
    }
    if (issues.length === 0 && (data === null || data === undefined))
      issues.push(loadIssue([], 'the file is empty', { line: 1, column: 1 }, 'syntax'));
  }
  return { data, map, issues };
}

/**
 * Loads a protocol without throwing.
 * @example
 * const result = safeLoadProtocol('protocols/ic.yaml');
 * if (!result.success) for (const i of result.error.issues) console.log(`${i.line}:${i.column} ${i.message}`);
 */
export function safeLoadProtocol(source: string, options: LoadOptions = {}): LoadResult {
  let text = source;
  let filename = options.filename;
  const trimmed = source.trim();
  if (!trimmed.includes('\n') && FILE.test(trimmed)) {
    filename ??= trimmed;
    if (!existsSync(trimmed))
      return fail(filename, [loadIssue([], `file not found: ${trimmed}`, { line: 1, column: 1 }, 'file')]);
    try {
      text = readFileSync(trimmed, 'utf8');
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      return fail(filename, [loadIssue([], `cannot read the file: ${why}`, { line: 1, column: 1 }, 'file')]);
    }
  }
  const format =
    options.format ??
    (filename && FILE.test(filename)
      ? /\.json$/i.test(filename)
        ? 'json'
        : 'yaml'
      : /^\s*[{[]/.test(text)
        ? 'json'
        : 'yaml');
  filename ??= format === 'json' ? '<json>' : '<yaml>';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if (parsed.issues.length > 0) return fail(filename, parsed.issues);

  const schemaProblems = validateProtocolSchema(parsed.data);
  if (schemaProblems.length > 0)
    return fail(
      filename,
      schemaProblems.map((p) => loadIssue(p.path, p.message, parsed.map.locate(p.path), 'schema')),
    );

  const result = safeParseProtocol(parsed.data);
  if (!result.success)
    return fail(
      filename,
      result.error.issues.map((i) =>
        loadIssue(
          i.path,
          i.message,
          parsed.map.locate(i.path),
          i.kind === 'semantic' ? 'semantic' : 'schema',
        ),
      ),
    );
  return { success: true, data: result.data };
}

function fail(filename: string, issues: LoadIssue[]): LoadResult {
  const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
  return { success: false, error: new ProtocolLoadError(filename, sorted) };
}

/**
 * Loads a protocol from JSON or YAML text, or from a `.json`, `.yaml` or `.yml` file path: checks the
 * syntax, validates against the published JSON Schema with ajv, then runs `parseProtocol`. Nothing
 * in the file is executed.
 *
 * @throws {ProtocolLoadError} (code `INVALID_PROTOCOL`) with every problem, each with its line and
 * column, its JSON path and where it was found (`file`, `syntax`, `schema`, `semantic`).
 * @example
 * import { loadProtocol } from '@cpts/dsl';
 * const ic = loadProtocol('protocols/insuffisance-cardiaque.yaml');
 * const same = loadProtocol(readFileSync('ic.json', 'utf8'), { format: 'json', filename: 'ic.json' });
 */
export function loadProtocol(source: string, options: LoadOptions = {}): ProtocolDefinition {
  const result = safeLoadProtocol(source, options);
  if (!result.success) throw result.error;
  return result.data;
}

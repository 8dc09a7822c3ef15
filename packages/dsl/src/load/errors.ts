import { CptsError, formatPath } from '@cpts/core';

/** Where a load problem was found: reading the file, the syntax, the JSON Schema, or the semantic checks. */
export type LoadIssueSource = 'file' | 'syntax' | 'schema' | 'semantic';

/** One problem found while loading a protocol file, with its place in the source. */
export interface LoadIssue {
  /** JSON path of the offending value (empty for a syntax error). */
  readonly path: readonly (string | number)[];
  /** The same path as text: `steps[0].tasks[1].due`. */
  readonly pointer: string;
  readonly message: string;
  /** Line in the source, 1-based. */
  readonly line: number;
  /** Column in the source, 1-based. */
  readonly column: number;
  readonly source: LoadIssueSource;
}

/**
 * Thrown by `loadProtocol`: every problem of a JSON or YAML protocol, each with its line and column.
 * The message lists them as `file:line:column message`, the form editors and terminals link.
 */
export class ProtocolLoadError extends CptsError<'INVALID_PROTOCOL'> {
  readonly issues: readonly LoadIssue[];
  /** The file name (or the `filename` option) the positions refer to. */
  readonly filename: string;

  constructor(filename: string, issues: readonly LoadIssue[]) {
    const lines = issues.map(
      (i) =>
        `  ${filename}:${i.line}:${i.column} ${i.pointer === '(root)' ? '' : `${i.pointer}: `}${i.message}`,
    );
    super(
      'INVALID_PROTOCOL',
      `Cannot load protocol ${filename}: ${issues.length} problem${issues.length > 1 ? 's' : ''}\n${lines.join('\n')}`,
      { details: { filename, issues } },
    );
    this.name = 'ProtocolLoadError';
    this.filename = filename;
    this.issues = Object.freeze([...issues]);
  }
}

/** Builds a {@link LoadIssue}. */
export function loadIssue(
  path: readonly (string | number)[],
  message: string,
  at: { line: number; column: number },
  source: LoadIssueSource,
): LoadIssue {
  return { path: [...path], pointer: formatPath(path), message, line: at.line, column: at.column, source };
}

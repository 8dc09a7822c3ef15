/**
 * Where a JSON path sits in the source text: line and column (1-based) of the value, or of the key
 * when the path ends on an object member, or of the nearest enclosing value that exists.
 * @module
 */
import { findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';

/** A position in a source file, 1-based. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Finds the position of a JSON path in a parsed source. */
export interface SourceMap {
  locate(path: readonly (string | number)[]): SourcePosition;
}

/** Line and column (1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): SourcePosition {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** A source map over a YAML document parsed with a `LineCounter`. */
export function yamlSourceMap(doc: Document, counter: LineCounter): SourceMap {
  const at = (offset: number): SourcePosition => {
    const { line, col } = counter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path) {
      let node: unknown = doc.contents;
      let best = node && (node as YamlNode).range ? (node as YamlNode).range![0] : 0;
      for (const part of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
          );
          if (!pair) break;
          const key = pair.key as YamlNode;
          best = key.range?.[0] ?? best;
          node = pair.value;
          // A member points at its key; a member whose value is a collection keeps pointing at the key
          // until we go deeper.
        } else if (isSeq(node) && typeof part === 'number') {
          const item = node.items[part] as YamlNode | undefined;
          if (!item) break;
          best = item.range?.[0] ?? best;
          node = item;
        } else break;
      }
      return at(best);
    },
  };
}

/** A source map over a JSON text parsed with `jsonc-parser`'s `parseTree`. */
export function jsonSourceMap(root: JsonNode | undefined, text: string): SourceMap {
  return {
    locate(path) {
      if (!root) return { line: 1, column: 1 };
      for (let n = path.length; n >= 0; n--) {
        const node = findNodeAtLocation(root, path.slice(0, n) as (string | number)[]);
        if (!node) continue;
        // For an object member, point at its key.
        const member = node.parent?.type === 'property' ? node.parent : undefined;
        return lineColumn(text, member ? member.offset : node.offset);
      }
      return lineColumn(text, root.offset);
    },
  };
}

/**
 * The steps of a protocol and their guarded exits as a Mermaid state diagram.
 * @module
 */
import type { ProtocolDefinition, Step } from '@cpts/core';
import { conditionFr, type Names, namesOf } from './text.js';

function text(s: string): string {
  return s
    .replace(/"/g, "'")
    .replace(/[;#{}]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A Mermaid `stateDiagram-v2` of the steps: nested steps as composite states, parallel steps as
 * concurrent regions, exits labelled with their event and their guard in French. Deterministic.
 *
 * @example
 * import { toMermaid } from '@cpts/dsl';
 * writeFileSync('ic.mmd', toMermaid(protocol));
 */
export function toMermaid(protocol: ProtocolDefinition): string {
  const names = namesOf(protocol);
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const idOf = (stepId: string) => {
    let id = ids.get(stepId);
    if (id) return id;
    const base = stepId.replace(/[^A-Za-z0-9_]/g, '_');
    id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(stepId, id);
    return id;
  };
  const lines = ['stateDiagram-v2'];
  const level = (steps: Step[], initial: string | undefined, indent: string) => {
    for (const s of steps) lines.push(`${indent}state "${text(s.label.fr)}" as ${idOf(s.id)}`);
    const first = initial ?? steps[0]?.id;
    if (first !== undefined) lines.push(`${indent}[*] --> ${idOf(first)}`);
    for (const s of steps) {
      for (const exit of s.exits)
        lines.push(`${indent}${idOf(s.id)} --> ${idOf(exit.to)}${exitLabel(exit, names)}`);
      if (s.kind === 'final') lines.push(`${indent}${idOf(s.id)} --> [*]`);
    }
    for (const s of steps) {
      if (!s.steps?.length) continue;
      lines.push(`${indent}state ${idOf(s.id)} {`);
      if (s.kind === 'parallel') {
        s.steps.forEach((branch, i) => {
          if (i > 0) lines.push(`${indent}  --`);
          level([branch], undefined, `${indent}  `);
        });
      } else level(s.steps, s.initial, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  level(protocol.steps, protocol.initial, '  ');
  return `${lines.join('\n')}\n`;
}

function exitLabel(exit: Step['exits'][number], names: Names): string {
  const parts = [
    exit.label?.fr,
    exit.on !== undefined ? `sur « ${names.event(exit.on)} »` : undefined,
    exit.when ? `[${conditionFr(exit.when, names)}]` : undefined,
  ].filter((x): x is string => x !== undefined);
  return parts.length ? ` : ${text(parts.join(' '))}` : '';
}

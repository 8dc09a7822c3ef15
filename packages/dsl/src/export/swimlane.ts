/**
 * The *qui fait quoi quand* table: one row per role, one column per segment of the road, each cell
 * listing the tasks of that role in that segment with their windows — in Markdown and as SVG.
 * @module
 */
import { allTasks, type ProtocolDefinition } from '@cpts/core';
import { namesOf, windowFr } from './text.js';

/** One task in a cell of the swimlane. */
export interface SwimlaneEntry {
  readonly task: string;
  readonly label: string;
  /** Window and recurrence in French. */
  readonly when: string;
  readonly required: boolean;
  /** Id of the delegation under which the role performs the task, if any. */
  readonly delegation?: string;
}

/** The swimlane as data: roles × segments → tasks. */
export interface Swimlane {
  readonly roles: readonly { readonly id: string; readonly label: string }[];
  readonly segments: readonly { readonly id: string; readonly label: string }[];
  /** `cells[role][segment]`: the tasks, in definition order. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, readonly SwimlaneEntry[]>>>>;
}

/**
 * The swimlane of a protocol as data (the segments with at least one task, in road order).
 * @example
 * swimlane(protocol).cells.mg?.['suivi-ville']; // [{ task: 'consultation-mg', when: 'sous 7 jours après …', … }]
 */
export function swimlane(protocol: ProtocolDefinition): Swimlane {
  const names = namesOf(protocol);
  const cells: Record<string, Record<string, SwimlaneEntry[]>> = {};
  for (const r of protocol.roles) cells[r.id] = {};
  const usedSegments = new Set<string>();
  const add = (role: string, segment: string, entry: SwimlaneEntry) => {
    const row = cells[role];
    if (!row) return;
    const cell = row[segment] ?? [];
    cell.push(entry);
    row[segment] = cell;
    usedSegments.add(segment);
  };
  for (const { task, step } of allTasks(protocol)) {
    const segment = task.segment ?? step.segment;
    const base = {
      task: task.id,
      label: task.label.fr,
      when: windowFr(task, names),
      required: task.required,
    };
    for (const role of task.responsible) add(role, segment, base);
    for (const d of protocol.delegations)
      if (d.tasks.includes(task.id) && !task.responsible.includes(d.delegate))
        add(d.delegate, segment, { ...base, delegation: d.id });
  }
  const order = [...names.segmentOrder, ...[...usedSegments].filter((s) => !names.segmentOrder.includes(s))];
  return {
    roles: protocol.roles.map((r) => ({ id: r.id, label: r.label.fr })),
    segments: order.filter((s) => usedSegments.has(s)).map((id) => ({ id, label: names.segment(id) })),
    cells,
  };
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function entryText(e: SwimlaneEntry): string {
  const optional = e.required ? '' : ' (facultatif)';
  const delegated = e.delegation ? ` — par délégation « ${e.delegation} »` : '';
  return `${e.label}${optional} : ${e.when}${delegated}`;
}

/**
 * The *qui fait quoi quand* table in Markdown (French).
 * @example
 * import { toSwimlaneMarkdown } from '@cpts/dsl';
 * writeFileSync('qui-fait-quoi-quand.md', toSwimlaneMarkdown(protocol));
 */
export function toSwimlaneMarkdown(protocol: ProtocolDefinition): string {
  const s = swimlane(protocol);
  const lines = [
    `| Rôle | ${s.segments.map((g) => md(g.label)).join(' | ')} |`,
    `| --- | ${s.segments.map(() => '---').join(' | ')} |`,
  ];
  for (const r of s.roles) {
    const cells = s.segments.map((g) => {
      const entries = s.cells[r.id]?.[g.id] ?? [];
      return entries.length === 0 ? '—' : entries.map((e) => `• ${md(entryText(e))}`).join('<br>');
    });
    lines.push(`| **${md(r.label)}** | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Splits a text into lines of at most `width` characters, on spaces (never inside « … »). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  const glued = text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');
  for (const word of glued.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = '';
    }
    let w = word;
    while (w.length > width) {
      out.push(w.slice(0, width));
      w = w.slice(width);
    }
    line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

const FONT = 12;
const LINE = 16;
const PAD = 8;
const ROLE_WIDTH = 170;
const CELL_WIDTH = 230;
const CHARS_ROLE = 22;
const CHARS_CELL = 34;

/**
 * The *qui fait quoi quand* table as a self-contained SVG (no external font, style or script).
 * Deterministic: the same protocol always gives the same bytes.
 * @example
 * import { toSwimlaneSvg } from '@cpts/dsl';
 * writeFileSync('qui-fait-quoi-quand.svg', toSwimlaneSvg(protocol));
 */
export function toSwimlaneSvg(protocol: ProtocolDefinition): string {
  const s = swimlane(protocol);
  const header = s.segments.map((g) => wrap(g.label, CHARS_CELL));
  const headerHeight = Math.max(1, ...header.map((l) => l.length)) * LINE + 2 * PAD;
  type Line = { text: string; kind: 'title' | 'when' };
  const rows = s.roles.map((r) => {
    const label = wrap(r.label, CHARS_ROLE);
    const cells = s.segments.map((g) =>
      (s.cells[r.id]?.[g.id] ?? []).flatMap((e): Line[] => [
        ...wrap(`• ${e.label}${e.required ? '' : ' (facultatif)'}`, CHARS_CELL).map((text) => ({
          text,
          kind: 'title' as const,
        })),
        ...wrap(`${e.when}${e.delegation ? ` — délégation « ${e.delegation} »` : ''}`, CHARS_CELL - 2).map(
          (text) => ({
            text,
            kind: 'when' as const,
          }),
        ),
      ]),
    );
    const height = Math.max(1, label.length, ...cells.map((c) => c.length)) * LINE + 2 * PAD;
    return { label, cells, height };
  });
  const width = ROLE_WIDTH + CELL_WIDTH * s.segments.length;
  const height = headerHeight + rows.reduce((n, r) => n + r.height, 0);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT}">`,
    `<title>${xml(`Qui fait quoi, quand — ${protocol.title.fr}`)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="${width}" height="${headerHeight}" fill="#1f4e79"/>`,
  ];
  const textAt = (x: number, y: number, lines: string[], attrs: string) => {
    lines.forEach((l, i) => {
      out.push(`<text x="${x}" y="${y + (i + 1) * LINE - 4}"${attrs}>${xml(l)}</text>`);
    });
  };
  textAt(PAD, PAD, ['Rôle'], ' fill="#ffffff" font-weight="bold"');
  header.forEach((lines, i) => {
    textAt(ROLE_WIDTH + i * CELL_WIDTH + PAD, PAD, lines, ' fill="#ffffff" font-weight="bold"');
  });
  let y = headerHeight;
  rows.forEach((row, i) => {
    out.push(
      `<rect x="0" y="${y}" width="${width}" height="${row.height}" fill="${i % 2 === 0 ? '#f3f6fa' : '#ffffff'}"/>`,
    );
    textAt(PAD, y + PAD, row.label, ' font-weight="bold"');
    row.cells.forEach((lines, j) => {
      const x = ROLE_WIDTH + j * CELL_WIDTH + PAD;
      lines.forEach((l, k) => {
        out.push(
          `<text x="${l.kind === 'when' ? x + 10 : x}" y="${y + PAD + (k + 1) * LINE - 4}"${l.kind === 'when' ? ' fill="#555555" font-style="italic"' : ''}>${xml(l.text)}</text>`,
        );
      });
    });
    y += row.height;
    out.push(`<line x1="0" y1="${y}" x2="${width}" y2="${y}" stroke="#b0b8c4"/>`);
  });
  for (let j = 0; j <= s.segments.length; j++) {
    const x = ROLE_WIDTH + j * CELL_WIDTH;
    out.push(`<line x1="${x}" y1="0" x2="${x}" y2="${height}" stroke="#b0b8c4"/>`);
  }
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="none" stroke="#1f4e79"/>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

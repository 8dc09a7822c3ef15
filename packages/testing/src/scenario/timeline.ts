/**
 * A journey's history as a readable timeline, one line per entry:
 * `J+8 09:00  rupture.opened     consultation-mg (suivi-ville, Médecin traitant) due J+7 09:00`.
 * @module
 */
import type { HistoryEvent, ProtocolDefinition } from '@cpts/core';
import { formatJourneyDay, SCENARIO_TIME_ZONE } from './instant.js';

/** Options of {@link formatTimeline}. */
export interface TimelineOptions {
  /** The protocol, to print role, step and event labels beside their ids. */
  readonly protocol?: ProtocolDefinition | undefined;
  /** Only the last entries (default: all). */
  readonly last?: number | undefined;
  /** Leave out derived bookkeeping entries (`clock.advanced` without effect, `task.scheduled`). Default false. */
  readonly compact?: boolean | undefined;
  /** Time zone of the `J+n HH:MM` instants (default: the journey's, else Europe/Paris). */
  readonly timeZone?: string | undefined;
  /**
   * J0, the instant the journey started (epoch ms). Default: the `journey.started` entry, else the
   * first entry. Give it for a part of a history (the events of one command), so that its days
   * count from the journey's start, not from the first entry shown.
   */
  readonly start?: number | undefined;
}

type Labels = {
  role(id: string): string;
  step(id: string): string;
  event(id: string): string;
  segmentOfTask(task: string): string | undefined;
};

function labelsOf(protocol: ProtocolDefinition | undefined): Labels {
  if (!protocol)
    return { role: (id) => id, step: (id) => id, event: (id) => id, segmentOfTask: () => undefined };
  const roles = new Map(protocol.roles.map((r) => [r.id, r.label.fr]));
  const steps = new Map<string, string>();
  const taskSegments = new Map<string, string>();
  const visit = (list: ProtocolDefinition['steps']) => {
    for (const s of list) {
      steps.set(s.id, s.label.fr);
      for (const t of s.tasks) taskSegments.set(t.id, t.segment ?? s.segment);
      if (s.steps) visit(s.steps);
    }
  };
  visit(protocol.steps);
  const events = new Map(protocol.events.map((e) => [e.id, e.label.fr]));
  return {
    role: (id) => roles.get(id) ?? id,
    step: (id) => (steps.has(id) ? `${id} (${steps.get(id)})` : id),
    event: (id) => (events.has(id) ? `${id} (${events.get(id)})` : id),
    segmentOfTask: (task) => taskSegments.get(task),
  };
}

function value(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

function facts(f: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(f);
  return entries.length === 0 ? '(none)' : entries.map(([k, v]) => `${k}=${value(v)}`).join(', ');
}

function by(
  b: { actor: string; role?: string | undefined; delegation?: string | undefined } | undefined,
  labels: Labels,
): string {
  if (!b) return '';
  const role = b.role ? ` as ${labels.role(b.role)}` : '';
  const delegation = b.delegation ? ` under ${b.delegation}` : '';
  return ` by ${b.actor}${role}${delegation}`;
}

function describe(e: HistoryEvent, start: number, timeZone: string, labels: Labels): string {
  const day = (t: number) => formatJourneyDay(t, start, timeZone);
  const due = (t: number | undefined) => (t === undefined ? 'no due date' : `due ${day(t)}`);
  switch (e.type) {
    case 'journey.started':
      return `${e.protocol.id} ${e.protocol.version} — ${facts(e.facts)}${by(e.by, labels)}`;
    case 'facts.recorded':
      return `${facts(e.facts)}${by(e.by, labels)}${e.source ? ` (source ${e.source})` : ''}`;
    case 'event.recorded':
      return `${labels.event(e.event)}${e.data ? ` ${facts(e.data)}` : ''}${by(e.by, labels)}${e.source ? ` (source ${e.source})` : ''}`;
    case 'task.accepted':
      return `${e.instance}${by(e.by, labels)}`;
    case 'task.released':
      return `${e.instance}${by(e.by, labels)}${e.reason ? ` — ${e.reason}` : ''}`;
    case 'task.completed':
      return `${e.instance}${by(e.by, labels)}${e.source ? ` (observed by ${e.source})` : ''}${e.data ? ` ${facts(e.data)}` : ''}`;
    case 'task.waived':
      return `${e.instance}${by(e.by, labels)} — ${e.justification}`;
    case 'task.cancelled':
      return `${e.instance}${by(e.by, labels)} — ${e.reason}`;
    case 'delegation.handed-back':
      return `${e.delegation} on ${e.instance}${by(e.by, labels)} — ${e.reasons.join('; ')}`;
    case 'journey.rerouted':
      return `to ${labels.step(e.to)}${by(e.by, labels)} — ${e.justification}`;
    case 'clock.advanced':
      return '';
    case 'journey.closed':
    case 'journey.cancelled':
      return `${e.reason}${by(e.by, labels)}`;
    case 'journey.migrated':
      return `${e.from.version} → ${e.to.version}${by(e.by, labels)}`;
    case 'step.entered':
    case 'step.exited':
      return labels.step(e.step);
    case 'task.opened': {
      const segment = labels.segmentOfTask(e.task);
      const who = e.responsible.map(labels.role).join(', ');
      return `${e.instance} (${segment ? `${segment}, ` : ''}${who}) ${due(e.dueAt)}`;
    }
    case 'task.scheduled':
      return `${e.instance} ${due(e.dueAt)}`;
    case 'task.closed':
      return `${e.instance} ${e.status} — ${e.reason}`;
    case 'task.escalated':
      return `${e.instance} → ${labels.role(e.to)}`;
    case 'rupture.opened': {
      const r = e.rupture;
      const roles = r.roles.map(labels.role).join(', ');
      const what =
        r.kind === 'hand-back' ? `hand-back${r.delegation ? ` (${r.delegation})` : ''}` : due(r.dueAt);
      return `${r.task} (${r.segment}, ${roles}) ${what}${r.reason ? ` — ${r.reason}` : ''} [${r.id}]`;
    }
    case 'rupture.closed':
      return `${e.rupture} after ${e.delayDays} day${e.delayDays === 1 ? '' : 's'} late`;
    case 'complexity.changed':
      return `${e.from ?? '—'} → ${e.to ?? '—'}${e.rule === undefined ? ' (default)' : ` (rule ${e.rule + 1})`}`;
    case 'journey.completed':
      return `in ${labels.step(e.step)}`;
    case 'command.refused':
      return `${e.command}: ${e.code} — ${e.message}${by(e.by, labels)}`;
  }
}

/**
 * Renders a history as a timeline, one entry a line, instants as `J+n HH:MM` from the journey start, in its time zone.
 *
 * @example
 * console.log(formatTimeline(await engine.history(journeyId), { protocol: parseProtocol(ic) }));
 * // J0 09:00   journey.started    ic 1.0.0 — age=78, nyha="III"
 * // J+8 09:00  rupture.opened     consultation-mg (suivi-ville, Médecin traitant) due J+7 09:00 [r1]
 */
export function formatTimeline(history: readonly HistoryEvent[], options: TimelineOptions = {}): string {
  if (history.length === 0) return '(empty history)';
  const first = history.find((e) => e.type === 'journey.started');
  const start = options.start ?? first?.at ?? history[0]!.at;
  const timeZone =
    options.timeZone ??
    (first && 'timeZone' in first && typeof first.timeZone === 'string'
      ? first.timeZone
      : SCENARIO_TIME_ZONE);
  const labels = labelsOf(options.protocol);
  let entries = options.compact
    ? history.filter((e) => e.type !== 'clock.advanced' && e.type !== 'task.scheduled')
    : history;
  const skipped =
    options.last !== undefined && entries.length > options.last ? entries.length - options.last : 0;
  if (skipped > 0) entries = entries.slice(skipped);
  const rows = entries.map(
    (e) => [formatJourneyDay(e.at, start, timeZone), e.type, describe(e, start, timeZone, labels)] as const,
  );
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = rows.map(([when, type, text]) => `${when.padEnd(w0)}  ${type.padEnd(w1)}  ${text}`.trimEnd());
  return skipped > 0
    ? [`… ${skipped} earlier entr${skipped === 1 ? 'y' : 'ies'}`, ...lines].join('\n')
    : lines.join('\n');
}

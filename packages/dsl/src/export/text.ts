/**
 * French wording shared by the exporters: names of segments, anchors, windows, recurrences and
 * conditions, read from the protocol's own labels.
 * @module
 */
import {
  type Anchor,
  allTasks,
  BUILTIN_SEGMENTS,
  type Condition,
  type Criterion,
  formatDurationFr,
  type ProtocolDefinition,
  parseDuration,
  type Task,
} from '@cpts/core';

/** French names of the built-in segments of the road of the patient. */
export const SEGMENT_LABELS_FR: Readonly<Record<(typeof BUILTIN_SEGMENTS)[number], string>> = {
  diagnostic: 'Diagnostic et évaluation initiale',
  hospitalisation: 'Hospitalisation',
  sortie: "Sortie d'hospitalisation",
  'suivi-ville': 'Organisation du suivi en ville',
  traitement: 'Optimisation du traitement médicamenteux',
  'non-medicamenteux': 'Prise en charge non médicamenteuse',
  'prevention-tertiaire': 'Prévention tertiaire',
};

/** Labels of a protocol's roles, events, tasks, steps and segments, by id. */
export interface Names {
  role(id: string): string;
  event(id: string): string;
  task(id: string): string;
  step(id: string): string;
  segment(id: string): string;
  /** Segments in road order: the built-in ones, then the custom ones. */
  readonly segmentOrder: readonly string[];
}

/** The labels of a protocol, falling back to the id. */
export function namesOf(p: ProtocolDefinition): Names {
  const roles = new Map(p.roles.map((r) => [r.id, r.label.fr]));
  const events = new Map(p.events.map((e) => [e.id, e.label.fr]));
  const tasks = new Map(allTasks(p).map(({ task }) => [task.id, task.label.fr]));
  const steps = new Map<string, string>();
  const visit = (list: ProtocolDefinition['steps']) => {
    for (const s of list) {
      steps.set(s.id, s.label.fr);
      if (s.steps) visit(s.steps);
    }
  };
  visit(p.steps);
  const segments = new Map<string, string>([
    ...Object.entries(SEGMENT_LABELS_FR),
    ...p.segments.map((s) => [s.id, s.label.fr] as [string, string]),
  ]);
  return {
    role: (id) => roles.get(id) ?? id,
    event: (id) => events.get(id) ?? id,
    task: (id) => tasks.get(id) ?? id,
    step: (id) => steps.get(id) ?? id,
    segment: (id) => segments.get(id) ?? id,
    segmentOrder: [...BUILTIN_SEGMENTS, ...p.segments.map((s) => s.id)],
  };
}

/** What an anchor counts from, in French: `l'événement « Sortie »`. */
export function anchorFr(anchor: Anchor, names: Names): string {
  if (anchor === 'opened') return "l'ouverture de la tâche";
  if (anchor === 'journey-start') return 'le début du parcours';
  if (anchor === 'step-entry') return "l'entrée dans l'étape";
  if ('task' in anchor) return `la réalisation de « ${names.task(anchor.task)} »`;
  if ('event' in anchor) return `l'événement « ${names.event(anchor.event)} »`;
  return `la date « ${anchor.fact} »`;
}

const FEMININE = new Set(['weeks', 'hours', 'minutes', 'seconds']);
const SINGLE: Record<string, string> = {
  years: 'chaque année',
  months: 'chaque mois',
  weeks: 'chaque semaine',
  days: 'chaque jour',
  hours: 'chaque heure',
  minutes: 'chaque minute',
  seconds: 'chaque seconde',
};

/** A cadence in French: `P1W` → `chaque semaine`, `P3M` → `tous les 3 mois`, `P2W` → `toutes les 2 semaines`. */
export function everyFr(iso: string): string {
  const parts = Object.entries(parseDuration(iso)).filter(([, v]) => v !== 0);
  if (parts.length === 1) {
    const [unit, n] = parts[0]!;
    if (n === 1) return SINGLE[unit] ?? `tous les ${formatDurationFr(iso)}`;
    return `${FEMININE.has(unit) ? 'toutes' : 'tous'} les ${formatDurationFr(iso)}`;
  }
  return `tous les ${formatDurationFr(iso)}`;
}

/** When a task opens, in French, or `undefined` for the default (entry into its step). */
export function startFr(task: Task, names: Names): string | undefined {
  if (task.start === 'on-demand') return 'à la demande';
  if (typeof task.start === 'object') return `à chaque « ${names.event(task.start.event)} »`;
  return undefined;
}

/** The due window and recurrence of a task, in French: `sous 7 jours après l'événement « Sortie »`. */
export function windowFr(task: Task, names: Names): string {
  const parts: string[] = [];
  const start = startFr(task, names);
  if (start) parts.push(start);
  if (task.repeat) {
    const r = task.repeat;
    parts.push(
      ('every' in r ? everyFr(r.every) : `${r.perYear} fois par an`) + (r.count ? ` (${r.count} fois)` : ''),
    );
  }
  if (task.due) {
    const from = task.due.from === 'opened' ? '' : ` après ${anchorFr(task.due.from, names)}`;
    parts.push(`sous ${formatDurationFr(task.due.within)}${from}`);
  }
  if (parts.length === 0) parts.push('sans délai');
  return parts.join(', ');
}

const OPS: Record<string, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };
const STATUS_FR: Record<string, string> = {
  inactive: 'non ouverte',
  open: 'ouverte',
  accepted: 'acceptée',
  completed: 'réalisée',
  cancelled: 'annulée',
  waived: 'levée',
};

function scalarFr(v: string | number | boolean): string {
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return `« ${v} »`;
}

/** A condition in French: `age ≥ 75 et NYHA dans (« III », « IV »)`. */
export function conditionFr(c: Condition, names: Names): string {
  const group = (parts: Condition[], word: string) =>
    parts
      .map((x) => ('all' in x || 'any' in x ? `(${conditionFr(x, names)})` : conditionFr(x, names)))
      .join(` ${word} `);
  if ('all' in c) return group(c.all, 'et');
  if ('any' in c) return group(c.any, 'ou');
  if ('not' in c) return `non (${conditionFr(c.not, names)})`;
  if ('op' in c) return `${c.fact} ${OPS[c.op]} ${scalarFr(c.value)}`;
  if ('in' in c) return `${c.fact} parmi ${c.in.map(scalarFr).join(', ')}`;
  if ('exists' in c) return `${c.exists} renseigné`;
  if ('complexity' in c) return `complexité ${([] as string[]).concat(c.complexity).join(' ou ')}`;
  if ('task' in c)
    return `« ${names.task(c.task)} » ${([] as string[])
      .concat(c.status)
      .map((s) => STATUS_FR[s] ?? s)
      .join(' ou ')}`;
  if ('elapsed' in c) return `${formatDurationFr(c.elapsed)} écoulés depuis ${anchorFr(c.since, names)}`;
  if ('event' in c) return `« ${names.event(c.event)} » enregistré`;
  return 'tâches requises réalisées';
}

/** An indicator criterion in French. */
export function criterionFr(c: Criterion, names: Names): string {
  const group = (parts: Criterion[], word: string) =>
    parts
      .map((x) => ('all' in x || 'any' in x ? `(${criterionFr(x, names)})` : criterionFr(x, names)))
      .join(` ${word} `);
  if ('all' in c) return group(c.all, 'et');
  if ('any' in c) return group(c.any, 'ou');
  if ('not' in c) return `non (${criterionFr(c.not, names)})`;
  if ('started' in c) return 'parcours commencé';
  if ('stepReached' in c) return `étape « ${names.step(c.stepReached)} » atteinte`;
  if ('taskCompleted' in c) {
    const within = c.within ? ` sous ${formatDurationFr(c.within)}` : '';
    const from = c.within && c.from && c.from !== 'opened' ? ` après ${anchorFr(c.from, names)}` : '';
    return `« ${names.task(c.taskCompleted)} » réalisée${within}${from}`;
  }
  if ('taskWaived' in c) return `« ${names.task(c.taskWaived)} » levée`;
  if ('rupture' in c) {
    const what = [
      c.rupture.task ? `sur « ${names.task(c.rupture.task)} »` : '',
      c.rupture.segment ? `dans le segment « ${names.segment(c.rupture.segment)} »` : '',
    ].filter(Boolean);
    return `rupture${what.length ? ` ${what.join(' ')}` : ''}`;
  }
  if ('event' in c) return `« ${names.event(c.event)} » enregistré`;
  return conditionFr(c.condition, names);
}

/**
 * A protocol as a FHIR R4 `PlanDefinition` (type `clinical-protocol`): steps as groups of actions,
 * tasks as actions with their participants, timings, related-action offsets and conditions.
 * @module
 */
import {
  type Anchor,
  type Condition,
  canonicalJson,
  type Duration,
  type ProtocolDefinition,
  parseDuration,
  type Role,
  type Step,
  type Task,
} from '@cpts/core';
import { conditionFr, type Names, namesOf, windowFr } from './text.js';

/** Base of the URIs cpts uses for its code systems and extensions in FHIR resources. */
export const CPTS_FHIR = 'urn:cpts:fhir';
/** Extension: what a due window counts from, when it is not another action (`event:sortie`, `step-entry`…). */
export const EXT_DUE_FROM = `${CPTS_FHIR}:due-from`;
/** Extension: the due window of a recurring action (its `timing[x]` holds the recurrence). */
export const EXT_DUE_WITHIN = `${CPTS_FHIR}:due-within`;
/** Extension: the exact ISO 8601 text of a duration that FHIR's single unit cannot hold. */
export const EXT_ISO_DURATION = `${CPTS_FHIR}:iso8601-duration`;
/** Extension: an action opened on demand (by a miss policy, a hand-back or a delegation obligation). */
export const EXT_ON_DEMAND = `${CPTS_FHIR}:on-demand`;
/** Extension: the role a missed deadline escalates to. */
export const EXT_ESCALATE_TO = `${CPTS_FHIR}:escalate-to`;
/** Extension on a participant: the delegation under which that role performs the action. */
export const EXT_DELEGATION = `${CPTS_FHIR}:delegation`;
/** Code system of the protocol's roles. */
export const ROLE_SYSTEM = `${CPTS_FHIR}:role`;
/** Code system of the segments of the road of the patient. */
export const SEGMENT_SYSTEM = `${CPTS_FHIR}:segment`;
const UCUM = 'http://unitsofmeasure.org';

/** FHIR R4 `Extension` (the value types cpts uses). */
export interface FhirExtension {
  url: string;
  valueString?: string;
  valueBoolean?: boolean;
  valueDuration?: FhirDuration;
}
/** FHIR R4 `Coding`. */
export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
}
/** FHIR R4 `CodeableConcept`. */
export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}
/** FHIR R4 `Duration` (UCUM units). */
export interface FhirDuration {
  value?: number;
  unit?: string;
  system?: string;
  code?: string;
  extension?: FhirExtension[];
}
/** UCUM units of a FHIR `Timing` period. */
export type FhirPeriodUnit = 's' | 'min' | 'h' | 'd' | 'wk' | 'mo' | 'a';
/** FHIR R4 `Timing` (the recurrence part). */
export interface FhirTiming {
  repeat?: { count?: number; frequency?: number; period?: number; periodUnit?: FhirPeriodUnit };
}
/**
 * FHIR R4 `Expression`: the condition in French (`description`) and as JSON (`expression`), in the
 * language `application/json` — allowed by R4's extensible ExpressionLanguage binding.
 */
export interface FhirExpression {
  description?: string;
  language: 'application/json';
  expression?: string;
}
/** FHIR R4 `RelatedArtifact`. */
export interface FhirRelatedArtifact {
  type:
    | 'documentation'
    | 'justification'
    | 'citation'
    | 'predecessor'
    | 'successor'
    | 'derived-from'
    | 'depends-on'
    | 'composed-of';
  label?: string;
  display?: string;
  citation?: string;
  url?: string;
}
/** FHIR R4 `PlanDefinition.action.relatedAction`. */
export interface FhirRelatedAction {
  actionId: string;
  relationship:
    | 'before-start'
    | 'before'
    | 'before-end'
    | 'concurrent-with-start'
    | 'concurrent'
    | 'concurrent-with-end'
    | 'after-start'
    | 'after'
    | 'after-end';
  offsetDuration?: FhirDuration;
}
/** FHIR R4 `PlanDefinition.action.participant`. */
export interface FhirParticipant {
  type: 'patient' | 'practitioner' | 'related-person' | 'device';
  role?: FhirCodeableConcept;
  extension?: FhirExtension[];
}
/** FHIR R4 `PlanDefinition.action`. */
export interface FhirPlanDefinitionAction {
  id?: string;
  extension?: FhirExtension[];
  title?: string;
  description?: string;
  textEquivalent?: string;
  code?: FhirCodeableConcept[];
  documentation?: FhirRelatedArtifact[];
  trigger?: { type: 'named-event'; name: string }[];
  condition?: { kind: 'applicability' | 'start' | 'stop'; expression?: FhirExpression }[];
  relatedAction?: FhirRelatedAction[];
  timingDuration?: FhirDuration;
  timingTiming?: FhirTiming;
  participant?: FhirParticipant[];
  groupingBehavior?: 'visual-group' | 'logical-group' | 'sentence-group';
  selectionBehavior?: 'any' | 'all' | 'all-or-none' | 'exactly-one' | 'at-most-one' | 'one-or-more';
  requiredBehavior?: 'must' | 'could' | 'must-unless-documented';
  action?: FhirPlanDefinitionAction[];
}
/** FHIR R4 `PlanDefinition` as produced by {@link toFhirPlanDefinition}. */
export interface FhirPlanDefinition {
  resourceType: 'PlanDefinition';
  id?: string;
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  type?: FhirCodeableConcept;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  date?: string;
  publisher?: string;
  contact?: { name?: string; telecom?: { system?: 'email'; value?: string }[] }[];
  description?: string;
  purpose?: string;
  usage?: string;
  relatedArtifact?: FhirRelatedArtifact[];
  goal?: { description: FhirCodeableConcept }[];
  action?: FhirPlanDefinitionAction[];
}

/** Options of {@link toFhirPlanDefinition}. */
export interface FhirOptions {
  /** Publication status of the resource (default `draft`). */
  status?: FhirPlanDefinition['status'];
}

const UNITS: readonly [keyof ReturnType<typeof parseDuration>, FhirPeriodUnit, string, number][] = [
  // unit, UCUM code, French word, seconds (for fixed units; months and years are calendar units)
  ['years', 'a', 'an', 0],
  ['months', 'mo', 'mois', 0],
  ['weeks', 'wk', 'semaine', 604_800],
  ['days', 'd', 'jour', 86_400],
  ['hours', 'h', 'heure', 3_600],
  ['minutes', 'min', 'minute', 60],
  ['seconds', 's', 'seconde', 1],
];

/**
 * An ISO 8601 duration as a value and a UCUM unit. A duration of one unit maps exactly; a compound
 * one is expressed in its smallest unit (months for years and months) with the ISO text kept in an
 * extension, approximated (30-day months) only when it mixes calendar and fixed units.
 */
export function isoToFhirDuration(iso: Duration): FhirDuration {
  const parts = parseDuration(iso);
  const present = UNITS.filter(([k]) => parts[k] !== undefined && parts[k] !== 0);
  const word = (n: number, w: string) => (n === 1 || w === 'mois' ? w : `${w}s`);
  if (present.length <= 1) {
    const [k, code, w] = present[0] ?? UNITS[3]!;
    const value = parts[k] ?? 0;
    return { value, unit: word(value, w), system: UCUM, code };
  }
  const calendar = present.filter(([, , , s]) => s === 0);
  const fixed = present.filter(([, , , s]) => s !== 0);
  let value: number;
  let unit: (typeof UNITS)[number];
  if (fixed.length === 0) {
    unit = UNITS[1]!;
    value = (parts.years ?? 0) * 12 + (parts.months ?? 0);
  } else {
    unit = fixed[fixed.length - 1]!;
    const seconds =
      fixed.reduce((n, [k, , , s]) => n + (parts[k] ?? 0) * s, 0) +
      calendar.reduce((n, [k]) => n + (parts[k] ?? 0) * (k === 'years' ? 365 : 30) * 86_400, 0);
    value = seconds / unit[3];
  }
  return {
    value,
    unit: word(value, unit[2]),
    system: UCUM,
    code: unit[1],
    extension: [{ url: EXT_ISO_DURATION, valueString: iso }],
  };
}

/** Reads back a FHIR `Duration` written by {@link isoToFhirDuration} as ISO 8601. */
export function fhirDurationToIso(d: FhirDuration): Duration {
  const exact = d.extension?.find((e) => e.url === EXT_ISO_DURATION)?.valueString;
  if (exact) return exact;
  const n = d.value ?? 0;
  switch (d.code) {
    case 'a':
      return `P${n}Y`;
    case 'mo':
      return `P${n}M`;
    case 'wk':
      return `P${n}W`;
    case 'd':
      return `P${n}D`;
    case 'h':
      return `PT${n}H`;
    case 'min':
      return `PT${n}M`;
    default:
      return `PT${n}S`;
  }
}

function periodOf(iso: Duration): { period: number; periodUnit: FhirPeriodUnit } {
  const d = isoToFhirDuration(iso);
  return { period: d.value ?? 0, periodUnit: (d.code ?? 'd') as FhirPeriodUnit };
}

function anchorCode(anchor: Anchor): string {
  if (typeof anchor === 'string') return anchor;
  if ('event' in anchor) return `event:${anchor.event}`;
  if ('fact' in anchor) return `fact:${anchor.fact}`;
  return `task:${anchor.task}`;
}

function participantType(kind: Role['kind']): FhirParticipant['type'] {
  if (kind === 'patient') return 'patient';
  if (kind === 'aidant') return 'related-person';
  return 'practitioner';
}

function expression(c: Condition, names: Names): FhirExpression {
  return { description: conditionFr(c, names), language: 'application/json', expression: canonicalJson(c) };
}

function fhirName(id: string): string {
  const name = id
    .split(/[-_]/)
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : ''))
    .join('');
  return /^[A-Z]/.test(name) ? name : `P${name}`;
}

/**
 * Exports a protocol as a FHIR R4 `PlanDefinition`. Pure and deterministic.
 *
 * - each step is a `logical-group` action (parallel steps select `all`), exits become
 *   `relatedAction` `before-start` to the next step, a `named-event` trigger on it and a `stop`
 *   condition on the step;
 * - each task is an action with its `participant`s (type from the role kind, role coded in
 *   `urn:cpts:fhir:role`), `requiredBehavior`, a `named-event` trigger when it opens on an event, an
 *   `applicability` condition (French text, and the condition as JSON), its window as
 *   `timingDuration` (or `timingTiming` for a recurrence), and a `relatedAction` `after-end` with
 *   `offsetDuration` when it is due after another task;
 * - sources become `relatedArtifact` citations, the objectives `goal`s.
 *
 * @example
 * import { toFhirPlanDefinition } from '@cpts/dsl';
 * writeFileSync('ic.plandefinition.json', JSON.stringify(toFhirPlanDefinition(protocol), null, 2));
 */
export function toFhirPlanDefinition(
  protocol: ProtocolDefinition,
  options: FhirOptions = {},
): FhirPlanDefinition {
  const names = namesOf(protocol);
  const f = protocol.fiche;
  const roles = new Map(protocol.roles.map((r) => [r.id, r]));
  const sources = new Map(f.sources.map((s) => [s.id, s]));
  const triggers = new Map<string, Set<string>>();
  const collectTriggers = (steps: Step[]) => {
    for (const s of steps) {
      for (const e of s.exits)
        if (e.on) (triggers.get(e.to) ?? triggers.set(e.to, new Set()).get(e.to)!).add(e.on);
      if (s.steps) collectTriggers(s.steps);
    }
  };
  collectTriggers(protocol.steps);

  const participant = (roleId: string, delegation?: string): FhirParticipant => {
    const role = roles.get(roleId);
    const label = role?.label.fr ?? roleId;
    return {
      type: participantType(role?.kind ?? 'professionnel'),
      role: { coding: [{ system: ROLE_SYSTEM, code: roleId, display: label }], text: label },
      ...(delegation ? { extension: [{ url: EXT_DELEGATION, valueString: delegation }] } : {}),
    };
  };
  const documentation = (ids: (string | undefined)[]): FhirRelatedArtifact[] =>
    [...new Set(ids.filter((x): x is string => x !== undefined))].map((id) => ({
      type: 'citation',
      label: id,
      display: sources.get(id)?.title ?? id,
    }));

  const taskAction = (task: Task, step: Step): FhirPlanDefinitionAction => {
    const action: FhirPlanDefinitionAction = { id: task.id, title: task.label.fr };
    const extension: FhirExtension[] = [];
    if (task.description) action.description = task.description;
    action.textEquivalent = `${task.responsible.map((r) => names.role(r)).join(' ou ')} : ${task.label.fr} (${windowFr(task, names)})`;
    action.code = [
      {
        coding: [
          {
            system: SEGMENT_SYSTEM,
            code: task.segment ?? step.segment,
            display: names.segment(task.segment ?? step.segment),
          },
        ],
      },
    ];
    const docs = documentation([task.due?.source, task.repeat?.source]);
    if (docs.length) action.documentation = docs;
    if (typeof task.start === 'object') action.trigger = [{ type: 'named-event', name: task.start.event }];
    if (task.start === 'on-demand') extension.push({ url: EXT_ON_DEMAND, valueBoolean: true });
    if (task.when) action.condition = [{ kind: 'applicability', expression: expression(task.when, names) }];
    if (task.repeat) {
      const r = task.repeat;
      const repeat: NonNullable<FhirTiming['repeat']> =
        'every' in r
          ? { frequency: 1, ...periodOf(r.every) }
          : { frequency: r.perYear, period: 1, periodUnit: 'a' };
      if (r.count !== undefined) repeat.count = r.count;
      action.timingTiming = { repeat };
      if (task.due)
        extension.push({ url: EXT_DUE_WITHIN, valueDuration: isoToFhirDuration(task.due.within) });
    } else if (task.due) action.timingDuration = isoToFhirDuration(task.due.within);
    if (task.due && task.due.from !== 'opened') {
      const from = task.due.from;
      if (typeof from === 'object' && 'task' in from)
        action.relatedAction = [
          {
            actionId: from.task,
            relationship: 'after-end',
            offsetDuration: isoToFhirDuration(task.due.within),
          },
        ];
      else extension.push({ url: EXT_DUE_FROM, valueString: anchorCode(from) });
    }
    if (task.onMiss?.escalateTo)
      extension.push({ url: EXT_ESCALATE_TO, valueString: task.onMiss.escalateTo });
    const delegates = protocol.delegations
      .filter((d) => d.tasks.includes(task.id) && !task.responsible.includes(d.delegate))
      .map((d) => participant(d.delegate, d.id));
    action.participant = [...task.responsible.map((r) => participant(r)), ...delegates];
    action.requiredBehavior = task.required ? 'must' : 'could';
    if (extension.length) action.extension = extension;
    return action;
  };

  const stepAction = (step: Step): FhirPlanDefinitionAction => {
    const action: FhirPlanDefinitionAction = {
      id: step.id,
      title: step.label.fr,
      ...(step.description ? { description: step.description } : {}),
      code: [
        { coding: [{ system: SEGMENT_SYSTEM, code: step.segment, display: names.segment(step.segment) }] },
      ],
    };
    const on = triggers.get(step.id);
    if (on) action.trigger = [...on].map((name) => ({ type: 'named-event', name }));
    const stops = step.exits.filter((e) => e.when);
    if (stops.length)
      action.condition = stops.map((e) => ({ kind: 'stop', expression: expression(e.when!, names) }));
    if (step.exits.length)
      action.relatedAction = [...new Set(step.exits.map((e) => e.to))].map((to) => ({
        actionId: to,
        relationship: 'before-start',
      }));
    action.groupingBehavior = 'logical-group';
    action.selectionBehavior = 'all';
    const children = [...step.tasks.map((t) => taskAction(t, step)), ...(step.steps ?? []).map(stepAction)];
    if (children.length) action.action = children;
    return action;
  };

  const plan: FhirPlanDefinition = {
    resourceType: 'PlanDefinition',
    id: protocol.id,
    url: `urn:cpts:protocol:${protocol.id}`,
    version: protocol.version,
    name: fhirName(protocol.id),
    title: protocol.title.fr,
    type: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/plan-definition-type',
          code: 'clinical-protocol',
          display: 'Clinical Protocol',
        },
      ],
    },
    status: options.status ?? 'draft',
  };
  const date = f.dateModification ?? f.dateCreation;
  if (date) plan.date = date;
  if (f.structurePorteuse) plan.publisher = f.structurePorteuse;
  if (f.referent)
    plan.contact = [
      {
        name: f.referent.nom,
        ...(f.referent.email ? { telecom: [{ system: 'email', value: f.referent.email }] } : {}),
      },
    ];
  if (f.objectifGeneral) plan.description = f.objectifGeneral;
  if (f.populationCible) plan.usage = `Population cible : ${f.populationCible}`;
  if (f.sources.length)
    plan.relatedArtifact = f.sources.map((s) => ({
      type: 'citation',
      label: s.id,
      display: s.title,
      citation:
        [s.publisher, s.year?.toString(), s.caveat ? `⚠ ${s.caveat}` : undefined]
          .filter(Boolean)
          .join(', ') || s.kind,
      ...(s.url ? { url: s.url } : {}),
    }));
  const goals = [f.objectifGeneral, ...(f.objectifsSecondaires ?? [])].filter((g): g is string => !!g);
  if (goals.length) plan.goal = goals.map((text) => ({ description: { text } }));
  plan.action = protocol.steps.map(stepAction);
  return plan;
}

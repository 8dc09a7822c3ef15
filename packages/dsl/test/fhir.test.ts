import { type Anchor, allTasks, type Task } from '@cpts/core';
import { describe, expect, test } from 'vitest';
import {
  EXT_DUE_FROM,
  EXT_DUE_WITHIN,
  EXT_ISO_DURATION,
  EXT_ON_DEMAND,
  type FhirDuration,
  type FhirPlanDefinition,
  type FhirPlanDefinitionAction,
  fhirDurationToIso,
  isoToFhirDuration,
  ROLE_SYSTEM,
  toFhirPlanDefinition,
} from '../src/index.js';
import { icSortie } from './fixtures/ic-sortie.js';

const plan = toFhirPlanDefinition(icSortie);

function actions(list: FhirPlanDefinitionAction[] | undefined): FhirPlanDefinitionAction[] {
  return (list ?? []).flatMap((a) => [a, ...actions(a.action)]);
}

/** Structural checks of the FHIR R4 rules the export relies on (cardinalities, choice types, codes). */
function checkPlanDefinition(p: FhirPlanDefinition): string[] {
  const problems: string[] = [];
  if (p.resourceType !== 'PlanDefinition') problems.push('resourceType');
  if (!['draft', 'active', 'retired', 'unknown'].includes(p.status)) problems.push('status');
  if (p.name !== undefined && !/^[A-Z]([A-Za-z0-9_]){0,254}$/.test(p.name)) problems.push(`name ${p.name}`);
  if (p.date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(p.date)) problems.push(`date ${p.date}`);
  for (const g of p.goal ?? []) if (!g.description) problems.push('goal.description is 1..1');
  const ids = new Set<string>();
  const duration = (d: FhirDuration, at: string) => {
    if (
      typeof d.value !== 'number' ||
      d.system !== 'http://unitsofmeasure.org' ||
      !['s', 'min', 'h', 'd', 'wk', 'mo', 'a'].includes(d.code ?? '')
    )
      problems.push(`${at}: not a UCUM Duration`);
  };
  for (const a of actions(p.action)) {
    const at = `action ${a.id}`;
    if (!a.id || ids.has(a.id)) problems.push(`${at}: id missing or not unique`);
    ids.add(a.id ?? '');
    if (a.timingDuration && a.timingTiming) problems.push(`${at}: timing[x] is a choice: one type only`);
    if (a.timingDuration) duration(a.timingDuration, `${at}.timingDuration`);
    if (a.timingTiming?.repeat) {
      const r = a.timingTiming.repeat;
      if (typeof r.period !== 'number' || !r.periodUnit)
        problems.push(`${at}: Timing.repeat needs period and periodUnit`);
    }
    for (const pa of a.participant ?? [])
      if (!['patient', 'practitioner', 'related-person', 'device'].includes(pa.type))
        problems.push(`${at}: participant.type`);
    for (const c of a.condition ?? [])
      if (!['applicability', 'start', 'stop'].includes(c.kind) || !c.expression?.language)
        problems.push(`${at}: condition`);
    for (const t of a.trigger ?? []) if (t.type !== 'named-event' || !t.name) problems.push(`${at}: trigger`);
    for (const e of a.extension ?? [])
      if (!/^(urn:|https?:)/.test(e.url)) problems.push(`${at}: extension.url`);
  }
  for (const a of actions(p.action))
    for (const r of a.relatedAction ?? []) {
      if (!ids.has(r.actionId))
        problems.push(`action ${a.id}: relatedAction to unknown action ${r.actionId}`);
      if (r.offsetDuration) duration(r.offsetDuration, `action ${a.id}.relatedAction.offsetDuration`);
    }
  return problems;
}

/** Reads tasks and timings back from a PlanDefinition written by `toFhirPlanDefinition`. */
function fromFhirPlanDefinition(p: FhirPlanDefinition) {
  return actions(p.action)
    .filter((a) => a.participant)
    .map((a) => {
      const ext = (url: string) => a.extension?.find((e) => e.url === url);
      const related = a.relatedAction?.find((r) => r.relationship === 'after-end');
      const within = a.timingDuration ?? ext(EXT_DUE_WITHIN)?.valueDuration ?? related?.offsetDuration;
      const fromCode = ext(EXT_DUE_FROM)?.valueString;
      const from: Anchor = related
        ? { task: related.actionId }
        : fromCode?.startsWith('event:')
          ? { event: fromCode.slice(6) }
          : fromCode?.startsWith('fact:')
            ? { fact: fromCode.slice(5) }
            : ((fromCode as Anchor | undefined) ?? 'opened');
      const r = a.timingTiming?.repeat;
      const unit = { a: 'Y', mo: 'M', wk: 'W', d: 'D', h: 'H', min: 'M', s: 'S' } as const;
      const every =
        r && r.frequency === 1 && r.periodUnit
          ? `P${['h', 'min', 's'].includes(r.periodUnit) ? 'T' : ''}${r.period}${unit[r.periodUnit]}`
          : undefined;
      return {
        id: a.id,
        responsible: (a.participant ?? [])
          .filter((pa) => !pa.extension?.length)
          .map((pa) => pa.role?.coding?.find((c) => c.system === ROLE_SYSTEM)?.code),
        required: a.requiredBehavior === 'must',
        start: ext(EXT_ON_DEMAND) ? 'on-demand' : a.trigger ? { event: a.trigger[0]!.name } : 'step-entry',
        due: within ? { within: fhirDurationToIso(within), from } : undefined,
        repeat: r
          ? every
            ? { every, count: r.count }
            : { perYear: r.frequency, count: r.count }
          : undefined,
      };
    });
}

function expected(task: Task) {
  return {
    id: task.id,
    responsible: task.responsible,
    required: task.required,
    start: task.start,
    due: task.due ? { within: task.due.within, from: task.due.from } : undefined,
    repeat: task.repeat
      ? 'every' in task.repeat
        ? { every: task.repeat.every, count: task.repeat.count }
        : { perYear: task.repeat.perYear, count: task.repeat.count }
      : undefined,
  };
}

describe('FHIR R4 PlanDefinition', () => {
  test('has the structure FHIR R4 requires', () => {
    expect(checkPlanDefinition(plan)).toEqual([]);
    expect(plan).toMatchObject({
      resourceType: 'PlanDefinition',
      id: 'ic-sortie',
      name: 'IcSortie',
      version: '1.0.0',
      status: 'draft',
      date: '2025-01',
      type: { coding: [{ code: 'clinical-protocol' }] },
    });
    expect(plan.relatedArtifact?.map((r) => r.label)).toEqual(icSortie.fiche.sources.map((s) => s.id));
  });

  test('a task due after another task carries a relatedAction with offsetDuration', () => {
    const p = toFhirPlanDefinition({
      ...icSortie,
      steps: icSortie.steps.map((s) =>
        s.id !== 'hospitalisation'
          ? s
          : {
              ...s,
              tasks: [
                ...s.tasks,
                {
                  id: 'rappel',
                  label: { fr: 'Rappel' },
                  responsible: ['cam'],
                  required: true,
                  start: 'step-entry',
                  due: { within: 'P2D', from: { task: 'eligibilite-prado' }, source: 'equipe' },
                },
              ],
            },
      ),
    });
    const rappel = actions(p.action).find((a) => a.id === 'rappel')!;
    expect(rappel.relatedAction).toEqual([
      {
        actionId: 'eligibilite-prado',
        relationship: 'after-end',
        offsetDuration: { value: 2, unit: 'jours', system: 'http://unitsofmeasure.org', code: 'd' },
      },
    ]);
    expect(checkPlanDefinition(p)).toEqual([]);
    expect(fromFhirPlanDefinition(p).find((t) => t.id === 'rappel')?.due).toEqual({
      within: 'P2D',
      from: { task: 'eligibilite-prado' },
    });
  });

  test('round-trips every task and its timings', () => {
    const back = fromFhirPlanDefinition(plan);
    expect(back).toEqual(allTasks(icSortie).map(({ task }) => expected(task)));
  });

  test('recurring tasks use timingTiming, one-off windows timingDuration (timing[x] is a choice)', () => {
    const byId = new Map(actions(plan.action).map((a) => [a.id, a]));
    expect(byId.get('consultation-mg')?.timingDuration).toEqual({
      value: 7,
      unit: 'jours',
      system: 'http://unitsofmeasure.org',
      code: 'd',
    });
    expect(byId.get('visite-ide')?.timingTiming).toEqual({
      repeat: { frequency: 1, period: 1, periodUnit: 'wk', count: 8 },
    });
    expect(byId.get('visite-ide')?.timingDuration).toBeUndefined();
    expect(byId.get('alerte-epof')?.trigger).toEqual([{ type: 'named-event', name: 'epof' }]);
    expect(byId.get('entretien-cam')?.condition?.[0]?.expression).toEqual({
      description: 'eligiblePrado = oui',
      language: 'application/json',
      expression: '{"fact":"eligiblePrado","op":"eq","value":true}',
    });
    expect(byId.get('titration')?.participant?.map((p) => p.role?.coding?.[0]?.code)).toEqual([
      'cardiologue',
      'ide',
    ]);
  });

  test('durations: one unit maps exactly, a compound one keeps its ISO text', () => {
    expect(isoToFhirDuration('PT48H')).toEqual({
      value: 48,
      unit: 'heures',
      system: 'http://unitsofmeasure.org',
      code: 'h',
    });
    expect(isoToFhirDuration('P1Y6M')).toMatchObject({
      value: 18,
      code: 'mo',
      extension: [{ url: EXT_ISO_DURATION, valueString: 'P1Y6M' }],
    });
    expect(isoToFhirDuration('P1DT12H')).toMatchObject({ value: 36, code: 'h' });
    for (const iso of ['P7D', 'PT48H', 'P2M', 'P1Y', 'P2W', 'PT30M', 'P1Y6M', 'P1DT12H', 'P1M15D'])
      expect(fhirDurationToIso(isoToFhirDuration(iso))).toBe(iso);
  });

  test('is deterministic and does not touch the protocol', () => {
    expect(JSON.stringify(toFhirPlanDefinition(icSortie))).toBe(JSON.stringify(plan));
    expect(toFhirPlanDefinition(icSortie, { status: 'active' }).status).toBe('active');
  });
});

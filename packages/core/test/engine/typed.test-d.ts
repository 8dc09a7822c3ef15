// Type tests of the typed engine API (issue 3, point 11): with a protocol written in TypeScript
// (`defineProtocol`), unknown task, role, step, event, delegation and fact names do not compile;
// with a protocol loaded from JSON (`ProtocolDefinition`), every name is a plain `string`.
import {
  type Actor,
  createEngine,
  type DelegationIdOf,
  type EventIdOf,
  type FactsOf,
  type JourneyView,
  type ProtocolDefinition,
  type ProtocolJourneys,
  type RoleIdOf,
  type StepIdOf,
  type TaskDataOf,
  type TaskIdOf,
} from '@cpts/core';
import { describe, expectTypeOf, test } from 'vitest';
import { kine, trained } from './kine.js';
import { drMartin, sortie } from './protocols.js';

type Sortie = typeof sortie;
type Kine = typeof kine;

const engine = createEngine({ protocols: [sortie, kine] });
const ic = engine.for(sortie);
const k = engine.for(kine);

describe('type helpers read the ids of a protocol written in TypeScript', () => {
  test('tasks, roles, steps (nested ones too), events, delegations', () => {
    expectTypeOf<TaskIdOf<Sortie>>().toEqualTypeOf<
      'lettre-liaison' | 'consultation-mg' | 'visite-ide' | 'pps'
    >();
    expectTypeOf<RoleIdOf<Sortie>>().toEqualTypeOf<'mg' | 'ide' | 'cardio' | 'hopital' | 'dac'>();
    expectTypeOf<StepIdOf<Sortie>>().toEqualTypeOf<
      'hospitalisation' | 'suivi' | 'suivi-mg' | 'suivi-ide' | 'coordination' | 'fin'
    >();
    expectTypeOf<EventIdOf<Sortie>>().toEqualTypeOf<'sortie' | 'prise-de-poids'>();
    expectTypeOf<DelegationIdOf<Kine>>().toEqualTypeOf<'entorse'>();
    // A protocol without delegations has none.
    expectTypeOf<DelegationIdOf<Sortie>>().toBeNever();
  });

  test('facts are typed from their JSON Schema, each optional', () => {
    expectTypeOf<FactsOf<Sortie>>().toEqualTypeOf<{ age?: number; vitSeul?: boolean; nyha?: number }>();
    expectTypeOf<FactsOf<Kine>>().toEqualTypeOf<{
      age?: number;
      consentement?: boolean;
      appuiImpossible24h?: boolean;
      plaie?: boolean;
    }>();
  });

  test('task data is typed from the task data schema; a task without one takes a record', () => {
    expectTypeOf<TaskDataOf<Sortie, 'consultation-mg'>>().toEqualTypeOf<{ poids?: number }>();
    expectTypeOf<TaskDataOf<Sortie, 'lettre-liaison'>>().toEqualTypeOf<Record<string, unknown>>();
  });
});

describe('engine.for(protocol) rejects unknown names at compile time', () => {
  test('tasks', () => {
    ic.perform('p1', 'consultation-mg', { actor: drMartin });
    ic.perform('p1', 'visite-ide#2', { actor: drMartin });
    // @ts-expect-error unknown task
    ic.perform('p1', 'consultation-cardio', { actor: drMartin });
    // @ts-expect-error unknown task in an occurrence reference
    ic.perform('p1', 'consultation-cardio#1', { actor: drMartin });
    // @ts-expect-error an occurrence is `<task>#<number>`
    ic.perform('p1', 'visite-ide#deux', { actor: drMartin });
    // @ts-expect-error unknown task
    ic.accept('p1', 'visite', { actor: drMartin });
    // @ts-expect-error unknown task
    ic.release('p1', 'visite', { actor: drMartin });
    // @ts-expect-error unknown task
    ic.waive('p1', 'visite', { actor: drMartin, justification: 'x' });
    // @ts-expect-error unknown task
    ic.cancelTask('p1', 'visite', { actor: drMartin, reason: 'x' });
    // @ts-expect-error unknown task
    ic.observe('p1', 'visite', { source: 'sniiram' });
    // @ts-expect-error unknown task
    k.handBack('p', 'entorse', { actor: trained, task: 'bilan', reason: 'doute' });
  });

  test('roles', () => {
    ic.perform('p1', 'consultation-mg', { actor: drMartin, as: 'mg' });
    // @ts-expect-error unknown role
    ic.perform('p1', 'consultation-mg', { actor: drMartin, as: 'medecin' });
    // @ts-expect-error unknown role
    ic.accept('p1', 'consultation-mg', { actor: drMartin, as: 'medecin' });
    // @ts-expect-error unknown role
    ic.waive('p1', 'consultation-mg', { actor: drMartin, as: 'medecin', justification: 'x' });
    // @ts-expect-error unknown role
    ic.cancelTask('p1', 'consultation-mg', { actor: drMartin, as: 'medecin', reason: 'x' });
    // @ts-expect-error unknown role
    ic.reroute('p1', 'fin', { actor: drMartin, as: 'medecin', justification: 'x' });
    // The actor who starts a journey holds roles of the protocol.
    ic.start({ facts: { age: 80 }, by: { id: 'chu', roles: ['hopital'] } });
    // @ts-expect-error unknown role of the starting actor
    ic.start({ facts: { age: 80 }, by: { id: 'chu', roles: ['clinique'] } });
  });

  test('facts: unknown names and wrong types', () => {
    ic.start({ facts: { age: 80, vitSeul: true } });
    // @ts-expect-error unknown fact
    ic.start({ facts: { age: 80, vitSeule: true } });
    // @ts-expect-error a number fact given a string
    ic.start({ facts: { age: '80' } });
    // @ts-expect-error a boolean fact given a number
    ic.start({ facts: { age: 80, vitSeul: 1 } });
    ic.recordFacts('p1', { nyha: 3 });
    // @ts-expect-error unknown fact
    ic.recordFacts('p1', { classeNyha: 3 });
    // @ts-expect-error a number fact given a string
    ic.recordFacts('p1', { nyha: 'III' });
  });

  test('events', () => {
    ic.recordEvent('p1', 'sortie');
    ic.recordEvent('p1', 'prise-de-poids', { data: { kg: 2.5 } });
    // @ts-expect-error unknown event
    ic.recordEvent('p1', 'sortie-hopital');
  });

  test('steps', () => {
    ic.reroute('p1', 'coordination', { actor: drMartin, justification: 'situation complexe' });
    ic.reroute('p1', 'suivi-ide', { actor: drMartin, justification: 'nested steps count' });
    // @ts-expect-error unknown step
    ic.reroute('p1', 'coordination-dac', { actor: drMartin, justification: 'x' });
  });

  test('delegations', () => {
    k.perform('p', 'bilan-entorse', { actor: trained, delegation: 'entorse' });
    k.handBack('p', 'entorse', { actor: trained, task: 'bilan-entorse', reason: 'doute' });
    // @ts-expect-error unknown delegation
    k.perform('p', 'bilan-entorse', { actor: trained, delegation: 'lombalgie' });
    // @ts-expect-error unknown delegation
    k.handBack('p', 'lombalgie', { actor: trained, task: 'bilan-entorse', reason: 'doute' });
    // @ts-expect-error a protocol without delegations accepts none
    ic.perform('p1', 'consultation-mg', { actor: drMartin, delegation: 'entorse' });
  });

  test('task data', () => {
    ic.perform('p1', 'consultation-mg', { actor: drMartin, data: { poids: 72.5 } });
    ic.perform('p1', 'consultation-mg#1', { actor: drMartin, data: { poids: 72.5 } });
    ic.observe('p1', 'consultation-mg', { source: 'sniiram', data: { poids: 72.5 } });
    // @ts-expect-error a number given a string
    ic.perform('p1', 'consultation-mg', { actor: drMartin, data: { poids: '72,5 kg' } });
    // @ts-expect-error unknown data field
    ic.perform('p1', 'consultation-mg', { actor: drMartin, data: { masse: 72.5 } });
    // @ts-expect-error a number given a string
    ic.observe('p1', 'consultation-mg', { source: 'sniiram', data: { poids: '72' } });
  });

  test('journey views', async () => {
    const { journey } = await ic.start({ facts: { age: 80 } });
    expectTypeOf(journey).toEqualTypeOf<JourneyView<Sortie>>();
    expectTypeOf(journey.version).toEqualTypeOf<number>();
    journey.inStep('suivi-mg');
    journey.task('visite-ide');
    // @ts-expect-error unknown step
    journey.inStep('suivi-kine');
    // @ts-expect-error unknown task
    journey.task('visite');
    const again = await ic.get(journey.journeyId);
    // @ts-expect-error unknown step
    again.inStep('suivi-kine');
  });
});

describe('a protocol loaded from JSON works untyped', () => {
  const loaded = JSON.parse('{}') as ProtocolDefinition;
  const j = engine.for(loaded);
  const anyone: Actor = { id: 'x', roles: ['anything'] };

  test('every name is a string', () => {
    expectTypeOf<TaskIdOf<ProtocolDefinition>>().toEqualTypeOf<string>();
    expectTypeOf<RoleIdOf<ProtocolDefinition>>().toEqualTypeOf<string>();
    expectTypeOf<StepIdOf<ProtocolDefinition>>().toEqualTypeOf<string>();
    expectTypeOf<EventIdOf<ProtocolDefinition>>().toEqualTypeOf<string>();
    expectTypeOf<DelegationIdOf<ProtocolDefinition>>().toEqualTypeOf<string>();
    expectTypeOf<FactsOf<ProtocolDefinition>>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<TaskDataOf<ProtocolDefinition, string>>().toEqualTypeOf<Record<string, unknown>>();
  });

  test('every command takes strings', () => {
    const task: string = 'anything';
    j.start({ facts: { whatever: 'x', n: 1 }, by: anyone });
    j.perform('p', task, { actor: anyone, as: 'any-role', delegation: 'any-delegation', data: { any: 1 } });
    j.accept('p', task, { actor: anyone, as: 'any-role' });
    j.waive('p', task, { actor: anyone, justification: 'x' });
    j.recordFacts('p', { anything: true });
    j.recordEvent('p', 'any-event', { data: { x: 1 } });
    j.reroute('p', 'any-step', { actor: anyone, justification: 'x' });
    j.handBack('p', 'any-delegation', { actor: anyone, task, reason: 'x' });
    // The engine's own commands are the untyped ones.
    engine.perform('p', task, { actor: anyone, as: 'any-role' });
    engine.recordEvent('p', 'any-event');
    expectTypeOf(engine.for(loaded)).toEqualTypeOf<ProtocolJourneys<ProtocolDefinition>>();
  });

  test('a definition of unknown shape (`object`, or `any` from JSON.parse) reads as untyped, not as never', () => {
    type Unknown = object;
    // biome-ignore lint/suspicious/noExplicitAny: what JSON.parse returns
    type Parsed = any;
    expectTypeOf<TaskIdOf<Unknown>>().toEqualTypeOf<string>();
    expectTypeOf<RoleIdOf<Unknown>>().toEqualTypeOf<string>();
    expectTypeOf<StepIdOf<Unknown>>().toEqualTypeOf<string>();
    expectTypeOf<EventIdOf<Unknown>>().toEqualTypeOf<string>();
    expectTypeOf<DelegationIdOf<Unknown>>().toEqualTypeOf<string>();
    expectTypeOf<FactsOf<Unknown>>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<TaskDataOf<Unknown, 'x'>>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<TaskIdOf<Parsed>>().toEqualTypeOf<string>();
    expectTypeOf<RoleIdOf<Parsed>>().toEqualTypeOf<string>();
    expectTypeOf<StepIdOf<Parsed>>().toEqualTypeOf<string>();
    expectTypeOf<EventIdOf<Parsed>>().toEqualTypeOf<string>();
    expectTypeOf<DelegationIdOf<Parsed>>().toEqualTypeOf<string>();
    expectTypeOf<FactsOf<Parsed>>().toEqualTypeOf<Record<string, unknown>>();
    const fromFile: object = JSON.parse('{}');
    const r = engine.for(fromFile);
    r.perform('p', 'anything', { actor: anyone, as: 'any-role', delegation: 'any-delegation' });
    r.recordFacts('p', { anything: 1 });
    r.recordEvent('p', 'any-event');
    r.reroute('p', 'any-step', { actor: anyone, justification: 'x' });
    const parsed = engine.for(JSON.parse('{}'));
    parsed.perform('p', 'anything', { actor: anyone, as: 'any-role' });
    parsed.recordFacts('p', { anything: 1 });
  });
});

import { compile, compileRuntime, initialContext, parseProtocol } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { sortie } from './protocols.js';

describe('compile', () => {
  it('turns steps into xstate states: nested, parallel, with guarded exits', () => {
    const machine = compile(sortie);
    expect(machine.id).toBe('sortie-test');
    expect(machine.config.initial).toBe('hospitalisation');
    const suivi = machine.root.states.suivi!;
    expect(suivi.type).toBe('parallel');
    expect(Object.keys(suivi.states)).toEqual(['suivi-mg', 'suivi-ide']);
    expect(suivi.always?.map((t) => t.target?.[0]?.id)).toEqual(['coordination', 'fin']);
    expect(machine.root.states.hospitalisation!.always?.length).toBe(1);
  });

  it('is the single source of behaviour: a raw xstate actor on the compiled machine runs the journey', () => {
    const def = parseProtocol(sortie);
    const { machine, runtime } = compileRuntime(def);
    const at = Date.parse('2026-01-05T09:00:00+01:00');
    const actor = createActor(machine, {
      input: initialContext(runtime, { journeyId: 'raw', facts: { age: 70 }, at, timeZone: 'Europe/Paris' }),
    });
    actor.start();
    expect(actor.getSnapshot().value).toBe('hospitalisation');
    actor.send({
      type: 'task.completed',
      instance: 'lettre-liaison#1',
      by: { actor: 'chu', role: 'hopital' },
      at,
    });
    actor.send({ type: 'event.recorded', event: 'sortie', at });
    expect(actor.getSnapshot().value).toEqual({ suivi: { 'suivi-mg': {}, 'suivi-ide': {} } });
    expect(actor.getSnapshot().context.tasks.map((t) => t.id)).toEqual([
      'lettre-liaison#1',
      'consultation-mg#1',
      'visite-ide#1',
    ]);
    actor.stop();
  });

  it('validates a definition it is given raw, and caches the machine per definition', () => {
    expect(() => compile({ id: 'x' })).toThrow(/Invalid protocol/);
    const def = parseProtocol(sortie);
    expect(compile(def)).toBe(compile(def));
  });
});

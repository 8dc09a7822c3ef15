import { compileRuntime, initialContext, isInputEvent, parseProtocol } from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { nextSnapshot, startSnapshot } from '../../src/engine/step.js';
import { day, journeyWithHistory } from './helpers.js';
import { sortie } from './protocols.js';

describe('a journey as a snapshot (the engine holds no actor per journey)', () => {
  it('goes through the same states as a raw xstate actor fed the same input events', async () => {
    const { engine } = await journeyWithHistory();
    const events = await engine.history('p');
    const { machine, runtime } = compileRuntime(parseProtocol(sortie));
    const first = events[0]!;
    if (first.type !== 'journey.started') throw new Error('a history starts with journey.started');
    const input = () =>
      initialContext(runtime, { journeyId: 'p', facts: first.facts, at: first.at, timeZone: first.timeZone });
    const actor = createActor(machine, { input: input() }).start();
    let snapshot = startSnapshot(machine, input());
    expect(snapshot.value).toEqual(actor.getSnapshot().value);
    let sent = 0;
    for (const e of events.slice(1)) {
      if (!isInputEvent(e)) continue;
      const { seq: _seq, ...event } = e;
      actor.send(event as never);
      snapshot = nextSnapshot(machine, snapshot, event as never);
      sent++;
      expect(snapshot.value).toEqual(actor.getSnapshot().value);
      expect(snapshot.context).toEqual(actor.getSnapshot().context);
    }
    expect(sent).toBeGreaterThanOrEqual(6);
    expect(snapshot.context.ruptures.length).toBeGreaterThan(0);
    actor.stop();
  });

  it('lets an error of the machine through instead of keeping a broken state', () => {
    const { machine, runtime } = compileRuntime(parseProtocol(sortie));
    const at = Date.parse(day(0));
    const snapshot = startSnapshot(
      machine,
      initialContext(runtime, { journeyId: 'p', facts: { age: 80 }, at, timeZone: 'Europe/Paris' }),
    );
    expect(() =>
      nextSnapshot(machine, snapshot, {
        type: 'task.completed',
        instance: 'nowhere#1',
        by: { actor: 'chu', role: 'hopital' },
        at,
      } as never),
    ).toThrow(/unknown task occurrence nowhere#1/);
  });
});

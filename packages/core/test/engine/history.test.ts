import {
  computeIndicators,
  createEngine,
  JourneySummaryFold,
  parseProtocol,
  rupturesBySegment,
  summarise,
  VirtualClock,
} from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { day, journeyWithHistory, plain, refusal } from './helpers.js';
import { dac, drMartin, hopital, sortie } from './protocols.js';

describe('event sourcing', () => {
  it('a journey rebuilt from its history equals the live one, also after a restart', async () => {
    const { engine, store } = await journeyWithHistory();
    const live = await engine.get('p');
    const history = await engine.history('p');
    expect(plain(engine.rebuild(history))).toEqual(plain(live));
    const restarted = createEngine({ protocols: [sortie], store });
    expect(plain(await restarted.get('p'))).toEqual(plain(live));
  });

  it('says for every act who did it, as which role', async () => {
    const { engine } = await journeyWithHistory();
    const acts = (await engine.history('p')).filter(
      (e) => e.type === 'task.completed' || e.type === 'task.accepted',
    );
    expect(acts.map((e) => [e.type, 'by' in e && e.by])).toEqual([
      ['task.completed', { actor: 'chu', role: 'hopital' }],
      ['task.accepted', { actor: 'ide-dupont', role: 'ide' }],
      ['task.completed', { actor: 'ide-dupont', role: 'ide' }],
    ]);
  });

  it('a snapshot can be taken, serialised and restored, then continued with later history', async () => {
    const { engine, s, clock } = await journeyWithHistory();
    const snapshot = JSON.parse(JSON.stringify(await engine.snapshot('p')));
    expect(plain(engine.restore(snapshot))).toEqual(plain(await engine.get('p')));
    clock.set(day(12));
    await s.perform('p', 'pps', { actor: dac });
    const later = (await engine.history('p')).filter((e) => e.seq > snapshot.version);
    expect(plain(engine.restore(snapshot, later))).toEqual(plain(await engine.get('p')));
  });

  it('the index a store keeps and a command result serialise whole (their lazy parts included)', async () => {
    const { store, s } = await journeyWithHistory();
    const index = JSON.parse(JSON.stringify(store.load('p')!.index));
    expect(index).toMatchObject({ journeyId: 'p', protocol: { id: sortie.id }, status: 'active' });
    expect(index.openTasks.map((t: { task: string }) => t.task).sort()).toEqual(
      store
        .load('p')!
        .index.openTasks.map((t) => t.task)
        .sort(),
    );
    expect(index.openTasks.length).toBeGreaterThan(0);
    const result = await s.perform('p', 'pps', { actor: dac });
    const json = JSON.parse(JSON.stringify(result));
    expect(json.events).toEqual(JSON.parse(JSON.stringify(result.events)));
    expect(json.journey.version).toBe(result.journey.version);
    expect(json.journey.active).toEqual(result.journey.active);
    expect(json.journey.tasks).toHaveLength(result.journey.tasks.length);
  });

  it('history only grows: every later history starts with the earlier one', async () => {
    const { engine, s } = await journeyWithHistory();
    const before = await engine.history('p');
    await refusal(s.perform('p', 'pps', { actor: drMartin }));
    await s.perform('p', 'pps', { actor: dac });
    const after = await engine.history('p');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
  });
});

describe('journey summaries', () => {
  it('folded entry by entry, a summary equals the one summarise reads from the whole history, at every step', async () => {
    const { engine } = await journeyWithHistory();
    const history = await engine.history('p');
    const fold = new JourneySummaryFold();
    expect(fold.summary).toBeUndefined();
    for (let i = 0; i < history.length; i++) {
      fold.add(history[i]!);
      expect(structuredClone(fold.summary)).toEqual(structuredClone(summarise(history.slice(0, i + 1))));
    }
    const summary = fold.summary!;
    expect(summary.journeyId).toBe('p');
    expect(summary.facts).toMatchObject({ age: 80, vitSeul: true });
    expect([...summary.tasks.values()].filter((t) => t.status === 'completed').map((t) => t.task)).toEqual([
      'lettre-liaison',
      'visite-ide',
    ]);
  });

  it('ignores what comes before journey.started', async () => {
    const { engine } = await journeyWithHistory();
    const [started, ...rest] = await engine.history('p');
    const fold = new JourneySummaryFold();
    for (const e of rest) fold.add(e);
    expect(fold.summary).toBeUndefined();
    fold.add(started!);
    expect(fold.summary?.tasks.size).toBe(0);
  });
});

describe('protocol versions', () => {
  const v2 = parseProtocol({
    ...structuredClone(sortie),
    version: '2.0.0',
    steps: sortie.steps.map((st) =>
      st.id === 'coordination'
        ? {
            ...st,
            id: 'appui-dac',
            tasks: [{ ...st.tasks[0], id: 'plan-personnalise' }],
            exits: [{ to: 'fin', when: { task: 'plan-personnalise', status: 'completed' } }],
          }
        : st.id === 'suivi'
          ? { ...st, exits: [{ to: 'appui-dac', when: { complexity: 'forte' } }, st.exits[1]] }
          : st,
    ),
  });

  it('records the protocol id, version and content hash; a journey does not load against other contents', async () => {
    const { store, engine } = await journeyWithHistory();
    const started = (await engine.history('p'))[0]!;
    expect(started).toMatchObject({
      type: 'journey.started',
      protocol: { id: 'sortie-test', version: '1.0.0' },
    });
    expect(started.type === 'journey.started' && started.protocol.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const tampered = { ...structuredClone(sortie), title: { fr: 'Autre contenu, même version' } };
    const other = createEngine({ protocols: [tampered], store });
    const e = await refusal(other.get('p'));
    expect(e.code).toBe('VERSION_MISMATCH');
    expect(e.message).toMatch(/ran protocol sortie-test@1.0.0 with other contents/);
    const onlyV2 = createEngine({ protocols: [v2], store });
    expect((await refusal(onlyV2.get('p'))).message).toMatch(/not registered with this engine/);
    expect(() => createEngine({ protocols: [sortie, tampered] })).toThrow(
      /registered twice with different contents/,
    );
  });

  it('migrates a journey only when every active step and open task maps to the new version', async () => {
    const { store, engine } = await journeyWithHistory();
    expect((await engine.get('p')).inStep('coordination')).toBe(true);
    const both = createEngine({ protocols: [sortie, v2], store });
    const refused = await refusal(both.migrate('p', 'sortie-test@2.0.0'));
    expect(refused.code).toBe('VERSION_MISMATCH');
    expect(refused.message).toMatch(/active step "coordination" does not exist in 2.0.0.*open task "pps"/);
    const { journey } = await both.migrate('p', v2, {
      steps: { coordination: 'appui-dac' },
      tasks: { pps: 'plan-personnalise' },
      by: dac,
    });
    expect(journey.protocol.version).toBe('2.0.0');
    expect(journey.inStep('appui-dac')).toBe(true);
    expect(journey.task('plan-personnalise')?.status).toBe('open');
    const done = await both.perform('p', 'plan-personnalise', { actor: dac });
    expect(done.journey.inStep('fin')).toBe(true);
    // The migration is in the history, and a rebuild replays it.
    const history = await both.history('p');
    expect(history.some((e) => e.type === 'journey.migrated')).toBe(true);
    expect(plain(both.rebuild(history))).toEqual(plain(await both.get('p')));
  });
});

describe('indicators', () => {
  it('counts an act done before its anchor as on time (a discharge letter handed before the discharge is recorded)', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    await s.start({ journeyId: 'letter-first', facts: { age: 70 } });
    await s.perform('letter-first', 'lettre-liaison', { actor: hopital });
    clock.set(day(0, '16:00'));
    await s.recordEvent('letter-first', 'sortie');
    await s.start({ journeyId: 'never-discharged', facts: { age: 70 } });
    await s.perform('never-discharged', 'lettre-liaison', { actor: hopital });
    const letter = (await engine.indicators('sortie-test', { from: day(-1), to: day(30) })).find(
      (i) => i.id === 'lettre-jour-meme',
    );
    expect(letter).toMatchObject({ numerator: 1, denominator: 1, numeratorJourneys: ['letter-first'] });
  });

  it('computes numerator and denominator from histories, with the journeys behind each, and ruptures per segment', async () => {
    const clock = new VirtualClock(day(0));
    const engine = createEngine({ protocols: [sortie], clock });
    const s = engine.for(sortie);
    for (const id of ['on-time', 'late', 'waived', 'not-discharged']) {
      await s.start({ journeyId: id, facts: { age: 70 } });
      if (id !== 'not-discharged') {
        await s.perform(id, 'lettre-liaison', { actor: hopital });
        await s.recordEvent(id, 'sortie');
      }
    }
    clock.set(day(5));
    await s.perform('on-time', 'consultation-mg', { actor: drMartin });
    await s.waive('waived', 'consultation-mg', {
      actor: drMartin,
      justification: 'Suivi par le cardiologue',
    });
    clock.set(day(10));
    await engine.tick();
    await s.perform('late', 'consultation-mg', { actor: drMartin });
    const [mg7] = await engine.indicators('sortie-test', { from: day(-1), to: day(30) });
    expect(mg7).toMatchObject({
      id: 'mg-7j',
      numerator: 1,
      denominator: 3,
      numeratorJourneys: ['on-time'],
      denominatorJourneys: ['on-time', 'late', 'waived'],
      deviationJourneys: ['waived'],
    });
    expect(mg7!.value).toBeCloseTo(1 / 3);
    const histories = await Promise.all(
      ['on-time', 'late', 'waived', 'not-discharged'].map((id) => engine.history(id)),
    );
    expect(
      computeIndicators(parseProtocol(sortie), histories, { from: day(1), to: day(30) })[0]!.denominator,
    ).toBe(0);
    const bySegment = rupturesBySegment(histories, { from: day(-1), to: day(30) });
    const ville = bySegment.find((r) => r.segment === 'suivi-ville')!;
    // The nurse's weekly visits were missed everywhere; the GP's only in the late journey.
    expect([...ville.journeys].sort()).toEqual(['late', 'on-time', 'waived']);
    const opened = histories.flat().filter((e) => e.type === 'rupture.opened');
    expect(ville.count).toBe(opened.length);
    expect(
      opened
        .filter((e) => e.type === 'rupture.opened' && e.rupture.task === 'consultation-mg')
        .map((e) => e.type === 'rupture.opened' && e.rupture.instance),
    ).toEqual(['consultation-mg#1']);
    expect(bySegment.find((r) => r.segment === 'hospitalisation')).toBeUndefined();
  });
});

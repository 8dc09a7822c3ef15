import { CptsError, compile, type HistoryEvent } from '@cpts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoverage, formatCoverage, machineExits, protocolPaths, scenario } from '../src/index.js';
import { chaine, ide, mg, parcours, relance, reprise } from './coverage-protocols.js';
import { sortieIc } from './fixtures.js';

const exit = (from: string, to: string, index = 0) => ({ from, to, index });

describe('protocolPaths', () => {
  it('lists the paths of each level: top, compound step, each branch of a parallel step', () => {
    expect(protocolPaths(parcours)).toEqual([
      {
        region: undefined,
        steps: ['orientation', 'renforce', 'fin'],
        exits: [exit('orientation', 'renforce', 0), exit('renforce', 'fin', 0)],
        complete: true,
      },
      {
        region: undefined,
        steps: ['orientation', 'standard', 'fin'],
        exits: [exit('orientation', 'standard', 1), exit('standard', 'fin', 0)],
        complete: true,
      },
      // The nested loop education ⇄ reevaluation: simple paths stop before going round again.
      {
        region: 'standard',
        steps: ['education', 'reevaluation'],
        exits: [exit('education', 'reevaluation')],
        complete: true,
      },
      { region: 'renforce/suivi-mg', steps: ['suivi-mg'], exits: [], complete: true },
      { region: 'renforce/suivi-ide', steps: ['suivi-ide'], exits: [], complete: true },
    ]);
  });

  it('tells the guarded exits of one step apart by their index', () => {
    expect(protocolPaths(chaine)).toEqual([
      {
        region: undefined,
        steps: ['a', 'b', 'c'],
        exits: [exit('a', 'b', 1), exit('b', 'c', 0)],
        complete: true,
      },
      { region: undefined, steps: ['a', 'c'], exits: [exit('a', 'c', 0)], complete: true },
    ]);
  });

  it('marks a path that can only loop back as not complete', () => {
    expect(protocolPaths(relance)).toEqual([
      { region: undefined, steps: ['attente', 'fin'], exits: [exit('attente', 'fin', 1)], complete: true },
      {
        region: undefined,
        steps: ['attente', 'relance'],
        exits: [exit('attente', 'relance', 0)],
        complete: false,
      },
    ]);
  });

  it('reads every exit of the definition from the compiled machine, guarded or on an event', () => {
    const fromMachine = (p: object) =>
      machineExits(compile(p))
        .map((x) => `${x.from}>${x.to}#${x.index}`)
        .sort();
    expect(fromMachine(parcours)).toEqual([
      'education>reevaluation#0',
      'orientation>renforce#0',
      'orientation>standard#1',
      'reevaluation>education#0',
      'renforce>fin#0',
      'standard>fin#0',
    ]);
    expect(fromMachine(relance)).toEqual(['attente>fin#1', 'attente>relance#0', 'relance>attente#0']);
  });
});

// Two journeys on `parcours`: a standard one that loops once through education and ends, and a
// reinforced one whose evaluation and consultation are both late, left unfinished.
let looping: readonly HistoryEvent[];
let reinforced: readonly HistoryEvent[];
beforeAll(async () => {
  looping = (
    await scenario(parcours)
      .given({ score: 2 })
      .at('J+1', (s) => s.perform('evaluation', { actor: mg }))
      .at('J+2', (s) => s.perform('seance', { actor: ide }))
      .expectStep('education')
      .at('J+3', (s) => s.recordFacts({ score: 1 }).perform('seance', { actor: ide }))
      .at('J+4', (s) => s.perform('bilan', { actor: mg }))
      .expectStatus('completed')
      .run()
  ).history;
  reinforced = (
    await scenario(parcours)
      .given({ score: 4 })
      .at('J+10', (s) => s.perform('evaluation', { actor: mg }))
      .expectStep('renforce')
      .at('J+30')
      .expectRupture('consultation', { open: true })
      .run()
  ).history;
});

describe('createCoverage', () => {
  it('reports everything as never exercised before any journey', () => {
    const report = createCoverage(parcours).report();
    expect(report.protocol).toEqual({ id: 'parcours-test', version: '1.0.0' });
    expect(report.journeys).toBe(0);
    expect(report.steps).toEqual({
      total: 8,
      covered: 0,
      ratio: 0,
      missed: [
        'orientation',
        'standard',
        'education',
        'reevaluation',
        'renforce',
        'suivi-mg',
        'suivi-ide',
        'fin',
      ],
    });
    expect(report.exits.missed).toEqual([
      exit('orientation', 'renforce', 0),
      exit('orientation', 'standard', 1),
      exit('standard', 'fin'),
      exit('education', 'reevaluation'),
      exit('reevaluation', 'education'),
      exit('renforce', 'fin'),
    ]);
    expect(report.tasksOpened.missed).toEqual(['evaluation', 'seance', 'bilan', 'consultation', 'visite']);
    // Only required tasks with a deadline can be missed.
    expect(report.tasksMissed.missed).toEqual(['evaluation', 'consultation']);
    expect(report.paths).toMatchObject({ total: 5, covered: 0 });
  });

  it('reports exactly the steps, exits, tasks and paths one journey never exercised', () => {
    const coverage = createCoverage(parcours);
    coverage.record(looping);
    const report = coverage.report();
    expect(report.journeys).toBe(1);
    expect(report.steps).toEqual({
      total: 8,
      covered: 5,
      ratio: 5 / 8,
      missed: ['renforce', 'suivi-mg', 'suivi-ide'],
    });
    // The loop back from reevaluation to education counts as an exit taken.
    expect(report.exits).toEqual({
      total: 6,
      covered: 4,
      ratio: 4 / 6,
      missed: [exit('orientation', 'renforce', 0), exit('renforce', 'fin')],
    });
    expect(report.tasksOpened.missed).toEqual(['consultation', 'visite']);
    expect(report.tasksCompleted.missed).toEqual(['consultation', 'visite']);
    expect(report.tasksMissed).toEqual({
      total: 2,
      covered: 0,
      ratio: 0,
      missed: ['evaluation', 'consultation'],
    });
    expect(report.paths.missed.map((p) => [p.region, p.steps.join('>')])).toEqual([
      [undefined, 'orientation>renforce>fin'],
      ['renforce/suivi-mg', 'suivi-mg'],
      ['renforce/suivi-ide', 'suivi-ide'],
    ]);
  });

  it('counts deadlines let pass, and a path only once it reaches its end', () => {
    const coverage = createCoverage(parcours);
    coverage.record(looping);
    coverage.record(reinforced);
    const report = coverage.report();
    expect(report.journeys).toBe(2);
    expect(report.steps.missed).toEqual([]);
    expect(report.exits.missed).toEqual([exit('renforce', 'fin')]);
    expect(report.tasksOpened.missed).toEqual([]);
    expect(report.tasksCompleted.missed).toEqual(['consultation', 'visite']);
    expect(report.tasksMissed).toMatchObject({ covered: 2, missed: [] });
    // The reinforced journey never left `renforce`: its top-level path is not followed.
    expect(report.paths.missed.map((p) => p.steps.join('>'))).toEqual(['orientation>renforce>fin']);
  });

  it('does not take an exit that a chain of transitions skipped (a → b → c is not a → c)', async () => {
    const coverage = createCoverage(chaine);
    coverage.record(
      (await scenario(chaine).given({ direct: false }).expectStatus('completed').run()).history,
    );
    const report = coverage.report();
    expect(report.steps.missed).toEqual([]);
    expect(report.exits.missed).toEqual([exit('a', 'c', 0)]);
    expect(report.paths.missed.map((p) => p.steps.join('>'))).toEqual(['a>c']);
    coverage.record((await scenario(chaine).given({ direct: true }).expectStatus('completed').run()).history);
    expect(coverage.report().exits.missed).toEqual([]);
    expect(coverage.report().paths.missed).toEqual([]);
  });

  it('does not count a reroute as an exit, nor a path it jumped to', async () => {
    const coverage = createCoverage(relance);
    const { history } = await scenario(relance)
      .given({})
      .at('J+1', (s) => s.record('appel'))
      .at('J+2', (s) => s.record('appel'))
      .at('J+3', (s) => s.reroute('fin', { actor: mg, justification: 'a répondu au téléphone' }))
      .run();
    coverage.record(history);
    const report = coverage.report();
    expect(report.steps.missed).toEqual([]);
    expect(report.exits.missed).toEqual([exit('attente', 'fin', 1)]);
    expect(report.paths.missed.map((p) => p.steps.join('>'))).toEqual(['attente>fin']);
  });

  it('starts a new run through a compound step each time it is entered', async () => {
    const coverage = createCoverage(reprise);
    const { history } = await scenario(reprise)
      .given({})
      .at('J+1', (s) => s.record('hospitalisation'))
      .at('J+5', (s) => s.record('retour'))
      .at('J+6', (s) => s.record('bilan'))
      .expectStep('controle')
      .run();
    coverage.record(history);
    expect(coverage.toJSON().sequences).toEqual([
      ':suivi>pause>suivi',
      'suivi:visite',
      'suivi:visite>controle',
    ]);
    expect(coverage.report().paths.missed.map((p) => [p.region, p.steps.join('>')])).toEqual([
      [undefined, 'suivi>fin'],
    ]);
  });

  it('ignores the histories of other protocols and empty ones', async () => {
    const coverage = createCoverage(parcours);
    coverage.record([]);
    coverage.record((await scenario(sortieIc).given({ age: 70 }).run()).history);
    expect(coverage.report().journeys).toBe(0);
    expect(coverage.toJSON().steps).toEqual([]);
  });
});

describe('toJSON and merge', () => {
  it('toJSON holds what was exercised, sorted', () => {
    const coverage = createCoverage(parcours);
    coverage.record(looping);
    expect(coverage.toJSON()).toEqual({
      protocol: 'parcours-test@1.0.0',
      journeys: 1,
      steps: ['education', 'fin', 'orientation', 'reevaluation', 'standard'],
      exits: ['education>reevaluation', 'orientation>standard', 'reevaluation>education', 'standard>fin'],
      opened: ['bilan', 'evaluation', 'seance'],
      completed: ['bilan', 'evaluation', 'seance'],
      missed: [],
      sequences: [':orientation>standard>fin', 'standard:education>reevaluation>education>reevaluation'],
    });
  });

  it('merging the JSON of another test file gives the report of both', () => {
    const first = createCoverage(parcours);
    const second = createCoverage(parcours);
    const both = createCoverage(parcours);
    first.record(looping);
    second.record(reinforced);
    both.record(looping);
    both.record(reinforced);
    first.merge(JSON.parse(JSON.stringify(second.toJSON())));
    expect(first.report()).toEqual(both.report());
    expect(first.toJSON()).toEqual(both.toJSON());
  });

  it('refuses the data of another protocol or version', () => {
    const coverage = createCoverage(parcours);
    const other = createCoverage(chaine);
    other.record(looping); // ignored: another protocol
    const error = (() => {
      try {
        coverage.merge(other.toJSON());
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(CptsError.is(error) && error.code).toBe('INVALID_COMMAND');
    expect((error as Error).message).toBe(
      'cannot merge the coverage of chaine-test@1.0.0 into the coverage of parcours-test@1.0.0: merge collectors of the same protocol and version',
    );
    expect(() => coverage.merge({ ...coverage.toJSON(), protocol: 'parcours-test@2.0.0' })).toThrow(
      'cannot merge the coverage of parcours-test@2.0.0 into the coverage of parcours-test@1.0.0',
    );
    expect(coverage.report().journeys).toBe(0);
  });
});

describe('formatCoverage', () => {
  it('prints one line per kind with what was never exercised', () => {
    const coverage = createCoverage(parcours);
    expect(formatCoverage(coverage.report())).toBe(
      [
        'Coverage of parcours-test 1.0.0 by 0 journeys',
        'steps              0%  0/8  — never: orientation, standard, education, reevaluation, renforce, suivi-mg, suivi-ide, fin',
        'exits              0%  0/6  — never: orientation → renforce, orientation → standard, standard → fin, education → reevaluation, reevaluation → education, renforce → fin',
        'tasks opened       0%  0/5  — never: evaluation, seance, bilan, consultation, visite',
        'tasks completed    0%  0/5  — never: evaluation, seance, bilan, consultation, visite',
        'deadlines missed   0%  0/2  — never: evaluation, consultation',
        'paths              0%  0/5  — never: orientation → renforce → fin, orientation → standard → fin, [standard] education → reevaluation, [renforce/suivi-mg] suivi-mg, [renforce/suivi-ide] suivi-ide',
      ].join('\n'),
    );
    coverage.record(looping);
    expect(formatCoverage(coverage.report())).toBe(
      [
        'Coverage of parcours-test 1.0.0 by 1 journey',
        'steps             63%  5/8  — never: renforce, suivi-mg, suivi-ide',
        'exits             67%  4/6  — never: orientation → renforce, renforce → fin',
        'tasks opened      60%  3/5  — never: consultation, visite',
        'tasks completed   60%  3/5  — never: consultation, visite',
        'deadlines missed   0%  0/2  — never: evaluation, consultation',
        'paths             40%  2/5  — never: orientation → renforce → fin, [renforce/suivi-mg] suivi-mg, [renforce/suivi-ide] suivi-ide',
      ].join('\n'),
    );
    coverage.record(reinforced);
    expect(formatCoverage(coverage.report())).toBe(
      [
        'Coverage of parcours-test 1.0.0 by 2 journeys',
        'steps            100%  8/8',
        'exits             83%  5/6  — never: renforce → fin',
        'tasks opened     100%  5/5',
        'tasks completed   60%  3/5  — never: consultation, visite',
        'deadlines missed 100%  2/2',
        'paths             80%  4/5  — never: orientation → renforce → fin',
      ].join('\n'),
    );
  });

  it('counts nothing to cover as fully covered', async () => {
    const coverage = createCoverage(chaine);
    coverage.record((await scenario(chaine).given({ direct: true }).run()).history);
    expect(formatCoverage(coverage.report()).split('\n').slice(3)).toEqual([
      'tasks opened     100%  0/0',
      'tasks completed  100%  0/0',
      'deadlines missed 100%  0/0',
      'paths             50%  1/2  — never: a → b → c',
    ]);
  });
});

// Type tests of scenarios: on a protocol written in TypeScript (`defineProtocol`), unknown task,
// role, fact, event, step and delegation names and wrong fact types do not compile; on a protocol
// loaded from JSON (`ProtocolDefinition`), every name is a string.
import { type Actor, defineProtocol, type JourneyView, type ProtocolDefinition } from '@cpts/core';
import { describe, expectTypeOf, test } from 'vitest';
import { actor, type ScenarioResult, scenario, type TaskRef } from '../src/index.js';
import { chu, drMartin, sortieIc } from './fixtures.js';

type Sortie = typeof sortieIc;

/** A cooperation protocol, for delegations and task data (no deadline: nothing clinical to source). */
const acces = defineProtocol({
  id: 'acces-direct-test',
  version: '1.0.0',
  title: { fr: 'Accès direct (test de types)' },
  fiche: {},
  roles: [
    { id: 'mg', label: { fr: 'Médecin traitant' } },
    { id: 'mk', label: { fr: 'Masseur-kinésithérapeute' } },
  ],
  facts: { type: 'object', properties: { consentement: { type: 'boolean' } } },
  steps: [
    {
      id: 'bilan',
      label: { fr: 'Bilan' },
      segment: 'diagnostic',
      tasks: [
        {
          id: 'bilan-entorse',
          label: { fr: 'Bilan' },
          responsible: ['mg'],
          data: { type: 'object', properties: { douleur: { type: 'integer' }, note: { type: 'string' } } },
        },
        { id: 'reprise', label: { fr: 'Reprise' }, responsible: ['mg'], start: 'on-demand' },
      ],
      exits: [{ to: 'fin', when: { task: 'bilan-entorse', status: 'completed' } }],
    },
    { id: 'fin', label: { fr: 'Fin' }, segment: 'diagnostic', kind: 'final' },
  ],
  delegations: [
    {
      id: 'entorse',
      label: { fr: 'Entorse' },
      delegating: 'mg',
      delegate: 'mk',
      tasks: ['bilan-entorse'],
      consent: { fact: 'consentement' },
      handBack: { task: 'reprise' },
    },
  ],
});

const medecin = actor('dr-inconnu', ['medecin']);
const kine = actor('mk-bernard', ['mk']);

describe('actor(...) keeps role names literal', () => {
  test('roles', () => {
    expectTypeOf(drMartin).toEqualTypeOf<Actor<'mg'>>();
    expectTypeOf(actor('x', ['mg', 'ide'])).toEqualTypeOf<Actor<'mg' | 'ide'>>();
    expectTypeOf<TaskRef<Sortie>>().toEqualTypeOf<
      | 'lettre-liaison'
      | 'consultation-mg'
      | 'consultation-cardio'
      | 'pps'
      | `${'lettre-liaison' | 'consultation-mg' | 'consultation-cardio' | 'pps'}#${number}`
    >();
  });
});

describe('a scenario on a protocol written in TypeScript', () => {
  const s = scenario(sortieIc);

  test('unknown task ids do not compile, in commands and expectations', () => {
    s.perform('consultation-mg', { actor: drMartin });
    s.perform('consultation-mg#2', { actor: drMartin });
    // @ts-expect-error unknown task
    s.perform('consultation-cardiologue', { actor: drMartin });
    // @ts-expect-error an occurrence is `<task>#<number>`
    s.perform('consultation-mg#deux', { actor: drMartin });
    // @ts-expect-error unknown task in an occurrence
    s.accept('visite#1', { actor: drMartin });
    // @ts-expect-error unknown task
    s.release('visite', { actor: drMartin });
    // @ts-expect-error unknown task
    s.waive('visite', { actor: drMartin, justification: 'x' });
    // @ts-expect-error unknown task
    s.cancelTask('visite', { actor: drMartin, reason: 'x' });
    // @ts-expect-error unknown task
    s.observe('visite', { source: 'sniiram' });
    s.expectOpenTask('consultation-mg#1').expectNoOpenTask('pps').expectCompleted('lettre-liaison');
    // @ts-expect-error unknown task
    s.expectOpenTask('visite');
    // @ts-expect-error unknown task
    s.expectNoOpenTask('visite');
    // @ts-expect-error unknown task
    s.expectCompleted('visite');
    s.expectRupture('consultation-mg').expectNoRupture('consultation-mg').expectNoRupture();
    // @ts-expect-error unknown task
    s.expectRupture('visite');
    // @ts-expect-error unknown task
    s.expectNoRupture('visite');
    // Inside `at(…)` and `expectRefused(…)` the script is typed the same way.
    s.at('J+1', (x) => x.perform('consultation-mg', { actor: drMartin }));
    // @ts-expect-error unknown task
    s.at('J+1', (x) => x.perform('visite', { actor: drMartin }));
    // @ts-expect-error unknown task
    s.expectRefused('TASK_NOT_OPEN', (x) => x.perform('visite', { actor: drMartin }));
  });

  test('unknown role ids do not compile: in actor(...) and in `as`', () => {
    s.perform('consultation-mg', { actor: drMartin, as: 'mg' });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.perform('consultation-mg', { actor: medecin });
    // @ts-expect-error unknown role in `as`
    s.perform('consultation-mg', { actor: drMartin, as: 'medecin' });
    // @ts-expect-error unknown role in `as`
    s.accept('consultation-mg', { actor: drMartin, as: 'medecin' });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.release('consultation-mg', { actor: medecin });
    // @ts-expect-error unknown role in `as`
    s.waive('consultation-mg', { actor: drMartin, as: 'medecin', justification: 'x' });
    // @ts-expect-error unknown role in `as`
    s.cancelTask('consultation-mg', { actor: drMartin, as: 'medecin', reason: 'x' });
    // @ts-expect-error unknown role in `as`
    s.reroute('fin', { actor: drMartin, as: 'medecin', justification: 'x' });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.given({ age: 70 }, { by: medecin });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.record('sortie', { by: medecin });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.recordFacts({ age: 70 }, { by: medecin });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.close('fin du suivi', { by: medecin });
    // @ts-expect-error the actor holds a role the protocol does not have
    s.cancel('sortie du protocole', { by: medecin });
    s.expectOpenTask('consultation-mg', { responsible: ['mg', 'dac'] });
    // @ts-expect-error unknown role among the responsible ones
    s.expectOpenTask('consultation-mg', { responsible: ['medecin'] });
    s.expectRupture('consultation-mg', { roles: ['mg'] });
    // @ts-expect-error unknown role of a rupture
    s.expectRupture('consultation-mg', { roles: ['medecin'] });
  });

  test('unknown fact names and wrong fact types do not compile, in given and recordFacts', () => {
    s.given({ age: 70, vitSeul: true, nyha: 3 }, { by: chu });
    // @ts-expect-error unknown fact
    s.given({ age: 70, vitSeule: true });
    // @ts-expect-error a number fact given a string
    s.given({ age: '70' });
    // @ts-expect-error a boolean fact given a number
    s.given({ vitSeul: 1 });
    s.recordFacts({ nyha: 4 });
    // @ts-expect-error unknown fact
    s.recordFacts({ classeNyha: 4 });
    // @ts-expect-error a number fact given a string
    s.recordFacts({ nyha: 'IV' });
  });

  test('unknown events do not compile', () => {
    s.record('sortie', { data: { motif: 'retour à domicile' } });
    // @ts-expect-error unknown event
    s.record('sortie-hopital');
  });

  test('unknown steps do not compile in expectStep, expectNotInStep and reroute', () => {
    s.expectStep('suivi').expectStep('suivi-mg').expectNotInStep('coordination');
    // @ts-expect-error unknown step
    s.expectStep('suivi-ide');
    // @ts-expect-error unknown step
    s.expectNotInStep('coordination-dac');
    s.reroute('coordination', { actor: drMartin, justification: 'situation complexe' });
    // @ts-expect-error unknown step
    s.reroute('coordination-dac', { actor: drMartin, justification: 'x' });
  });

  test('delegations and task data', () => {
    const a = scenario(acces);
    a.perform('bilan-entorse', { actor: kine, delegation: 'entorse', data: { douleur: 3, note: 'ok' } });
    a.handBack('entorse', { actor: kine, task: 'bilan-entorse', reason: 'douleur' });
    // @ts-expect-error unknown delegation
    a.perform('bilan-entorse', { actor: kine, delegation: 'lombalgie' });
    // @ts-expect-error unknown delegation
    a.handBack('lombalgie', { actor: kine, task: 'bilan-entorse', reason: 'x' });
    // @ts-expect-error unknown task handed back
    a.handBack('entorse', { actor: kine, task: 'bilan', reason: 'x' });
    // @ts-expect-error a protocol without delegations accepts none
    s.perform('consultation-mg', { actor: drMartin, delegation: 'entorse' });
    // @ts-expect-error an integer given a string
    a.perform('bilan-entorse', { actor: kine, data: { douleur: 'forte' } });
    // @ts-expect-error unknown data field
    a.perform('bilan-entorse', { actor: kine, data: { eva: 3 } });
    // @ts-expect-error unknown data field
    a.observe('bilan-entorse', { source: 'dmp', data: { eva: 3 } });
  });

  test('expected refusals take an error code', () => {
    s.expectRefused('NOT_ALLOWED_ROLE', (x) => x.perform('consultation-mg', { actor: chu }));
    // @ts-expect-error not an error code
    s.expectRefused('NOT_ALLOWED', (x) => x.perform('consultation-mg', { actor: chu }));
    s.expectStatus('completed').expectComplexity('forte').expectComplexity(undefined);
    // @ts-expect-error not a status
    s.expectStatus('done');
    // @ts-expect-error not a level of the gradation
    s.expectComplexity('haute');
  });

  test('the journey a scenario gives back is typed by the protocol', async () => {
    s.expect((journey) => {
      expectTypeOf(journey).toEqualTypeOf<JourneyView<Sortie>>();
      journey.inStep('suivi-mg');
      // @ts-expect-error unknown step
      journey.inStep('suivi-ide');
    });
    const result = await s.run();
    expectTypeOf(result).toEqualTypeOf<ScenarioResult<Sortie>>();
    result.journey.task('pps');
    // @ts-expect-error unknown task
    result.journey.task('visite');
  });
});

describe('a scenario on a protocol loaded from JSON takes any string', () => {
  const loaded = JSON.parse('{}') as ProtocolDefinition;
  const anyone = actor('x', ['any-role']);

  test('every name is a string', async () => {
    const s = scenario(loaded)
      .given({ anything: 'x', n: 1 }, { by: anyone })
      .at('J0', (x) => x.record('any-event', { by: anyone }))
      .perform('any-task', { actor: anyone, as: 'other-role', delegation: 'any-delegation', data: { x: 1 } })
      .perform('any-task#3', { actor: anyone })
      .accept('any-task', { actor: anyone, as: 'r' })
      .observe('any-task', { source: 's', data: { y: 'z' } })
      .recordFacts({ whatever: true })
      .handBack('any-delegation', { actor: anyone, task: 'any-task', reason: 'x' })
      .reroute('any-step', { actor: anyone, as: 'r', justification: 'x' })
      .expectStep('any-step')
      .expectNotInStep('other-step')
      .expectOpenTask('any-task', { responsible: ['any-role'] })
      .expectRupture('any-task', { roles: ['r'], segment: 'custom' })
      .expectNoRupture('other-task')
      .expectCompleted('any-task');
    const result = await s.run();
    expectTypeOf(result.journey).toEqualTypeOf<JourneyView<ProtocolDefinition>>();
    result.journey.inStep('anything');
    result.journey.task('anything');
  });
});

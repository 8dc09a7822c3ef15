import { describe, expect, it } from 'vitest';
import { parseProtocol } from '../../src/model/parse.js';
import { heartFailureDischarge as hf, minimalProtocol as minimal } from '../fixtures/index.js';
import { append, edit, edits, expectOnlyIssue, issuesOf, remove } from './helpers.js';

// Paths into the heart-failure fixture.
const HOSPITALISATION = ['steps', 0] as const;
const SORTIE = ['steps', 1] as const;
const SUIVI = ['steps', 2] as const;
const CONSULTATIONS = ['steps', 2, 'steps', 0, 'steps', 0] as const;
const CONSULTATION_MG = [...CONSULTATIONS, 'tasks', 0] as const;
const VISITES = ['steps', 2, 'steps', 1, 'steps', 0] as const;
const COORDINATION = ['steps', 2, 'steps', 2] as const;
const DELEGATION = ['delegations', 0] as const;

describe('the fixtures are sound', () => {
  it.each([
    ['heart failure', hf],
    ['minimal', minimal],
  ])('%s parses without issue', (_name, input) => {
    expect(() => parseProtocol(input)).not.toThrow();
  });
});

describe('ids are unique', () => {
  it('roles', () => {
    expectOnlyIssue(
      append(minimal, ['roles'], { id: 'medecin-traitant', label: { fr: 'Autre' } }),
      'roles[1].id',
      'duplicate role id "medecin-traitant" (first declared at roles[0])',
    );
  });
  it('steps, across nesting levels', () => {
    expectOnlyIssue(
      edit(hf, [...VISITES, 'id'], 'consultations'),
      'steps[2].steps[1].steps[0].id',
      /^duplicate step id "consultations" \(first declared at steps\[2\]\.steps\[0\]\.steps\[0\]\)/,
    );
  });
  it('tasks, across steps', () => {
    expectOnlyIssue(
      edit(hf, [...VISITES, 'tasks', 0, 'id'], 'consultation-mg'),
      'steps[2].steps[1].steps[0].tasks[0].id',
      'duplicate task id "consultation-mg" (first declared at steps[2].steps[0].steps[0].tasks[0])',
    );
  });
  it.each([
    ['events', { id: 'sortie', label: { fr: 'Encore' } }, 'events[3].id', 'event'],
    ['indicators', { ...hf.indicators[0], label: { fr: 'Copie' } }, 'indicators[5].id', 'indicator'],
    ['delegations', { ...hf.delegations[0] }, 'delegations[1].id', 'delegation'],
  ] as const)('%s', (key, item, pointer, what) => {
    const issue = expectOnlyIssue(
      append(hf, [key], item),
      pointer,
      new RegExp(`^duplicate ${what} id "${item.id}"`),
    );
    expect(issue.kind).toBe('semantic');
  });
  it('segments', () => {
    const segment = { id: 'domicile', label: { fr: 'Domicile' } };
    expectOnlyIssue(
      edit(hf, ['segments'], [segment, segment]),
      'segments[1].id',
      /^duplicate segment id "domicile"/,
    );
  });
  it('sources', () => {
    expectOnlyIssue(
      append(hf, ['fiche', 'sources'], { id: 'prado-ic', title: 'Doublon', kind: 'programme' }),
      'fiche.sources[11].id',
      'duplicate source id "prado-ic" (first declared at fiche.sources[1])',
    );
  });
  it('exclusions of a delegation', () => {
    expectOnlyIssue(
      append(hf, [...DELEGATION, 'exclusions'], hf.delegations[0].exclusions[0]),
      'delegations[0].exclusions[1].id',
      'duplicate exclusion id "grossesse" (first declared at delegations[0].exclusions[0])',
    );
  });
});

describe('roles: who can perform', () => {
  it('reports a required task nobody can perform', () => {
    expectOnlyIssue(
      edit(minimal, ['steps', 0, 'tasks', 0, 'responsible'], ['medecin-traitent']),
      'steps[0].tasks[0].responsible',
      'nobody can perform the required task "consultation-mg": none of its roles (medecin-traitent) is declared in roles',
    );
  });
  it('reports each unknown role of a task someone can still perform, with a suggestion', () => {
    expectOnlyIssue(
      edit(hf, [...CONSULTATION_MG, 'responsible'], ['medecin-traitant', 'cardiologe']),
      'steps[2].steps[0].steps[0].tasks[0].responsible[1]',
      /^unknown role "cardiologe" \(did you mean "cardiologue"\?\) \(declared: equipe-hospitaliere, conseiller-am, medecin-traitant, cardiologue, infirmier, coordinateur-dac, patient in roles\)$/,
    );
  });
  it('reports the unknown role of an optional task nobody can perform', () => {
    expectOnlyIssue(
      edits(
        minimal,
        [['steps', 0, 'tasks', 0, 'responsible'], ['pharmacien']],
        [['steps', 0, 'tasks', 0, 'required'], false],
      ),
      'steps[0].tasks[0].responsible[0]',
      /^unknown role "pharmacien"/,
    );
  });
  it('reports an unknown role to escalate to', () => {
    expectOnlyIssue(
      edit(hf, [...CONSULTATION_MG, 'onMiss', 'escalateTo'], 'dac'),
      'steps[2].steps[0].steps[0].tasks[0].onMiss.escalateTo',
      /^unknown role "dac"/,
    );
  });
});

describe('delegations', () => {
  it('reports a delegation to a role the protocol does not have', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'delegate'], 'pharmacien'),
      'delegations[0].delegate',
      /^delegation "titration-ide" is to role "pharmacien", which the protocol does not have \(declared: equipe-hospitaliere, /,
    );
  });
  it('reports an unknown delegating role', () => {
    const issues = issuesOf(edit(hf, [...DELEGATION, 'delegating'], 'cardiolog'));
    expect(issues.map((i) => i.pointer)).toContain('delegations[0].delegating');
    expect(issues.find((i) => i.pointer === 'delegations[0].delegating')!.message).toMatch(
      /^the delegating role of "titration-ide" is an unknown role "cardiolog" \(did you mean "cardiologue"\?\)/,
    );
  });
  it('reports a role delegating to itself', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'delegate'], 'cardiologue'),
      'delegations[0].delegate',
      'a role cannot delegate to itself ("cardiologue")',
    );
  });
  it('reports an unknown delegated task', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'tasks'], ['titraton']),
      'delegations[0].tasks[0]',
      'unknown task "titraton" (did you mean "titration"?)',
    );
  });
  it('reports a task the delegating role is not responsible for', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'tasks'], ['titration', 'consultation-mg']),
      'delegations[0].tasks[1]',
      '"cardiologue" can only delegate what it is responsible for; task "consultation-mg" is performed by medecin-traitant',
    );
  });
  it('reports an unknown consent fact, and a consent fact that is not a boolean', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'consent', 'fact'], 'consentement'),
      'delegations[0].consent.fact',
      /^unknown fact "consentement"/,
    );
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'consent', 'fact'], 'age'),
      'delegations[0].consent.fact',
      'consent fact "age" must be declared with type "boolean"',
    );
  });
  it('does not take an Object.prototype member for a declared fact', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'consent', 'fact'], 'constructor'),
      'delegations[0].consent.fact',
      /^unknown fact "constructor"/,
    );
  });
  it('reports a hand-back task that is not on demand, or not performed by the delegating role', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'handBack', 'task'], 'consultation-cardiologue'),
      'delegations[0].handBack.task',
      'task "consultation-cardiologue" is opened by a hand-back: declare it with start: "on-demand"',
    );
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'handBack', 'task'], 'relance-patient'),
      'delegations[0].handBack.task',
      'hand-back task "relance-patient" must be performed by the delegating role "cardiologue"',
    );
  });
  it('reports an obligation that is not an on-demand task', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'obligations', 0, 'task'], 'visite-ide'),
      'delegations[0].obligations[0].task',
      'task "visite-ide" is opened by a delegation obligation: declare it with start: "on-demand"',
    );
  });
  it('checks the inclusion and exclusion conditions', () => {
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'exclusions', 0, 'when', 'fact'], 'enceinte'),
      'delegations[0].exclusions[0].when.fact',
      /^unknown fact "enceinte"/,
    );
    expectOnlyIssue(
      edit(hf, [...DELEGATION, 'inclusion'], { requiredTasksDone: true }),
      'delegations[0].inclusion',
      '"requiredTasksDone" can only guard an exit of a step',
    );
  });
});

describe('references resolve', () => {
  it.each([
    [
      { fact: 'ag', op: 'gte', value: 75 },
      'when.fact',
      /^unknown fact "ag" \(did you mean "age"\?\) \(declared: age, nyha, /,
    ],
    [{ exists: 'medecin' }, 'when.exists', /^unknown fact "medecin"/],
    [{ fact: 'poids', in: [1] }, 'when.fact', /^unknown fact "poids"/],
    [{ task: 'consultation', status: 'completed' }, 'when.task', /^unknown task "consultation"/],
    [
      { event: 'sorti' },
      'when.event',
      /^unknown event "sorti" \(did you mean "sortie"\?\) \(declared: sortie, signe-alerte, rehospitalisation in events\)$/,
    ],
    [{ elapsed: 'P7D', since: { event: 'admission' } }, 'when.since.event', /^unknown event "admission"/],
    [{ elapsed: 'P7D', since: { task: 'lettre' } }, 'when.since.task', /^unknown task "lettre"/],
    [{ elapsed: 'P7D', since: { fact: 'dateEntree' } }, 'when.since.fact', /^unknown fact "dateEntree"/],
    [{ not: { all: [{ exists: 'age' }, { exists: 'x' }] } }, 'when.not.all[1].exists', /^unknown fact "x"/],
  ])('in a condition: %j', (when, at, message) => {
    expectOnlyIssue(
      edit(hf, [...HOSPITALISATION, 'tasks', 0, 'when'], when),
      `steps[0].tasks[0].${at}`,
      message,
    );
  });
  it('reports an unknown event that opens a task', () => {
    expectOnlyIssue(
      edit(hf, [...COORDINATION, 'tasks', 0, 'start'], { event: 'alerte' }),
      'steps[2].steps[2].tasks[0].start.event',
      /^unknown event "alerte"/,
    );
  });
  it('reports an unknown event on an exit', () => {
    expectOnlyIssue(
      edit(hf, [...HOSPITALISATION, 'exits', 0, 'on'], 'depart'),
      'steps[0].exits[0].on',
      /^unknown event "depart"/,
    );
  });
  it.each([
    [{ task: 'lettre' }, 'task', /^unknown task "lettre"/],
    [{ event: 'admission' }, 'event', /^unknown event "admission"/],
    [{ fact: 'dateEntree' }, 'fact', /^unknown fact "dateEntree"/],
  ])('reports an unknown due anchor %j', (from, key, message) => {
    expectOnlyIssue(
      edit(hf, [...CONSULTATION_MG, 'due', 'from'], from),
      `steps[2].steps[0].steps[0].tasks[0].due.from.${key}`,
      message,
    );
  });
  it('reports a task due from its own completion', () => {
    expectOnlyIssue(
      edit(hf, [...CONSULTATION_MG, 'due', 'from'], { task: 'consultation-mg' }),
      'steps[2].steps[0].steps[0].tasks[0].due.from.task',
      'task "consultation-mg" cannot be due from its own completion',
    );
  });
  it('reports an exit to an unknown step, with a suggestion', () => {
    expectOnlyIssue(
      append(hf, [...SORTIE, 'exits'], { to: 'suivis', on: 'rehospitalisation' }),
      'steps[1].exits[1].to',
      'unknown step "suivis" (did you mean "suivi"?)',
    );
  });
  it('reports an exit to a step that is not a sibling', () => {
    expectOnlyIssue(
      append(hf, [...SORTIE, 'exits'], { to: 'consultations', on: 'rehospitalisation' }),
      'steps[1].exits[1].to',
      /^exit to "consultations": an exit leads to a sibling step \(hospitalisation, sortie-hopital, suivi, rehospitalisation, cloture\)/,
    );
  });
  it.each([
    [['denominator'], { stepReached: 'suivis' }, 'denominator.stepReached', /^unknown step "suivis"/],
    [
      ['numerator'],
      { taskCompleted: 'consultation', within: 'P7D' },
      'numerator.taskCompleted',
      /^unknown task "consultation"/,
    ],
    [['numerator'], { taskWaived: 'x' }, 'numerator.taskWaived', /^unknown task "x"/],
    [['numerator'], { rupture: { task: 'x' } }, 'numerator.rupture.task', /^unknown task "x"/],
    [['numerator'], { event: 'deces' }, 'numerator.event', /^unknown event "deces"/],
    [
      ['numerator'],
      { condition: { exists: 'poids' } },
      'numerator.condition.exists',
      /^unknown fact "poids"/,
    ],
    [
      ['numerator'],
      { taskCompleted: 'consultation-mg', within: 'P7D', from: { event: 'admission' } },
      'numerator.from.event',
      /^unknown event "admission"/,
    ],
  ])('in an indicator criterion: %j', (where, criterion, at, message) => {
    expectOnlyIssue(edit(hf, ['indicators', 0, ...where], criterion), `indicators[0].${at}`, message);
  });
  it.each([
    [[...SORTIE, 'tasks', 0, 'due', 'source'], 'steps[1].tasks[0].due.source'],
    [[...VISITES, 'tasks', 0, 'repeat', 'source'], 'steps[2].steps[1].steps[0].tasks[0].repeat.source'],
    [['complexity', 'source'], 'complexity.source'],
    [['indicators', 1, 'source'], 'indicators[1].source'],
    [[...DELEGATION, 'source'], 'delegations[0].source'],
    [[...DELEGATION, 'qualification', 'source'], 'delegations[0].qualification.source'],
    [[...DELEGATION, 'exclusions', 0, 'source'], 'delegations[0].exclusions[0].source'],
  ])('reports an unknown source cited at %j', (path, pointer) => {
    expectOnlyIssue(
      edit(hf, path, 'has-2099'),
      pointer,
      /^unknown source "has-2099" \(declared: has-parcours-ic, .* in fiche\.sources\)$/,
    );
  });
  it.each([
    [[...SORTIE, 'segment'], 'steps[1].segment'],
    [[...SORTIE, 'tasks', 0, 'segment'], 'steps[1].tasks[0].segment'],
    [['indicators', 0, 'segment'], 'indicators[0].segment'],
    [['indicators', 3, 'numerator', 'rupture', 'segment'], 'indicators[3].numerator.rupture.segment'],
  ])('reports an unknown segment at %j', (path, pointer) => {
    expectOnlyIssue(
      edit(hf, path, 'sorti'),
      pointer,
      /^unknown segment "sorti" \(did you mean "sortie"\?\): use a built-in one \(diagnostic, /,
    );
  });
  it('accepts a custom segment declared in segments', () => {
    const input = edits(
      hf,
      [['segments'], [{ id: 'domicile', label: { fr: 'Domicile' } }]],
      [[...SORTIE, 'segment'], 'domicile'],
    );
    expect(() => parseProtocol(input)).not.toThrow();
  });
});

describe('facts', () => {
  it('reports facts that are not a valid JSON Schema', () => {
    expectOnlyIssue(
      edit(hf, ['facts', 'properties', 'age', 'type'], 'entier'),
      'facts',
      /^facts is not a valid JSON Schema: schema is invalid: data\/properties\/age\/type must be equal to one of the allowed values/,
    );
  });
  it('reports a $ref that does not resolve', () => {
    expectOnlyIssue(
      edit(hf, ['facts', 'properties', 'age'], { $ref: '#/$defs/Age' }),
      'facts',
      /can't resolve reference #\/\$defs\/Age/,
    );
  });
  it('reports a required fact that is not declared', () => {
    expectOnlyIssue(
      edit(hf, ['facts', 'required'], ['age', 'poids']),
      'facts.required',
      'required fact "poids" is not in facts.properties',
    );
  });
  it('reports invalid data schemas of events and tasks', () => {
    expectOnlyIssue(
      edit(hf, ['events', 1, 'data', 'properties', 'signe', 'enum'], 'essoufflement'),
      'events[1].data',
      /^data of event "signe-alerte" is not a valid JSON Schema: /,
    );
    expectOnlyIssue(
      edit(hf, [...SORTIE, 'tasks', 0, 'data', 'properties', 'traitementsModifies', 'type'], 'bool'),
      'steps[1].tasks[0].data',
      /^data of task "lettre-de-liaison" is not a valid JSON Schema: /,
    );
  });
  it.each([
    [{ fact: 'age', op: 'gte', value: '75' }, 'value', 'fact "age" is an integer; "75" is not'],
    [{ fact: 'vitSeul', op: 'eq', value: 'oui' }, 'value', 'fact "vitSeul" is a boolean; "oui" is not'],
    [
      { fact: 'medecinTraitant', op: 'eq', value: 12 },
      'value',
      'fact "medecinTraitant" is a string; 12 is not',
    ],
    [{ fact: 'nyha', in: [3, 'IV'] }, 'in[1]', 'fact "nyha" is an integer; "IV" is not'],
    [{ fact: 'nyha', in: [3, 5] }, 'in[1]', 'fact "nyha" takes one of 1, 2, 3, 4; 5 is not one of them'],
    [
      { fact: 'nyha', op: 'eq', value: 0 },
      'value',
      'fact "nyha" takes one of 1, 2, 3, 4; 0 is not one of them',
    ],
    [
      { fact: 'vitSeul', op: 'gt', value: false },
      'op',
      '"gt" cannot compare the boolean fact "vitSeul": use "eq" or "ne"',
    ],
  ])('reports a value of the wrong kind for the fact: %j', (when, at, message) => {
    expectOnlyIssue(
      edit(hf, [...HOSPITALISATION, 'tasks', 0, 'when'], when),
      `steps[0].tasks[0].when.${at}`,
      message,
    );
  });
  it('accepts an ordering comparison with a value outside the enum (nyha >= 3)', () => {
    expect(() =>
      parseProtocol(
        edit(hf, [...HOSPITALISATION, 'tasks', 0, 'when'], { fact: 'nyha', op: 'gte', value: 3 }),
      ),
    ).not.toThrow();
  });
});

describe('where a condition may appear', () => {
  it('"requiredTasksDone" only guards exits', () => {
    expectOnlyIssue(
      edit(hf, [...HOSPITALISATION, 'tasks', 0, 'when'], { all: [{ requiredTasksDone: true }] }),
      'steps[0].tasks[0].when.all[0]',
      '"requiredTasksDone" can only guard an exit of a step',
    );
    expectOnlyIssue(
      edit(hf, ['indicators', 0, 'numerator'], { condition: { requiredTasksDone: true } }),
      'indicators[0].numerator.condition',
      '"requiredTasksDone" can only guard an exit of a step',
    );
  });
  it('a complexity rule cannot depend on the complexity', () => {
    expectOnlyIssue(
      edit(hf, ['complexity', 'rules', 1, 'when'], {
        any: [{ complexity: 'forte' }, { fact: 'age', op: 'gte', value: 75 }],
      }),
      'complexity.rules[1].when.any[0].complexity',
      'a complexity rule cannot depend on the complexity level it computes',
    );
  });
  it('a complexity condition needs a gradation', () => {
    expectOnlyIssue(
      edit(minimal, ['steps', 0, 'tasks', 0, 'when'], { complexity: ['moyenne', 'forte'] }),
      'steps[0].tasks[0].when.complexity',
      /^the protocol has no gradation of complexity: declare "complexity"/,
    );
  });
});

describe('steps', () => {
  it('reports an initial step that is not top-level, without calling every step unreachable', () => {
    expectOnlyIssue(
      edit(hf, ['initial'], 'consultations'),
      'initial',
      'initial step "consultations" is not a top-level step (top-level steps: hospitalisation, sortie-hopital, suivi, rehospitalisation, cloture)',
    );
  });
  it('reports a nested initial step that is not nested in its step', () => {
    expectOnlyIssue(
      edit(hf, ['steps', 2, 'steps', 0, 'initial'], 'consultation'),
      'steps[2].steps[0].initial',
      'initial step "consultation" is not a nested step of "suivi-medical" (nested steps: consultations, fin-suivi-medical)',
    );
  });
  it('reports an initial step on a parallel step', () => {
    expectOnlyIssue(
      edit(hf, [...SUIVI, 'initial'], 'coordination'),
      'steps[2].initial',
      'parallel step "suivi" runs all its nested steps: it has no initial step',
    );
  });
  it('reports a parallel step without branches', () => {
    const issues = issuesOf(edit(hf, [...SUIVI, 'steps'], []));
    expect(issues.find((i) => i.pointer === 'steps[2].steps')?.message).toBe(
      'parallel step "suivi" needs nested steps (its parallel branches)',
    );
  });
  it('reports a final step with exits or nested steps', () => {
    expectOnlyIssue(
      edit(minimal, ['steps', 1, 'exits'], [{ to: 'consultation' }]),
      'steps[1].exits',
      'final step "fin" cannot have exits',
    );
    expectOnlyIssue(
      edit(
        minimal,
        ['steps', 1, 'steps'],
        [{ id: 'x', label: { fr: 'X' }, segment: 'sortie', kind: 'final' }],
      ),
      'steps[1].steps',
      'final step "fin" cannot have nested steps',
    );
  });
  it('reports an exit from one parallel branch to another', () => {
    expectOnlyIssue(
      edit(hf, [...COORDINATION, 'exits'], [{ to: 'suivi-medical', on: 'signe-alerte' }]),
      'steps[2].steps[2].exits[0].to',
      '"coordination" and "suivi-medical" are branches of the parallel step "suivi" and run together: a branch cannot exit to another',
    );
  });
  it('reports a step with no way out that is not final', () => {
    expectOnlyIssue(
      edit(hf, ['steps', 3, 'exits'], []),
      'steps[3]',
      'step "rehospitalisation" has no way out and is not final: add an exit or make it kind "final"',
    );
  });
  it('reports a compound step with no way out and no final nested step', () => {
    const input = edits(
      hf,
      [[...SUIVI, 'exits'], []],
      [['steps', 2, 'steps', 0, 'steps', 1, 'kind'], 'simple'],
      [['steps', 2, 'steps', 0, 'steps', 1, 'exits'], [{ to: 'consultations', on: 'rehospitalisation' }]],
    );
    const pointers = issuesOf(input).map((i) => `${i.pointer}: ${i.message}`);
    expect(pointers).toContain(
      'steps[2].steps[0]: step "suivi-medical" has no way out: add an exit to it, or a final step among its nested steps',
    );
  });
  it('lets an exit of an enclosing step be the way out of nested steps', () => {
    // "coordination" has no exit of its own: the exits of "suivi" take the patient out of it.
    expect(hf.steps[2].steps[2]).not.toHaveProperty('exits');
    expect(() => parseProtocol(hf)).not.toThrow();
  });
  it('reports an unreachable top-level step', () => {
    expectOnlyIssue(
      edit(hf, [...SUIVI, 'exits', 0, 'to'], 'cloture'),
      'steps[3]',
      'step "rehospitalisation" cannot be reached: no chain of exits from the initial step "hospitalisation" leads to it',
    );
  });
  it('reports an unreachable nested step inside a branch of a parallel step', () => {
    expectOnlyIssue(
      remove(hf, [...VISITES, 'exits', 0]),
      'steps[2].steps[1].steps[1]',
      'step "visites-bimensuelles" cannot be reached: no chain of exits from the initial step "visites-hebdomadaires" leads to it',
    );
  });
  it('never calls the branches of a parallel step unreachable, at any depth', () => {
    // A parallel step as a branch of another: its own branches all start together.
    const nestedParallel = {
      id: 'double',
      label: { fr: 'Double suivi' },
      segment: 'suivi-ville',
      kind: 'parallel',
      steps: [
        { id: 'branche-a', label: { fr: 'A' }, segment: 'suivi-ville', kind: 'final' },
        { id: 'branche-b', label: { fr: 'B' }, segment: 'suivi-ville', kind: 'final' },
      ],
    };
    expect(() => parseProtocol(append(hf, [...SUIVI, 'steps'], nestedParallel))).not.toThrow();
  });
  it('follows a custom initial step', () => {
    const input = edits(
      minimal,
      [['initial'], 'fin'],
      [
        ['steps', 1],
        {
          id: 'fin',
          label: { fr: 'Fin' },
          segment: 'suivi-ville',
          exits: [{ to: 'consultation', on: 'retour' }],
        },
      ],
      [['events'], [{ id: 'retour', label: { fr: 'Retour' } }]],
      [['steps', 0, 'exits'], [{ to: 'fin', when: { requiredTasksDone: true } }]],
    );
    expect(() => parseProtocol(input)).not.toThrow();
  });
});

describe('tasks', () => {
  it('reports a reminder without a due date', () => {
    expectOnlyIssue(
      edit(minimal, ['steps', 0, 'tasks', 0, 'remindBefore'], 'P2D'),
      'steps[0].tasks[0].remindBefore',
      'task "consultation-mg" has no due date to remind of: add "due" (or "repeat")',
    );
  });
  it('reports a miss policy on a task that cannot be missed', () => {
    expectOnlyIssue(
      edit(minimal, ['steps', 0, 'tasks', 0, 'onMiss'], { escalateTo: 'medecin-traitant' }),
      'steps[0].tasks[0].onMiss',
      'task "consultation-mg" has no due date, so it can never be missed: add "due" (or "repeat") or remove "onMiss"',
    );
  });
  it('accepts a miss policy on a recurring task', () => {
    expect(() =>
      parseProtocol(edit(hf, [...VISITES, 'tasks', 0, 'onMiss'], { escalateTo: 'medecin-traitant' })),
    ).not.toThrow();
  });
  it('reports a miss policy opening an unknown task, or a task that is not on demand', () => {
    expectOnlyIssue(
      edit(hf, [...CONSULTATION_MG, 'onMiss', 'open'], ['relance']),
      'steps[2].steps[0].steps[0].tasks[0].onMiss.open[0]',
      'unknown task "relance"',
    );
    expectOnlyIssue(
      edit(hf, [...CONSULTATION_MG, 'onMiss', 'open'], ['consultation-cardiologue']),
      'steps[2].steps[0].steps[0].tasks[0].onMiss.open[0]',
      'task "consultation-cardiologue" is opened by a miss policy: declare it with start: "on-demand"',
    );
  });
});

describe('every problem at once', () => {
  it('reports all the semantic problems of a definition together, in definition order', () => {
    const input = edits(
      hf,
      [[...CONSULTATION_MG, 'responsible'], ['medecin']],
      [[...SORTIE, 'exits', 0, 'to'], 'suivis'],
      [[...DELEGATION, 'delegate'], 'pharmacien'],
      [['indicators', 0, 'source'], 'inconnue'],
      [['complexity', 'rules', 0, 'when'], { fact: 'agee', op: 'eq', value: true }],
    );
    const issues = issuesOf(input);
    expect(issues.map((i) => i.pointer)).toEqual(
      expect.arrayContaining([
        'steps[1].exits[0].to',
        'steps[2].steps[0].steps[0].tasks[0].responsible',
        'delegations[0].delegate',
        'indicators[0].source',
        'complexity.rules[0].when.fact',
      ]),
    );
    // "suivi" can no longer be reached either: the exit to it is broken.
    expect(issues.map((i) => i.pointer)).toContain('steps[2]');
    expect(issues.every((i) => i.kind === 'semantic')).toBe(true);
  });
});

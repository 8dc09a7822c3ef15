import { describe, expect, it } from 'vitest';
import { CptsError, formatPath, ProtocolValidationError } from '../../src/errors.js';
import { parseProtocol, safeParseProtocol } from '../../src/model/parse.js';
import { heartFailureDischarge as hf, minimalProtocol as minimal } from '../fixtures/index.js';
import { append, edit, edits, expectOnlyIssue, issuesOf, remove } from './helpers.js';

const TASK = ['steps', 0, 'tasks', 0] as const;
const EXIT = ['steps', 0, 'exits', 0] as const;

describe('structure: the shape of the data', () => {
  it.each([
    ['null', null, 'expected an object, got null'],
    ['a string', 'ic.json', 'expected an object, got the string "ic.json"'],
    ['an array', [minimal], 'expected an object, got an array'],
    ['a number', 42, 'expected an object, got number 42'],
    ['undefined', undefined, 'required: expected an object'],
    ['a function', () => minimal, 'expected an object, got a function'],
  ])('rejects %s at the root', (_name, input, message) => {
    expectOnlyIssue(input, '(root)', message);
  });

  it('reports every missing required key', () => {
    const issues = issuesOf({});
    expect(issues.map((i) => `${i.pointer}: ${i.message}`)).toEqual([
      'id: required: expected a string',
      'version: required: expected a string',
      'title: required: expected an object',
      'fiche: required: expected an object',
      'roles: required: expected an array',
      'steps: required: expected an array',
    ]);
    expect(issues.every((i) => i.kind === 'structure')).toBe(true);
  });

  it('reports an unknown key with the key it was probably meant to be', () => {
    const misspelt = edit(
      remove(minimal, [...TASK, 'responsible']),
      [...TASK, 'responsable'],
      ['medecin-traitant'],
    );
    const issues = issuesOf(misspelt);
    expect(issues.map((i) => `${i.pointer}: ${i.message}`)).toEqual([
      'steps[0].tasks[0]: unknown key "responsable" (did you mean "responsible"?)',
    ]);
  });

  it('reports an unknown key with the keys allowed there', () => {
    expectOnlyIssue(
      edit(minimal, ['roles', 0, 'specialite'], 'MG'),
      'roles[0]',
      'unknown key "specialite" (allowed: id, label, kind, description)',
    );
  });

  it.each([
    [
      'an id with a space',
      ['id'],
      'mon protocole',
      'id',
      'must start with a letter and contain only letters, digits, "-" and "_"',
    ],
    ['an id starting with a digit', ['roles', 0, 'id'], '1-mg', 'roles[0].id', /^must start with a letter/],
    ['an id too long', ['id'], `p${'x'.repeat(80)}`, 'id', 'must be at most 80 characters'],
    [
      'a version that is not semver',
      ['version'],
      '1.0',
      'version',
      'must be a semantic version such as "1.0.0"',
    ],
    ['an empty French label', ['title', 'fr'], '', 'title.fr', 'the French label must not be empty'],
    ['an empty English label', ['title', 'en'], '', 'title.en', 'must not be empty'],
    ['a label without French', ['title'], { en: 'Minimal' }, 'title.fr', 'required: expected a string'],
    ['a label as plain text', ['title'], 'Minimal', 'title', 'expected an object, got the string "Minimal"'],
    [
      'an unknown step kind',
      ['steps', 1, 'kind'],
      'terminal',
      'steps[1].kind',
      'must be one of "simple", "parallel", "final"',
    ],
    [
      'an unknown role kind',
      ['roles', 0, 'kind'],
      'medecin',
      'roles[0].kind',
      /^must be one of "professionnel", "structure"/,
    ],
    [
      'a task that is not required by a string',
      [...TASK, 'required'],
      'oui',
      'steps[0].tasks[0].required',
      'expected a boolean, got the string "oui"',
    ],
    [
      'no responsible role',
      [...TASK, 'responsible'],
      [],
      'steps[0].tasks[0].responsible',
      'a task needs at least one responsible role',
    ],
    ['no role at all', ['roles'], [], 'roles', 'a protocol needs at least one role'],
    ['no step at all', ['steps'], [], 'steps', 'a protocol needs at least one step'],
    [
      'facts that are not an object schema',
      ['facts'],
      { type: 'array' },
      'facts.type',
      'must be a JSON Schema of type "object"',
    ],
    [
      'a fiche date that is not a month',
      ['fiche', 'dateCreation'],
      '01/2026',
      'fiche.dateCreation',
      'must be a date "YYYY-MM" or "YYYY-MM-DD"',
    ],
    [
      'a fiche date with month 13',
      ['fiche', 'dateCreation'],
      '2026-13',
      'fiche.dateCreation',
      /^must be a date/,
    ],
    [
      'a fiche date with day 32',
      ['fiche', 'dateActualisation'],
      '2026-01-32',
      'fiche.dateActualisation',
      /^must be a date/,
    ],
    [
      'a source of an unknown kind',
      ['fiche', 'sources'],
      [{ id: 's', title: 'S', kind: 'blog' }],
      'fiche.sources[0].kind',
      /^must be one of "recommandation"/,
    ],
    [
      'a source year out of range',
      ['fiche', 'sources'],
      [{ id: 's', title: 'S', kind: 'secondaire', year: 20 }],
      'fiche.sources[0].year',
      'must be at least 1900',
    ],
    [
      'an indicator target above 1',
      ['indicators'],
      [
        {
          id: 'i',
          label: { fr: 'I' },
          kind: 'moyens',
          denominator: { started: true },
          numerator: { started: true },
          target: 85,
        },
      ],
      'indicators[0].target',
      'must be at most 1',
    ],
  ])('rejects %s', (_name, path, value, pointer, message) => {
    const issue = expectOnlyIssue(edit(minimal, path, value), pointer, message);
    expect(issue.kind).toBe('structure');
  });

  it.each([
    ['within a due window', [...TASK, 'due'], { within: '7 jours' }, 'steps[0].tasks[0].due.within'],
    ['a recurrence', [...TASK, 'repeat'], { every: 'P1.5M' }, 'steps[0].tasks[0].repeat.every'],
    ['a reminder', [...TASK, 'remindBefore'], 'P', 'steps[0].tasks[0].remindBefore'],
    [
      'an elapsed time',
      [...EXIT, 'when'],
      { elapsed: 'PT', since: 'opened' },
      'steps[0].exits[0].when.elapsed',
    ],
    [
      'a time part without T',
      [...EXIT, 'when'],
      { elapsed: 'P1H', since: 'opened' },
      'steps[0].exits[0].when.elapsed',
    ],
    [
      'a trailing T',
      [...EXIT, 'when'],
      { elapsed: 'P1DT', since: 'opened' },
      'steps[0].exits[0].when.elapsed',
    ],
    ['lower case', [...EXIT, 'when'], { elapsed: 'p7d', since: 'opened' }, 'steps[0].exits[0].when.elapsed'],
  ])('rejects an invalid ISO 8601 duration in %s', (_name, path, value, pointer) => {
    expectOnlyIssue(
      edit(minimal, path, value),
      pointer,
      'must be an ISO 8601 duration such as "P7D" (7 days), "PT48H" (48 hours) or "P2M" (2 months)',
    );
  });

  it.each(['P7D', 'PT48H', 'P2M', 'P1Y6M', 'P1W', 'P1DT12H', 'PT30M', 'P0D'])(
    'accepts the duration %s',
    (duration) => {
      expect(() => parseProtocol(edit(minimal, [...TASK, 'due'], { within: duration }))).not.toThrow();
    },
  );

  it.each([
    ['perYear 0', { perYear: 0 }, 'steps[0].tasks[0].repeat.perYear', 'must be at least 1'],
    ['perYear 366', { perYear: 366 }, 'steps[0].tasks[0].repeat.perYear', 'must be at most 365'],
    [
      'perYear 1.5',
      { perYear: 1.5 },
      'steps[0].tasks[0].repeat.perYear',
      'expected an integer, got number 1.5',
    ],
    ['a count of 0', { every: 'P1W', count: 0 }, 'steps[0].tasks[0].repeat.count', 'must be at least 1'],
  ])('rejects a recurrence with %s', (_name, repeat, pointer, message) => {
    expectOnlyIssue(edit(minimal, [...TASK, 'repeat'], repeat), pointer, message);
  });

  it('rejects values of the facts schema that are not JSON', () => {
    expectOnlyIssue(
      edit(minimal, ['facts'], { type: 'object', properties: {}, $comment: () => 'code' }),
      'facts.$comment',
      'must be JSON data: a string, a number, a boolean, null, an array or an object',
    );
  });
});

describe('structure: unions report the form the author meant', () => {
  it.each([
    [
      'a bad operator',
      { fact: 'age', op: 'greater', value: 75 },
      'when.op',
      'must be one of "eq", "ne", "lt", "lte", "gt", "gte"',
    ],
    [
      'a missing operator',
      { fact: 'age', value: 75 },
      'when.op',
      'required: must be one of "eq", "ne", "lt", "lte", "gt", "gte"',
    ],
    [
      'a misspelt key',
      { facts: 'age', op: 'gte', value: 75 },
      'when',
      'unknown key "facts" (did you mean "fact"?)',
    ],
    [
      'an extra key',
      { fact: 'age', op: 'gte', value: 75, unit: 'ans' },
      'when',
      'unknown key "unit" (allowed: fact, op, value)',
    ],
    [
      'a value that is not a scalar',
      { fact: 'age', op: 'gte', value: [75] },
      'when.value',
      'must be a string, a number or a boolean',
    ],
    ['an empty "in"', { fact: 'nyha', in: [] }, 'when.in', '"in" needs at least one value'],
    ['an empty "all"', { all: [] }, 'when.all', '"all" needs at least one condition'],
    [
      'a bad nested condition',
      { all: [{ exists: 'age' }, { any: [{ fact: 'age', op: '>=', value: 75 }] }] },
      'when.all[1].any[0].op',
      /^must be one of "eq"/,
    ],
    [
      'an unknown complexity level',
      { complexity: 'haute' },
      'when.complexity',
      'must be "faible", "moyenne", "forte" or a list of them',
    ],
    [
      'an unknown level in a list',
      { complexity: ['forte', 'haute'] },
      'when.complexity[1]',
      'must be one of "faible", "moyenne", "forte"',
    ],
    [
      'an unknown task status',
      { task: 't', status: 'done' },
      'when.status',
      /^must be a task status \(inactive, open, accepted, completed, cancelled, waived\)/,
    ],
    ['requiredTasksDone: false', { requiredTasksDone: false }, 'when.requiredTasksDone', 'must be true'],
    [
      'an anchor of no known form',
      { elapsed: 'P7D', since: { evenement: 'sortie' } },
      'when.since',
      'must be "opened", "journey-start", "step-entry", { task }, { event } or { fact }',
    ],
    [
      'an unknown anchor name',
      { elapsed: 'P7D', since: 'ouverture' },
      'when.since',
      'must be "opened", "journey-start", "step-entry", { task }, { event } or { fact }',
    ],
  ])('a condition with %s', (_name, when, at, message) => {
    expectOnlyIssue(edit(minimal, [...EXIT, 'when'], when), `steps[0].exits[0].${at}`, message);
  });

  it.each([
    ['an empty object', {}],
    ['a string', 'age >= 75'],
    ['two forms mixed', { exists: 'age', event: 'sortie' }],
  ])('a condition that is %s lists the allowed forms', (_name, when) => {
    expectOnlyIssue(
      edit(minimal, [...EXIT, 'when'], when),
      'steps[0].exits[0].when',
      /^must be a condition: \{ all: \[\.\.\.\] \}, \{ any: \[\.\.\.\] \}, \{ not \}, \{ fact, op, value \}, .* or \{ requiredTasksDone: true \}$/,
    );
  });

  it('a recurrence of no known form', () => {
    expectOnlyIssue(
      edit(minimal, [...TASK, 'repeat'], { tous: 'P1W' }),
      'steps[0].tasks[0].repeat',
      'must be { every: "P3M" } or { perYear: 2 } (with optional count, source and note)',
    );
  });

  it('a task start of no known form', () => {
    expectOnlyIssue(
      edit(minimal, [...TASK, 'start'], 'manual'),
      'steps[0].tasks[0].start',
      'must be "step-entry", "on-demand" or { event }',
    );
  });

  it('an indicator criterion of no known form', () => {
    expectOnlyIssue(
      edit(
        minimal,
        ['indicators'],
        [
          {
            id: 'i',
            label: { fr: 'I' },
            kind: 'moyens',
            denominator: { started: true },
            numerator: { completed: 'x' },
          },
        ],
      ),
      'indicators[0].numerator',
      /^must be a criterion: \{ all \}, \{ any \}/,
    );
  });
});

describe('every problem at once', () => {
  it('reports all the structural problems of a definition together', () => {
    const input = edits(
      minimal,
      [['version'], '1'],
      [['title', 'fr'], ''],
      [[...TASK, 'responsible'], []],
      [[...TASK, 'due'], { within: '7 days' }],
      [[...EXIT, 'when'], { fact: 'age', op: 'greater', value: 75 }],
      [['steps', 1, 'kind'], 'end'],
    );
    expect(issuesOf(input).map((i) => i.pointer)).toEqual([
      'version',
      'title.fr',
      'steps[0].tasks[0].responsible',
      'steps[0].tasks[0].due.within',
      'steps[0].exits[0].when.op',
      'steps[1].kind',
    ]);
  });

  it('checks the semantics once the structure is sound', () => {
    // A structural problem hides the semantic ones (their data cannot be trusted yet)…
    const broken = edits(minimal, [['version'], '1'], [[...TASK, 'responsible'], ['inconnu']]);
    expect(issuesOf(broken).map((i) => i.kind)).toEqual(['structure']);
    // …which are all reported once it is fixed.
    expect(issuesOf(edit(broken, ['version'], '1.0.0')).map((i) => `${i.kind} ${i.pointer}`)).toEqual([
      'semantic steps[0].tasks[0].responsible',
    ]);
  });

  it('lists every issue in the error message', () => {
    const result = safeParseProtocol(edits(minimal, [['version'], '1'], [['id'], '1d']));
    if (result.success) throw new Error('expected a failure');
    const error = result.error;
    expect(error.message).toBe(
      'Invalid protocol: 2 problems\n  - id: must start with a letter and contain only letters, digits, "-" and "_"\n  - version: must be a semantic version such as "1.0.0"',
    );
  });
});

describe('the result', () => {
  it('is deeply frozen', () => {
    const p = parseProtocol(hf);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.steps)).toBe(true);
    expect(Object.isFrozen(p.steps[2]!.steps![0]!.steps![0]!.tasks[0]!.due)).toBe(true);
    expect(Object.isFrozen(p.facts.properties!.age)).toBe(true);
    expect(Object.isFrozen(p.delegations[0]!.exclusions[0]!.when)).toBe(true);
    expect(() => {
      (p.roles as unknown as unknown[]).push({ id: 'x' });
    }).toThrow(TypeError);
  });

  it('leaves the input untouched (neither frozen nor changed)', () => {
    const input = structuredClone(hf);
    const before = JSON.stringify(input);
    parseProtocol(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.isFrozen(input)).toBe(false);
    expect(Object.isFrozen(input.facts)).toBe(false);
    expect(Object.isFrozen(input.facts.properties.nyha.enum)).toBe(false);
  });

  it('applies the defaults', () => {
    const p = parseProtocol(
      edits(
        minimal,
        [[...TASK, 'due'], { within: 'P7D' }],
        [['events'], [{ id: 'sortie', label: { fr: 'Sortie' } }]],
        [
          ['delegations'],
          [
            {
              id: 'd',
              label: { fr: 'D' },
              delegating: 'medecin-traitant',
              delegate: 'ide',
              tasks: ['consultation-mg'],
            },
          ],
        ],
        [['roles', 1], { id: 'ide', label: { fr: 'IDE' } }],
        [['lint'], {}],
      ),
    );
    const step = p.steps[0]!;
    const task = step.tasks[0]!;
    expect(p.segments).toEqual([]);
    expect(p.facts).toEqual({ type: 'object', properties: {} });
    expect(p.indicators).toEqual([]);
    expect(p.fiche.sources).toEqual([]);
    expect(p.lint).toEqual({ off: [] });
    expect(p.roles[0]!.kind).toBe('professionnel');
    expect(p.events[0]!.alert).toBe(false);
    expect(step.kind).toBe('simple');
    expect(p.steps[1]!.tasks).toEqual([]);
    expect(p.steps[1]!.exits).toEqual([]);
    expect(task.required).toBe(true);
    expect(task.start).toBe('step-entry');
    expect(task.due).toEqual({ within: 'P7D', from: 'opened' });
    expect(p.delegations[0]!.exclusions).toEqual([]);
    expect(p.delegations[0]!.obligations).toEqual([]);
    expect(p.complexity).toBeUndefined();
  });

  it('keeps what the author wrote, keys of the facts schema included', () => {
    const p = parseProtocol(hf);
    expect(p.id).toBe('ic-sortie');
    expect(p.$schema).toBe('https://cpts.dev/schema/protocol.schema.json');
    expect(p.facts.required).toEqual(['age']);
    expect(p.facts.properties?.nyha).toEqual({
      type: 'integer',
      enum: [1, 2, 3, 4],
      description: 'Classe NYHA',
    });
    expect(p.steps[2]!.steps![0]!.steps![0]!.tasks[0]!.due).toEqual({
      within: 'P7D',
      from: { event: 'sortie' },
      source: 'prado-ic',
    });
  });

  it('parses the same definition twice, even when its schemas have an $id', () => {
    const input = edit(hf, ['facts', '$id'], 'https://cpts-val.example/schemas/ic-facts.json');
    expect(parseProtocol(input)).toEqual(parseProtocol(input));
  });
});

describe('errors', () => {
  it('throws a ProtocolValidationError, a CptsError with code INVALID_PROTOCOL', () => {
    let caught: unknown;
    try {
      parseProtocol(remove(minimal, ['roles']));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProtocolValidationError);
    expect(caught).toBeInstanceOf(CptsError);
    expect(CptsError.is(caught)).toBe(true);
    const error = caught as ProtocolValidationError;
    expect(error.code).toBe('INVALID_PROTOCOL');
    expect(error.name).toBe('ProtocolValidationError');
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(error.details.issues).toEqual(error.issues);
    expect(error.issues[0]).toEqual({
      path: ['roles'],
      pointer: 'roles',
      message: 'required: expected an array',
      kind: 'structure',
    });
  });

  it('safeParseProtocol returns the same error instead of throwing', () => {
    const result = safeParseProtocol(remove(minimal, ['roles']));
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.pointer)).toEqual(['roles']);
    const ok = safeParseProtocol(minimal);
    expect(ok.success && ok.data.id).toBe('minimal');
  });

  it('gives each issue its path both as an array and as a pointer', () => {
    for (const i of issuesOf(
      edits(
        hf,
        [['steps', 2, 'steps', 0, 'steps', 0, 'tasks', 0, 'responsible', 0], 'x'],
        [['version'], 'x'],
      ),
    ))
      expect(i.pointer).toBe(formatPath(i.path));
  });

  it('quotes keys that are not plain words in pointers', () => {
    expectOnlyIssue(
      edit(minimal, ['facts'], {
        type: 'object',
        properties: { 'date de sortie': { type: 'string' } },
        required: ['date sortie'],
      }),
      'facts.required',
      'required fact "date sortie" is not in facts.properties',
    );
    expect(formatPath(['facts', 'properties', 'date de sortie', 'type'])).toBe(
      'facts.properties["date de sortie"].type',
    );
    expect(formatPath(['steps', 0, 'tasks', 1, 'id'])).toBe('steps[0].tasks[1].id');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('input that is not plain JSON data', () => {
  it('reports a cyclic condition at the value that contains itself', () => {
    const input = structuredClone(minimal) as Record<string, unknown> & {
      steps: { exits: { when: unknown }[] }[];
    };
    const cyclic: Record<string, unknown> = { all: [] };
    (cyclic.all as unknown[]).push(cyclic);
    input.steps[0]!.exits[0]!.when = cyclic;
    expectOnlyIssue(
      input,
      'steps[0].exits[0].when.all[0]',
      'this value contains itself (a cycle): a protocol must be plain JSON data',
    );
  });

  it('reports a cycle zod lets through, at the value that contains itself', () => {
    const input = structuredClone(minimal) as unknown as { facts: Record<string, unknown> };
    const schema: Record<string, unknown> = { type: 'string' };
    schema.items = { anyOf: [schema] };
    input.facts = { type: 'object', properties: { medecinTraitant: schema } };
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.pointer).toMatch(/^facts\.properties\.medecinTraitant\.items/);
    expect(issues[0]!.message).toBe(
      'this value contains itself (a cycle): a protocol must be plain JSON data',
    );
  });

  it('accepts a value shared by two places (no cycle)', () => {
    const adult = { fact: 'age', op: 'gte', value: 18 };
    const input = edits(
      minimal,
      [['facts'], { type: 'object', properties: { age: { type: 'integer' } } }],
      [[...TASK, 'when'], adult],
    ) as { steps: { exits: { when: unknown }[] }[] };
    input.steps[0]!.exits[0]!.when = { all: [adult, { requiredTasksDone: true }] };
    expect(() => parseProtocol(input)).not.toThrow();
  });

  it('reports a getter that throws', () => {
    const input = structuredClone(minimal) as Record<string, unknown>;
    Object.defineProperty(input, 'steps', {
      enumerable: true,
      get() {
        throw new Error('disk unplugged');
      },
    });
    expectOnlyIssue(
      input,
      '(root)',
      'the input cannot be read as JSON data (reading it failed: disk unplugged)',
    );
  });

  it('reports a proxy that refuses to be read', () => {
    const input = new Proxy(
      {},
      {
        ownKeys() {
          throw new TypeError('no keys for you');
        },
        get() {
          throw new TypeError('no values either');
        },
      },
    );
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.pointer).toBe('(root)');
    expect(issues[0]!.message).toMatch(
      /^the input cannot be read as JSON data \(reading it failed: no (keys|values)/,
    );
  });

  it('reports a condition nested too deeply', () => {
    let when: unknown = { exists: 'age' };
    for (let i = 0; i < 20_000; i++) when = { not: when };
    expectOnlyIssue(edit(minimal, [...EXIT, 'when'], when), '(root)', /it is cyclic or nested too deeply/);
  });

  it('ignores symbol keys and accepts objects without a prototype', () => {
    const input = Object.assign(Object.create(null) as object, structuredClone(minimal), {
      [Symbol('meta')]: 1,
    });
    expect(parseProtocol(input).id).toBe('minimal');
  });

  it('accepts more roles than the fixture without complaint', () => {
    expect(() =>
      parseProtocol(append(minimal, ['roles'], { id: 'patient', label: { fr: 'Patient' }, kind: 'patient' })),
    ).not.toThrow();
  });
});

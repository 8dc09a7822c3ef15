import { type ProtocolInput, parseProtocol } from '@cpts/core';
import { describe, expect, test } from 'vitest';
import { conditionDomain, LINT_RULE_IDS, LINT_RULES, lintProtocol, whyNever } from '../src/index.js';
import { icSortie } from './fixtures/ic-sortie.js';
import { minimal } from './fixtures/minimal.js';

type Mutable = ReturnType<typeof minimal> & { [key: string]: unknown };
// biome-ignore lint/suspicious/noExplicitAny: test fixtures are edited freely before validation
type Loose = any;

function lint(edit: (p: Loose) => void, off: string[] = []) {
  const input: Mutable = minimal();
  edit(input);
  return lintProtocol(parseProtocol(input as ProtocolInput), { off });
}

describe('clean protocols', () => {
  test('the minimal fixture and the heart-failure example have no finding', () => {
    expect(lint(() => {})).toEqual([]);
    expect(lintProtocol(icSortie)).toEqual([]);
  });

  test('every rule has an id from LINT_RULE_IDS, a severity and a description', () => {
    expect(LINT_RULES.map((r) => r.id)).toEqual([...LINT_RULE_IDS]);
    for (const r of LINT_RULES) expect(r.description.length).toBeGreaterThan(10);
  });
});

describe('one failing fixture per rule', () => {
  test.each([
    [
      'required-task-without-deadline',
      (p: Loose) => {
        delete p.steps[0].tasks[1].due;
        delete p.steps[0].tasks[1].onMiss;
      },
      'warning',
      'steps[0].tasks[1]',
      'required task "visite" has no deadline',
    ],
    [
      'deadline-without-miss-policy',
      (p: Loose) => delete p.steps[0].tasks[1].onMiss,
      'warning',
      'steps[0].tasks[1].due',
      'task "visite" has a deadline but no miss policy',
    ],
    [
      'step-behind-impossible-condition',
      (p: Loose) => {
        p.steps[0].exits = [
          {
            to: 'fin',
            when: {
              all: [
                { fact: 'age', op: 'gte', value: 80 },
                { fact: 'age', op: 'lt', value: 60 },
              ],
            },
          },
        ];
      },
      'error',
      'steps[0].exits[0].when',
      'step "fin" can only be reached through a condition that can never hold: steps[0].exits[0].when: integer fact "age" cannot satisfy age ≥ 80 and age < 60',
    ],
    [
      'delegation-without-exclusions',
      (p: Loose) => {
        p.delegations[0].exclusions = [];
      },
      'warning',
      'delegations[0].exclusions',
      'delegation "visite-deleguee" has no exclusion criteria',
    ],
    [
      'delegation-without-information',
      (p: Loose) => {
        p.delegations[0].obligations = [];
      },
      'warning',
      'delegations[0].obligations',
      'delegation "visite-deleguee" has no obligation to inform the médecin traitant',
    ],
    [
      'role-without-task',
      (p: Loose) => p.roles.push({ id: 'kine', label: { fr: 'Masseur-kinésithérapeute' } }),
      'warning',
      'roles[2]',
      'role "kine" (Masseur-kinésithérapeute) has no task',
    ],
    [
      'indicator-numerator-not-in-denominator',
      (p: Loose) => {
        p.indicators[0].numerator = { taskCompleted: 'consultation' };
      },
      'error',
      'indicators[0].numerator',
      'indicator "vus": the numerator is not a subset of the denominator',
    ],
    [
      'fiche-incomplete',
      (p: Loose) => delete p.fiche.modeValidation,
      'warning',
      'fiche.modeValidation',
      'the fiche has no « mode de validation » (modeValidation)',
    ],
    [
      'sources-missing',
      (p: Loose) => {
        p.fiche.sources = [];
        for (const t of p.steps[0].tasks) t.due.source = undefined;
      },
      'error',
      'fiche.sources',
      'the fiche lists no source',
    ],
    [
      'number-without-source',
      (p: Loose) => delete p.steps[0].tasks[0].due.source,
      'warning',
      'steps[0].tasks[0].due',
      'the deadline of task "consultation" (P7D) cites no source',
    ],
    [
      'unknown-lint-rule',
      (p: Loose) => {
        p.lint = { off: ['role-sans-tache'] };
      },
      'warning',
      'lint.off[0]',
      'lint.off names an unknown rule "role-sans-tache"',
    ],
  ])('%s', (rule, edit, severity, pointer, message) => {
    const findings = lint(edit);
    const found = findings.filter((f) => f.rule === rule);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule, severity, pointer });
    expect(found[0]!.message).toContain(message);
    expect(found[0]!.hint.length).toBeGreaterThan(5);
    // The fixture breaks this rule only (sources-missing also leaves the numbers without a source).
    expect(findings.filter((f) => f.rule !== rule && f.rule !== 'number-without-source')).toEqual([]);
  });
});

describe('what the rules leave alone', () => {
  test('a required recurring task has a deadline for each occurrence', () => {
    const findings = lint((p) => {
      delete p.steps[0].tasks[1].due;
      p.steps[0].tasks[1].repeat = { every: 'P1W', source: 'equipe' };
    });
    expect(findings).toEqual([]);
  });

  test('a step also reachable through a condition that may hold', () => {
    const findings = lint((p) => {
      p.steps[0].exits = [
        {
          to: 'fin',
          when: {
            all: [
              { fact: 'age', op: 'gte', value: 80 },
              { fact: 'age', op: 'lt', value: 60 },
            ],
          },
        },
        { to: 'fin', when: { fact: 'age', op: 'gte', value: 80 } },
      ];
    });
    expect(findings).toEqual([]);
  });

  test('a numerator written as the denominator plus what is measured, in any order', () => {
    const findings = lint((p) => {
      p.indicators[0].denominator = { all: [{ event: 'sortie' }, { started: true }] };
      p.indicators[0].numerator = {
        all: [{ taskCompleted: 'consultation' }, { started: true }, { event: 'sortie' }],
      };
    });
    expect(findings).toEqual([]);
  });
});

describe('turning rules off', () => {
  const noDeadline = (p: Loose) => {
    delete p.steps[0].tasks[1].due;
    delete p.steps[0].tasks[1].onMiss;
  };

  test('per call, with options.off', () => {
    expect(lint(noDeadline, ['required-task-without-deadline'])).toEqual([]);
  });

  test('per protocol, with lint.off', () => {
    expect(
      lint((p) => {
        noDeadline(p);
        p.lint = { off: ['required-task-without-deadline'] };
      }),
    ).toEqual([]);
  });
});

describe('static analysis of conditions that can never hold', () => {
  const p = parseProtocol({
    ...minimal(),
    complexity: {
      default: 'faible',
      source: 'equipe',
      rules: [
        { level: 'moyenne', when: { fact: 'nyha', in: ['III', 'IV'] } },
        {
          level: 'forte',
          when: {
            all: [
              { fact: 'age', op: 'gte', value: 80 },
              { fact: 'age', op: 'lt', value: 60 },
            ],
          },
        },
      ],
    },
  } as ProtocolInput);
  const domain = conditionDomain(p);

  test.each([
    [
      {
        all: [
          { fact: 'age', op: 'gte', value: 80 },
          { fact: 'age', op: 'lt', value: 60 },
        ],
      },
      'cannot satisfy age ≥ 80 and age < 60',
    ],
    [{ fact: 'age', op: 'gt', value: 130 }, 'facts.age.maximum = 130'],
    [{ fact: 'age', op: 'lt', value: 0 }, 'facts.age.minimum = 0'],
    [
      {
        all: [
          { fact: 'age', op: 'gt', value: 17 },
          { fact: 'age', op: 'lt', value: 18 },
        ],
      },
      'integer fact "age"',
    ],
    [{ fact: 'nyha', in: ['V', 'VI'] }, 'the values allowed by facts.nyha.enum'],
    [{ fact: 'nyha', op: 'eq', value: 'V' }, 'facts.nyha.enum'],
    [
      {
        all: [
          { fact: 'nyha', op: 'eq', value: 'I' },
          { fact: 'nyha', op: 'eq', value: 'II' },
        ],
      },
      'nyha = "I" and nyha = "II"',
    ],
    [
      { all: [{ fact: 'nyha', op: 'eq', value: 'I' }, { not: { exists: 'nyha' } }] },
      'both absent and present',
    ],
    [{ not: { exists: 'age' } }, '"age" is a required fact'],
    [{ complexity: 'forte' }, 'no complexity rule can produce complexity forte'],
    [
      {
        all: [
          { task: 'visite', status: 'completed' },
          { task: 'visite', status: 'open' },
        ],
      },
      'task "visite" cannot be at once',
    ],
    [{ all: [{ event: 'sortie' }, { not: { event: 'sortie' } }] }, 'contradict each other'],
    [
      {
        all: [
          { fact: 'age', op: 'gte', value: 80 },
          {
            any: [
              { fact: 'age', op: 'lt', value: 60 },
              { fact: 'age', op: 'lt', value: 70 },
            ],
          },
        ],
      },
      'age ≥ 80',
    ],
    [
      {
        not: {
          any: [
            { fact: 'age', op: 'lt', value: 50 },
            { fact: 'age', op: 'gte', value: 40 },
          ],
        },
      },
      'age',
    ],
  ])('never: %j', (condition, why) => {
    expect(whyNever(condition as never, domain)).toContain(why);
  });

  test.each([
    [{ fact: 'age', op: 'gte', value: 75 }],
    [
      {
        all: [
          { fact: 'age', op: 'gte', value: 60 },
          { fact: 'age', op: 'lt', value: 80 },
        ],
      },
    ],
    [
      {
        any: [
          { fact: 'age', op: 'gt', value: 200 },
          { fact: 'age', op: 'lt', value: 18 },
        ],
      },
    ],
    [{ not: { fact: 'nyha', op: 'eq', value: 'I' } }],
    [{ fact: 'nyha', op: 'ne', value: 'V' }],
    [{ complexity: 'moyenne' }],
    [{ not: { complexity: 'forte' } }],
    [{ all: [{ fact: 'age', op: 'eq', value: 80 }, { not: { fact: 'age', op: 'lt', value: 80 } }] }],
    [{ elapsed: 'P7D', since: { event: 'sortie' } }],
  ])('may hold: %j', (condition) => {
    expect(whyNever(condition as never, domain)).toBeUndefined();
  });

  test('a protocol with no gradation never has a complexity level', () => {
    expect(whyNever({ complexity: 'faible' }, conditionDomain(parseProtocol(minimal())))).toContain(
      'no gradation',
    );
  });
});

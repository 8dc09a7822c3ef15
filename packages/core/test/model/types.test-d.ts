import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ProtocolValidationError, ValidationIssue } from '../../src/errors.js';
import {
  type Anchor,
  type ComplexityLevel,
  type Condition,
  type ConditionSchema,
  complexityOf,
  defineProtocol,
  type Exit,
  type JsonSchemaDocument,
  type ParseProtocolResult,
  type ProtocolDefinition,
  type ProtocolInput,
  type ProtocolSchema,
  parseProtocol,
  protocolJsonSchema,
  type Step,
  type StepInput,
  safeParseProtocol,
  type Task,
  type TaskInput,
  type TaskStatus,
} from '../../src/index.js';
import { heartFailureDischarge } from '../fixtures/index.js';

describe('ProtocolDefinition (defaults applied) and ProtocolInput (as authored)', () => {
  it('are the output and input of the zod schema', () => {
    expectTypeOf<ProtocolDefinition>().toEqualTypeOf<z.output<typeof ProtocolSchema>>();
    expectTypeOf<ProtocolInput>().toEqualTypeOf<z.input<typeof ProtocolSchema>>();
  });

  it('make defaulted fields required in the definition and optional in the input', () => {
    expectTypeOf<ProtocolDefinition['events'][number]['alert']>().toEqualTypeOf<boolean>();
    expectTypeOf<NonNullable<ProtocolInput['events']>[number]['alert']>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<ProtocolDefinition['delegations']>().not.toEqualTypeOf<ProtocolInput['delegations']>();
    expectTypeOf<Step['kind']>().toEqualTypeOf<'simple' | 'parallel' | 'final'>();
    expectTypeOf<StepInput['kind']>().toEqualTypeOf<'simple' | 'parallel' | 'final' | undefined>();
    expectTypeOf<Step['tasks']>().toEqualTypeOf<Task[]>();
    expectTypeOf<StepInput['tasks']>().toEqualTypeOf<TaskInput[] | undefined>();
    expectTypeOf<Task['required']>().toEqualTypeOf<boolean>();
    expectTypeOf<TaskInput['required']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<Task['due']>['from']>().toEqualTypeOf<Anchor>();
    expectTypeOf<NonNullable<TaskInput['due']>['from']>().toEqualTypeOf<Anchor | undefined>();
    expectTypeOf<ProtocolDefinition['roles'][number]['kind']>().toEqualTypeOf<
      'professionnel' | 'structure' | 'coordination' | 'patient' | 'aidant'
    >();
    expectTypeOf<ProtocolInput['segments']>().toEqualTypeOf<
      { id: string; label: { fr: string; en?: string | undefined } }[] | undefined
    >();
  });

  it('types labels, exits and the fiche', () => {
    expectTypeOf<ProtocolDefinition['title']>().toEqualTypeOf<{ fr: string; en?: string | undefined }>();
    expectTypeOf<Exit['when']>().toEqualTypeOf<Condition | undefined>();
    expectTypeOf<ProtocolDefinition['fiche']['sources'][number]['kind']>().toEqualTypeOf<
      'recommandation' | 'reglementaire' | 'programme' | 'litterature' | 'secondaire' | 'consensus-equipe'
    >();
  });

  it('accepts a complete input and rejects a wrong one', () => {
    const input: ProtocolInput = {
      id: 'p',
      version: '1.0.0',
      title: { fr: 'P' },
      fiche: {},
      roles: [{ id: 'mg', label: { fr: 'MG' } }],
      steps: [{ id: 'a', label: { fr: 'A' }, segment: 'diagnostic', kind: 'final' }],
    };
    expectTypeOf(input).toExtend<ProtocolInput>();
    // @ts-expect-error a step kind that does not exist
    const badKind: StepInput = { id: 'a', label: { fr: 'A' }, segment: 'diagnostic', kind: 'terminal' };
    // @ts-expect-error a label needs French
    const noFrench: StepInput = { id: 'a', label: { en: 'A' }, segment: 'diagnostic' };
    // @ts-expect-error a misspelt key of a task
    const misspelt: TaskInput = { id: 't', label: { fr: 'T' }, responsable: ['mg'] };
    void [badKind, noFrench, misspelt];
  });
});

describe('Condition', () => {
  it('accepts every form of the language', () => {
    const forms: Condition[] = [
      { all: [{ fact: 'age', op: 'gte', value: 75 }, { not: { exists: 'medecinTraitant' } }] },
      { any: [{ fact: 'nyha', in: [3, 4] }, { complexity: ['moyenne', 'forte'] }] },
      { task: 'consultation-mg', status: ['completed', 'waived'] },
      { elapsed: 'P7D', since: { event: 'sortie' } },
      { elapsed: 'PT48H', since: 'step-entry' },
      { event: 'signe-alerte' },
      { requiredTasksDone: true },
    ];
    expectTypeOf(forms).toEqualTypeOf<Condition[]>();
    expectTypeOf<Condition>().toEqualTypeOf<z.input<typeof ConditionSchema>>();
  });

  it('rejects what the language does not have', () => {
    // @ts-expect-error an operator that does not exist
    const op: Condition = { fact: 'age', op: 'greater', value: 75 };
    // @ts-expect-error values are strings, numbers or booleans
    const value: Condition = { fact: 'age', op: 'eq', value: null };
    // @ts-expect-error "all" takes a list
    const all: Condition = { all: { exists: 'age' } };
    // @ts-expect-error requiredTasksDone is only ever true
    const done: Condition = { requiredTasksDone: false };
    // @ts-expect-error an unknown level of complexity
    const level: Condition = { complexity: 'haute' };
    // @ts-expect-error an unknown task status
    const status: Condition = { task: 't', status: 'done' };
    // @ts-expect-error elapsed needs its anchor
    const since: Condition = { elapsed: 'P7D' };
    // @ts-expect-error no functions: a condition is data
    const code: Condition = () => true;
    void [op, value, all, done, level, status, since, code];
    expectTypeOf<TaskStatus>().toEqualTypeOf<
      'inactive' | 'open' | 'accepted' | 'completed' | 'cancelled' | 'waived'
    >();
  });
});

describe('defineProtocol', () => {
  it('returns its argument with every id kept as a literal type', () => {
    type P = typeof heartFailureDischarge;
    expectTypeOf<P['id']>().toEqualTypeOf<'ic-sortie'>();
    expectTypeOf<P['roles'][number]['id']>().toEqualTypeOf<
      | 'equipe-hospitaliere'
      | 'conseiller-am'
      | 'medecin-traitant'
      | 'cardiologue'
      | 'infirmier'
      | 'coordinateur-dac'
      | 'patient'
    >();
    expectTypeOf<P['steps'][number]['id']>().toEqualTypeOf<
      'hospitalisation' | 'sortie-hopital' | 'suivi' | 'rehospitalisation' | 'cloture'
    >();
    expectTypeOf<P['events'][number]['id']>().toEqualTypeOf<
      'sortie' | 'signe-alerte' | 'rehospitalisation'
    >();
    expectTypeOf<P['steps'][0]['tasks'][number]['id']>().toEqualTypeOf<
      'eligibilite-prado' | 'rencontre-conseiller' | 'recherche-medecin-traitant'
    >();
    expectTypeOf<P['delegations'][0]['tasks']>().toEqualTypeOf<['titration']>();
    expectTypeOf(heartFailureDischarge).toExtend<ProtocolInput>();
  });

  it('is the identity at run time', () => {
    const p = {
      id: 'p',
      version: '1.0.0',
      title: { fr: 'P' },
      fiche: {},
      roles: [],
      steps: [],
    } as const satisfies object;
    expectTypeOf(defineProtocol).returns.toExtend<ProtocolInput>();
    void p;
  });

  it('rejects a definition that is not a protocol input', () => {
    defineProtocol({
      id: 'p',
      version: '1.0.0',
      title: { fr: 'P' },
      fiche: {},
      roles: [{ id: 'mg', label: { fr: 'MG' } }],
      // @ts-expect-error a step kind that does not exist
      steps: [{ id: 'a', label: { fr: 'A' }, segment: 'diagnostic', kind: 'terminal' }],
    });
    // @ts-expect-error roles are required
    defineProtocol({ id: 'p', version: '1.0.0', title: { fr: 'P' }, fiche: {}, steps: [] });
  });
});

describe('parsing', () => {
  it('returns a ProtocolDefinition, or a discriminated result', () => {
    expectTypeOf(parseProtocol).parameter(0).toBeUnknown();
    expectTypeOf(parseProtocol).returns.toEqualTypeOf<ProtocolDefinition>();
    expectTypeOf(safeParseProtocol).returns.toEqualTypeOf<ParseProtocolResult>();
    const result = safeParseProtocol({});
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<ProtocolDefinition>();
    else expectTypeOf(result.error).toEqualTypeOf<ProtocolValidationError>();
  });

  it('describes each issue with a path, a pointer, a message and a kind', () => {
    expectTypeOf<ProtocolValidationError['issues']>().toEqualTypeOf<readonly ValidationIssue[]>();
    expectTypeOf<ValidationIssue['path']>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf<ValidationIssue['kind']>().toEqualTypeOf<'structure' | 'semantic'>();
    expectTypeOf<ProtocolValidationError['code']>().toEqualTypeOf<'INVALID_PROTOCOL'>();
  });

  it('types the gradation and the JSON Schema', () => {
    expectTypeOf(complexityOf).returns.toEqualTypeOf<ComplexityLevel | undefined>();
    expectTypeOf<ComplexityLevel>().toEqualTypeOf<'faible' | 'moyenne' | 'forte'>();
    expectTypeOf(protocolJsonSchema).returns.toEqualTypeOf<JsonSchemaDocument>();
  });
});

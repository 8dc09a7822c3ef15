/**
 * The types of what the builder accepts: the canonical model of `@cpts/core`, with every reference
 * (role, fact, event, step, task, source, segment) narrowed to the names declared earlier in the chain.
 * @module
 */
import type {
  BuiltinSegment,
  ComplexityLevel,
  Delegation,
  EventDefinition,
  Exit,
  Indicator,
  JsonSchema,
  JsonValue,
  ObjectSchema,
  ProtocolDefinition,
  ROLE_KINDS,
  Role,
  Step,
  Task,
  TaskStatus,
} from '@cpts/core';
import type { z } from 'zod';
import type { IsoDuration } from './duration.js';

/** What the chain has declared so far; each stage narrows one member. */
export interface BuilderState {
  /** Role ids. */
  roles: string;
  /** Fact names with the type of their value. */
  facts: Record<string, unknown>;
  /** Event ids. */
  events: string;
  /** Ids of `fiche.sources`. */
  sources: string;
  /** Segment ids: the built-in ones and the custom ones. */
  segments: string;
  /** Step ids. */
  steps: string;
  /** Task ids. */
  tasks: string;
}

/** The state of a fresh chain. */
export interface InitialState {
  roles: never;
  facts: {};
  events: never;
  sources: never;
  segments: BuiltinSegment;
  steps: never;
  tasks: never;
}

/** A bilingual label: French required. */
export interface LabelDraft {
  readonly fr: string;
  readonly en?: string | undefined;
}

type Scalar = string | number | boolean;
/** The scalar values a fact can be compared with (`never` for facts holding arrays or objects). */
export type ScalarOf<V> = Extract<NonNullable<V>, Scalar>;
/** Names of the declared facts. */
export type FactName<S extends BuilderState> = keyof S['facts'] & string;
/** Names of the boolean facts (usable as consent). */
export type BooleanFactName<S extends BuilderState> = {
  [K in FactName<S>]: [ScalarOf<S['facts'][K]>] extends [boolean]
    ? [ScalarOf<S['facts'][K]>] extends [never]
      ? never
      : K
    : never;
}[FactName<S>];

/** `{ fact, op, value }` and `{ fact, in }` for each fact, with values of the fact's type. */
export type FactCondition<F> = {
  [K in keyof F & string]:
    | { readonly fact: K; readonly op: 'eq' | 'ne'; readonly value: ScalarOf<F[K]> }
    | ([ScalarOf<F[K]>] extends [boolean]
        ? never
        : { readonly fact: K; readonly op: 'lt' | 'lte' | 'gt' | 'gte'; readonly value: ScalarOf<F[K]> })
    | { readonly fact: K; readonly in: readonly ScalarOf<F[K]>[] };
}[keyof F & string];

/** What a due window or an elapsed time counts from, with declared names. */
export type AnchorDraft<S extends BuilderState, T extends string = S['tasks']> =
  | 'opened'
  | 'journey-start'
  | 'step-entry'
  | { readonly task: T }
  | { readonly event: S['events'] }
  | { readonly fact: FactName<S> };

/** The condition language of `@cpts/core`, typed by the declared names. */
export type ConditionDraft<S extends BuilderState, T extends string = S['tasks']> =
  | { readonly all: readonly ConditionDraft<S, T>[] }
  | { readonly any: readonly ConditionDraft<S, T>[] }
  | { readonly not: ConditionDraft<S, T> }
  | FactCondition<S['facts']>
  | { readonly exists: FactName<S> }
  | { readonly complexity: ComplexityLevel | readonly ComplexityLevel[] }
  | { readonly task: T; readonly status: TaskStatus | readonly TaskStatus[] }
  | { readonly elapsed: IsoDuration; readonly since: AnchorDraft<S, T> }
  | { readonly event: S['events'] }
  | { readonly requiredTasksDone: true };

/** A JSON Schema of an object, or a zod object converted with `z.toJSONSchema`. */
export type DataSchemaDraft = ObjectSchema | z.ZodObject;

/** Provenance of a clinical number: a declared source and a note. */
export interface ProvenanceDraft<S extends BuilderState> {
  readonly source?: S['sources'];
  readonly note?: string;
}

/** A task as the builder accepts it. */
export interface TaskDraft<S extends BuilderState, T extends string = string> {
  readonly id: string;
  readonly label: LabelDraft;
  readonly description?: string;
  readonly responsible: readonly [S['roles'], ...S['roles'][]];
  readonly required?: boolean;
  readonly start?: 'step-entry' | 'on-demand' | { readonly event: S['events'] };
  readonly when?: ConditionDraft<S, T>;
  readonly due?: { readonly within: IsoDuration; readonly from?: AnchorDraft<S, T> } & ProvenanceDraft<S>;
  readonly repeat?:
    | ({ readonly every: IsoDuration; readonly count?: number } & ProvenanceDraft<S>)
    | ({ readonly perYear: number; readonly count?: number } & ProvenanceDraft<S>);
  readonly remindBefore?: IsoDuration;
  readonly data?: DataSchemaDraft;
  readonly onMiss?: {
    readonly escalateTo?: S['roles'];
    readonly open?: readonly T[];
    readonly note?: string;
  };
  readonly segment?: S['segments'];
}

/** A step as the builder accepts it; `Id` and `T` are the step and task ids of the whole protocol. */
export interface StepDraft<S extends BuilderState, Id extends string = string, T extends string = string> {
  readonly id: string;
  readonly label: LabelDraft;
  readonly segment: S['segments'];
  readonly kind?: 'simple' | 'parallel' | 'final';
  readonly description?: string;
  readonly tasks?: readonly TaskDraft<S, T>[];
  readonly exits?: readonly {
    readonly to: Id;
    readonly when?: ConditionDraft<S, T>;
    readonly on?: S['events'];
    readonly label?: LabelDraft;
  }[];
  readonly steps?: readonly StepDraft<S, Id, T>[];
  readonly initial?: Id;
}

/** Ids of the steps of a step list, nested ones included. */
export type StepIdsOf<A> = A extends readonly (infer X)[]
  ? X extends { readonly id: infer I extends string }
    ? I | (X extends { readonly steps: infer N } ? StepIdsOf<N> : never)
    : never
  : never;

/** Ids of the tasks of a step list, nested steps included. */
export type TaskIdsOf<A> = A extends readonly (infer X)[]
  ? X extends unknown
    ?
        | (X extends { readonly tasks: readonly (infer K)[] }
            ? K extends { readonly id: infer I extends string }
              ? I
              : never
            : never)
        | (X extends { readonly steps: infer N } ? TaskIdsOf<N> : never)
    : never
  : never;

/** A role: a label, or a label with a kind and a description. */
export type RoleDraft =
  | LabelDraft
  | {
      readonly label: LabelDraft;
      readonly kind?: (typeof ROLE_KINDS)[number];
      readonly description?: string;
    };

/** An event: a label, or a label with the alert flag and a data schema. */
export type EventDraft =
  | LabelDraft
  | { readonly label: LabelDraft; readonly alert?: boolean; readonly data?: DataSchemaDraft };

/** The gradation of complexity: ordered rules over facts (a rule cannot read the complexity itself). */
export interface ComplexityDraft<S extends BuilderState> extends ProvenanceDraft<S> {
  readonly default: ComplexityLevel;
  readonly rules: readonly {
    readonly level: ComplexityLevel;
    readonly when: ConditionDraft<S, never>;
    readonly label?: LabelDraft;
  }[];
}

/** A delegation (*protocole de coopération*) with declared roles, tasks, facts and sources. */
export interface DelegationDraft<S extends BuilderState> extends ProvenanceDraft<S> {
  readonly id: string;
  readonly label: LabelDraft;
  readonly reference?: string;
  readonly delegating: S['roles'];
  readonly delegate: S['roles'];
  readonly tasks: readonly [S['tasks'], ...S['tasks'][]];
  readonly qualification?: {
    readonly id: string;
    readonly label?: LabelDraft;
    readonly minHours?: number;
    readonly validFor?: IsoDuration;
  } & ProvenanceDraft<S>;
  readonly consent?: { readonly fact: BooleanFactName<S> };
  readonly inclusion?: ConditionDraft<S>;
  readonly exclusions?: readonly ({
    readonly id: string;
    readonly label: LabelDraft;
    readonly when: ConditionDraft<S>;
  } & ProvenanceDraft<S>)[];
  readonly handBack?: { readonly task: S['tasks'] };
  readonly obligations?: readonly { readonly task: S['tasks'] }[];
}

/** An indicator criterion with declared step, task, event and segment ids. */
export type CriterionDraft<S extends BuilderState> =
  | { readonly all: readonly CriterionDraft<S>[] }
  | { readonly any: readonly CriterionDraft<S>[] }
  | { readonly not: CriterionDraft<S> }
  | { readonly started: true }
  | { readonly stepReached: S['steps'] }
  | { readonly taskCompleted: S['tasks']; readonly within?: IsoDuration; readonly from?: AnchorDraft<S> }
  | { readonly taskWaived: S['tasks'] }
  | { readonly rupture: { readonly task?: S['tasks']; readonly segment?: S['segments'] } }
  | { readonly event: S['events'] }
  | { readonly condition: ConditionDraft<S> };

/** A quality indicator with declared names. */
export interface IndicatorDraft<S extends BuilderState> extends ProvenanceDraft<S> {
  readonly id: string;
  readonly label: LabelDraft;
  readonly kind: 'moyens' | 'resultats';
  readonly segment?: S['segments'];
  readonly description?: string;
  readonly denominator: CriterionDraft<S>;
  readonly numerator: CriterionDraft<S>;
  readonly target?: number;
  readonly reference?: { readonly value: number; readonly label: string };
}

/** A task of a built protocol, with literal ids. */
export type BuiltTask<S extends BuilderState> = Omit<Task, 'id' | 'responsible'> & {
  id: S['tasks'];
  responsible: S['roles'][];
};

/** A step of a built protocol, with literal ids. */
export type BuiltStep<S extends BuilderState> = Omit<Step, 'id' | 'tasks' | 'exits' | 'steps' | 'initial'> & {
  id: S['steps'];
  tasks: BuiltTask<S>[];
  exits: (Omit<Exit, 'to'> & { to: S['steps'] })[];
  steps?: BuiltStep<S>[] | undefined;
  initial?: S['steps'] | undefined;
};

/**
 * What `build()` returns: a validated {@link ProtocolDefinition} whose ids keep their literal types,
 * so that typed APIs can extract role, task, step, event and fact names from it.
 */
export type BuiltProtocol<S extends BuilderState> = Omit<
  ProtocolDefinition,
  'roles' | 'facts' | 'events' | 'steps' | 'delegations' | 'initial'
> & {
  roles: (Omit<Role, 'id'> & { id: S['roles'] })[];
  facts: {
    type: 'object';
    properties: { [K in FactName<S>]: JsonSchema };
    required?: FactName<S>[];
    [key: string]: JsonValue | undefined;
  };
  events: (Omit<EventDefinition, 'id'> & { id: S['events'] })[];
  steps: BuiltStep<S>[];
  initial?: S['steps'] | undefined;
  delegations: (Omit<Delegation, 'delegating' | 'delegate' | 'tasks'> & {
    delegating: S['roles'];
    delegate: S['roles'];
    tasks: S['tasks'][];
  })[];
  indicators: Indicator[];
  /**
   * Type-only: the declared names and the value type of each fact. Never present at run time.
   * @internal
   */
  readonly '~types'?: {
    readonly roles: S['roles'];
    readonly facts: S['facts'];
    readonly events: S['events'];
    readonly steps: S['steps'];
    readonly tasks: S['tasks'];
    readonly sources: S['sources'];
  };
};

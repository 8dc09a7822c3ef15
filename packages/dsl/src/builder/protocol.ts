/**
 * The typed builder: declare roles, facts, events, steps and tasks once, then reference them by
 * name with autocompletion; a typo is a compile error; `build()` validates with `parseProtocol`.
 * @module
 */
import {
  type FicheInput,
  type ObjectSchema,
  type ProtocolInput,
  parseProtocol,
  type StepInput,
  type TaskInput,
} from '@cpts/core';
import { z } from 'zod';
import type { LintRuleId } from '../lint/ids.js';
import { isZodSchema, zodToObjectSchema } from './schema.js';
import type {
  BuilderState,
  BuiltProtocol,
  ComplexityDraft,
  DataSchemaDraft,
  DelegationDraft,
  EventDraft,
  IndicatorDraft,
  InitialState,
  LabelDraft,
  RoleDraft,
  StepDraft,
  StepIdsOf,
  TaskIdsOf,
} from './types.js';

/** Replaces one member of the builder state. */
type With<S extends BuilderState, K extends keyof BuilderState, V> = {
  [P in keyof BuilderState]: P extends K ? V : S[P];
};

/** The head of a protocol: identity, title and the HAS fiche (whose source ids become typed). */
export interface ProtocolHeader {
  readonly id: string;
  readonly version: string;
  readonly title: LabelDraft;
  readonly fiche: Omit<FicheInput, 'sources'> & {
    readonly sources?: readonly (NonNullable<FicheInput['sources']>[number] & { readonly id: string })[];
  };
}

type SourceIdsOf<H extends ProtocolHeader> = H['fiche']['sources'] extends readonly (infer X)[]
  ? X extends { readonly id: infer I extends string }
    ? I
    : never
  : never;

/** Values of the facts declared with zod schemas. */
export type FactValues<F extends Record<string, z.ZodType>> = { [K in keyof F]: z.output<F[K]> };

type Draft = { -readonly [K in keyof ProtocolInput]?: unknown };

/**
 * An immutable chain that builds a protocol definition. Each method returns a new builder whose
 * type knows the names declared so far; later stages accept only those names.
 */
export class ProtocolBuilder<S extends BuilderState> {
  readonly #draft: Draft;

  /** @internal Use {@link protocol}. */
  constructor(draft: Draft) {
    this.#draft = draft;
  }

  #with<N extends BuilderState>(patch: Draft): ProtocolBuilder<N> {
    return new ProtocolBuilder<N>({ ...this.#draft, ...patch });
  }

  /**
   * Custom segments of the road, beside the built-in ones (`diagnostic` … `prevention-tertiaire`).
   * @example
   * protocol(head).segments({ education: { fr: 'Éducation thérapeutique' } })
   */
  segments<const G extends Record<string, LabelDraft>>(
    segments: G,
  ): ProtocolBuilder<With<S, 'segments', S['segments'] | (keyof G & string)>> {
    return this.#with({
      segments: Object.entries(segments).map(([id, label]) => ({ id, label: { ...label } })),
    });
  }

  /**
   * The roles, by id: a label, or `{ label, kind, description }`.
   * @example
   * protocol(head).roles({ mg: { fr: 'Médecin traitant' }, patient: { label: { fr: 'Patient' }, kind: 'patient' } })
   */
  roles<const R extends Record<string, RoleDraft>>(
    roles: R,
  ): ProtocolBuilder<With<S, 'roles', keyof R & string>> {
    return this.#with({
      roles: Object.entries(roles).map(([id, role]) =>
        'label' in role ? { id, ...role, label: { ...role.label } } : { id, label: { ...role } },
      ),
    });
  }

  /**
   * The facts known about the patient, as zod schemas: turned into the JSON Schema of the
   * definition (`required` lists the fields that are neither optional nor defaulted). Conditions
   * then compare each fact with values of its type.
   * @throws {CptsError} `INVALID_PROTOCOL` when a schema has no JSON Schema form.
   * @example
   * protocol(head).facts({ age: z.number().int().min(0).max(130), nyha: z.enum(['I', 'II', 'III', 'IV']) })
   */
  facts<const F extends Record<string, z.ZodType>>(
    facts: F,
  ): ProtocolBuilder<With<S, 'facts', FactValues<F>>> {
    return this.#with({ facts: zodToObjectSchema(z.object(facts), 'facts') });
  }

  /**
   * The events integrations or professionals record (discharge, alert signs…), by id.
   * @example
   * protocol(head).events({ sortie: { fr: "Sortie d'hospitalisation" }, epof: { label: { fr: 'Signe EPOF' }, alert: true } })
   */
  events<const E extends Record<string, EventDraft>>(
    events: E,
  ): ProtocolBuilder<With<S, 'events', keyof E & string>> {
    return this.#with({
      events: Object.entries(events).map(([id, event]) => {
        if (!('label' in event)) return { id, label: { ...event } };
        const { data, ...rest } = event;
        return {
          id,
          ...rest,
          label: { ...event.label },
          ...(data ? { data: dataSchema(data, `data of event "${id}"`) } : {}),
        };
      }),
    });
  }

  /**
   * The gradation of complexity: ordered rules over facts, the first that holds wins.
   * @example
   * .complexity({ default: 'faible', source: 'equipe', rules: [{ level: 'forte', when: { fact: 'nyha', in: ['III', 'IV'] } }] })
   */
  complexity(gradation: ComplexityDraft<S>): ProtocolBuilder<S> {
    return this.#with({ complexity: gradation });
  }

  /**
   * The steps of the journey with their tasks and exits. Exits, anchors and task conditions may
   * name any step or task of the list (ids are read from the list itself); roles, facts, events,
   * segments and sources must have been declared before.
   * @example
   * .steps([
   *   { id: 'suivi', label: { fr: 'Suivi' }, segment: 'suivi-ville',
   *     tasks: [{ id: 'consultation-mg', label: { fr: 'Consultation MG' }, responsible: ['mg'], due: { within: days(7) } }],
   *     exits: [{ to: 'fin', when: { requiredTasksDone: true } }] },
   *   { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
   * ])
   */
  steps<const A extends readonly StepDraft<S, StepIdsOf<A>, TaskIdsOf<A>>[]>(
    steps: A,
    options: { initial?: StepIdsOf<A> } = {},
  ): ProtocolBuilder<With<With<S, 'steps', StepIdsOf<A>>, 'tasks', TaskIdsOf<A>>> {
    return this.#with({
      steps: steps.map((s) => stepInput(s as unknown as StepDraft<BuilderState>)),
      ...(options.initial !== undefined ? { initial: options.initial } : {}),
    });
  }

  /**
   * The delegations (*protocoles de coopération*) between declared roles, over declared tasks.
   * @example
   * .delegations([{ id: 'titration', label: { fr: 'Titration par IDE' }, delegating: 'cardiologue', delegate: 'ide',
   *   tasks: ['titration'], exclusions: [...], obligations: [{ task: 'compte-rendu' }] }])
   */
  delegations(delegations: readonly DelegationDraft<S>[]): ProtocolBuilder<S> {
    return this.#with({ delegations });
  }

  /**
   * The quality indicators, over declared steps, tasks, events and segments.
   * @example
   * .indicators([{ id: 'mg-j7', label: { fr: 'MG vu sous 7 jours' }, kind: 'moyens',
   *   denominator: { event: 'sortie' }, numerator: { all: [{ event: 'sortie' }, { taskCompleted: 'consultation-mg' }] } }])
   */
  indicators(indicators: readonly IndicatorDraft<S>[]): ProtocolBuilder<S> {
    return this.#with({ indicators });
  }

  /**
   * Linter rules turned off for this protocol.
   * @example
   * .lint({ off: ['role-without-task'] })
   */
  lint(config: { readonly off: readonly LintRuleId[] }): ProtocolBuilder<S> {
    return this.#with({ lint: { off: [...config.off] } });
  }

  /**
   * The definition as authored, before validation (defaults not applied). Use {@link build} to get
   * a validated definition.
   */
  input(): ProtocolInput {
    return structuredClone(this.#draft) as ProtocolInput;
  }

  /**
   * Validates the definition with `parseProtocol` and returns it, deeply frozen, with defaults
   * applied and every id kept as a literal type.
   * @throws {ProtocolValidationError} listing every structural and semantic problem with its path.
   * @example
   * const ic = protocol(head).roles({...}).facts({...}).steps([...]).build();
   */
  build(): BuiltProtocol<S> {
    return parseProtocol(this.input()) as unknown as BuiltProtocol<S>;
  }
}

function dataSchema(data: DataSchemaDraft, what: string): ObjectSchema {
  return isZodSchema(data) ? zodToObjectSchema(data, what) : structuredClone(data);
}

function taskInput(
  task: StepDraft<BuilderState>['tasks'] extends readonly (infer T)[] | undefined ? T : never,
): TaskInput {
  const { data, ...rest } = task;
  return {
    ...(rest as unknown as TaskInput),
    ...(data ? { data: dataSchema(data, `data of task "${task.id}"`) } : {}),
  };
}

function stepInput(step: StepDraft<BuilderState>): StepInput {
  const { tasks, steps, ...rest } = step;
  return {
    ...(rest as unknown as StepInput),
    ...(tasks ? { tasks: tasks.map(taskInput) } : {}),
    ...(steps ? { steps: steps.map(stepInput) } : {}),
  };
}

/**
 * Starts a typed protocol definition. Source ids of `fiche.sources` become the only ids accepted by
 * the `source` fields of the later stages.
 *
 * @example
 * import { z } from 'zod';
 * import { days, protocol } from '@cpts/dsl';
 *
 * const p = protocol({ id: 'suivi', version: '1.0.0', title: { fr: 'Suivi' },
 *     fiche: { sources: [{ id: 'equipe', title: "Consensus d'équipe", kind: 'consensus-equipe' }] } })
 *   .roles({ mg: { fr: 'Médecin traitant' } })
 *   .facts({ age: z.number().int() })
 *   .steps([
 *     { id: 'suivi', label: { fr: 'Suivi' }, segment: 'suivi-ville',
 *       tasks: [{ id: 'consultation', label: { fr: 'Consultation' }, responsible: ['mg'],
 *                 due: { within: days(30), source: 'equipe' }, onMiss: { escalateTo: 'mg' } }],
 *       exits: [{ to: 'fin', when: { requiredTasksDone: true } }] },
 *     { id: 'fin', label: { fr: 'Fin' }, segment: 'suivi-ville', kind: 'final' },
 *   ])
 *   .build();
 */
export function protocol<const H extends ProtocolHeader>(
  header: H,
): ProtocolBuilder<With<InitialState, 'sources', SourceIdsOf<H>>> {
  return new ProtocolBuilder(structuredClone(header) as Draft);
}

/**
 * Type-level helpers: read the ids of a protocol written in TypeScript (with `defineProtocol` or
 * the DSL builder), so that unknown task, role, step, event and fact names do not compile.
 * For a protocol loaded from JSON, every id is `string`.
 * @module
 */

type Elem<A> = A extends readonly (infer X)[] ? X : never;
type IdOf<X> = X extends { readonly id: infer I extends string } ? I : never;
/**
 * Whether a type has the shape of a protocol whose ids can be read. `any` (from `JSON.parse`) and
 * `object` (a definition of unknown shape) are not: for them every id is `string`, never `never`.
 */
type Readable<P> = 0 extends 1 & P
  ? false
  : P extends { readonly roles: unknown; readonly steps: unknown }
    ? true
    : false;

type Depth = [never, 0, 1, 2, 3, 4, 5, 6, 7];
// Nested steps, to 8 levels; a definition without literal ids (loaded from JSON) stops at once.
type StepsIn<S, D extends number = 8> = [D] extends [never]
  ? never
  : Elem<S> extends infer X
    ? X extends { readonly id: infer I }
      ? string extends I
        ? X
        : X | (X extends { readonly steps?: infer C } ? StepsIn<NonNullable<C>, Depth[D]> : never)
      : never
    : never;

/** Every step (nested ones too) of a protocol type. */
export type StepOf<P> = P extends { readonly steps: infer S } ? StepsIn<S> : never;
/** Ids of the steps of a protocol. */
export type StepIdOf<P> = Readable<P> extends true ? IdOf<StepOf<P>> : string;
/** Every task of a protocol type. */
export type TaskOf<P> =
  StepOf<P> extends infer S ? (S extends { readonly tasks?: infer T } ? Elem<NonNullable<T>> : never) : never;
/** Ids of the tasks of a protocol. */
export type TaskIdOf<P> = Readable<P> extends true ? IdOf<TaskOf<P>> : string;
/** Ids of the roles of a protocol. */
export type RoleIdOf<P> =
  Readable<P> extends true ? (P extends { readonly roles: infer R } ? IdOf<Elem<R>> : never) : string;
/** Ids of the events of a protocol. */
export type EventIdOf<P> =
  Readable<P> extends true
    ? P extends { readonly events?: infer E }
      ? IdOf<Elem<NonNullable<E>>>
      : never
    : string;
/** Ids of the delegations of a protocol. */
export type DelegationIdOf<P> =
  Readable<P> extends true
    ? P extends { readonly delegations?: infer D }
      ? IdOf<Elem<NonNullable<D>>>
      : never
    : string;

type JsonTypeOf<S> = S extends { readonly enum: readonly (infer E)[] }
  ? E
  : S extends { readonly const: infer C }
    ? C
    : S extends { readonly type: 'number' | 'integer' }
      ? number
      : S extends { readonly type: 'string' }
        ? string
        : S extends { readonly type: 'boolean' }
          ? boolean
          : S extends { readonly type: 'array' }
            ? unknown[]
            : unknown;

/** The facts of a protocol, each optional, typed from its JSON Schema (`{ age?: number, ... }`). */
export type FactsOf<P> =
  Readable<P> extends false
    ? Record<string, unknown>
    : P extends { readonly facts: { readonly properties: infer Props } }
      ? string extends keyof Props
        ? Record<string, unknown>
        : { -readonly [K in keyof Props]?: JsonTypeOf<Props[K]> }
      : Record<string, unknown>;

/** The data a task records, typed from its JSON Schema. */
export type TaskDataOf<P, T extends string> =
  Readable<P> extends false
    ? Record<string, unknown>
    : Extract<TaskOf<P>, { readonly id: T }> extends {
          readonly data: { readonly properties: infer Props };
        }
      ? string extends keyof Props
        ? Record<string, unknown>
        : { -readonly [K in keyof Props]?: JsonTypeOf<Props[K]> }
      : Record<string, unknown>;

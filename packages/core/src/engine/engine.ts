import { randomUUID } from 'node:crypto';
import type { StateValue } from 'xstate';
import { CptsError } from '../errors.js';
import type { Attribution, HistoryEvent, InputEvent } from '../history/events.js';
import { isInputEvent } from '../history/events.js';
import { computeIndicators, type IndicatorPeriod, type IndicatorResult } from '../indicators/compute.js';
import { parseProtocol } from '../model/parse.js';
import type { ProtocolDefinition } from '../model/protocol.js';
import { MemoryStore } from '../store/memory.js';
import type { JourneyIndex, OpenTaskRecord, Store } from '../store/store.js';
import { type Clock, systemClock, toMillis } from '../time/clock.js';
import { addDurationInZone, DEFAULT_TIME_ZONE } from '../time/duration.js';
import type {
  CommandOptions,
  CommandResult,
  EngineOptions,
  Instant,
  JourneyView,
  Migration,
  ProtocolJourneys,
  WorklistItem,
} from './api.js';
import { actingRole, authorise } from './authorise.js';
import { type CompiledMachine, compileRuntime, initialContext, type MachineEvent } from './compile.js';
import { type DataProblem, dataProblem, describeAjvErrors, type ProtocolRuntime } from './runtime.js';
import { anchorTime, type EmittedEvent, isOpen, type MachineContext, regrade } from './state.js';
import { type MachineSnapshot, nextSnapshot, startSnapshot } from './step.js';
import type { Actor, ProtocolRef, TaskInstance } from './types.js';
import { journeyView } from './view.js';

/**
 * What a store indexes of a journey. Its open-task records are made when a store first reads
 * them (an in-memory store only does for worklists), then kept: `openTasks` is a getter, which a
 * store reads by name (`JSON.stringify` includes it through `toJSON`). The index holds the
 * journey's task list, not its whole state: a store keeps the index until the next one, and an
 * older state kept with it would outlive its use.
 */
class LazyJourneyIndex implements JourneyIndex {
  readonly journeyId: string;
  readonly protocol: ProtocolRef;
  readonly status: JourneyIndex['status'];
  readonly wakeAt: number | undefined;
  readonly #tasks: readonly TaskInstance[];
  #openTasks: OpenTaskRecord[] | undefined;

  constructor(ctx: MachineContext, wakeAt: number | undefined) {
    this.journeyId = ctx.journeyId;
    this.protocol = ctx.protocol;
    this.status = ctx.status;
    this.wakeAt = wakeAt;
    this.#tasks = ctx.tasks;
    this.#openTasks = undefined;
  }

  get openTasks(): readonly OpenTaskRecord[] {
    if (this.#openTasks === undefined) {
      const open: OpenTaskRecord[] = [];
      for (const t of this.#tasks) if (isOpen(t)) open.push(openTaskRecord(this.journeyId, this.protocol, t));
      this.#openTasks = open;
    }
    return this.#openTasks;
  }

  /** Whether this index still holds for a state of its journey (same tasks, wake-up instant, status and protocol). */
  indexes(ctx: MachineContext, wakeAt: number | undefined): boolean {
    return (
      this.#tasks === ctx.tasks &&
      this.wakeAt === wakeAt &&
      this.status === ctx.status &&
      this.protocol === ctx.protocol
    );
  }

  toJSON(): JourneyIndex {
    const { journeyId, protocol, status, wakeAt, openTasks } = this;
    return { journeyId, protocol, status, wakeAt, openTasks };
  }
}

/** A store's record of an open task occurrence. */
function openTaskRecord(journeyId: string, protocol: ProtocolRef, t: TaskInstance): OpenTaskRecord {
  return {
    journeyId,
    protocolId: protocol.id,
    protocolVersion: protocol.version,
    instance: t.id,
    task: t.task,
    step: t.step,
    segment: t.segment,
    responsible: t.responsible,
    acceptedBy: t.acceptedBy,
    openedAt: t.openedAt,
    dueAt: t.dueAt,
    remindAt: t.remindAt,
    required: t.required,
    rupture: t.rupture,
  };
}

/** Whether a store call answered with a promise (stores may be synchronous or asynchronous). */
function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}

/**
 * An input event as a command makes it: a history entry but for its position (`seq` 0 until it
 * is committed), like the derived events the machine emits ({@link EmittedEvent}).
 */
type PendingInput = InputEvent & { seq: number; at: number };

/**
 * Makes an input or derived event a history entry, in place: its position. The event was made
 * with a `seq` field already, so this writes a field and does not reshape the object.
 */
function stamp(event: PendingInput | EmittedEvent, seq: number): HistoryEvent {
  event.seq = seq;
  return event as HistoryEvent;
}

/**
 * A command's result; its journey view is built on first read (most callers only await the
 * command), by the `journey` getter.
 */
class LazyCommandResult implements CommandResult {
  readonly events: readonly HistoryEvent[];
  readonly #rt: ProtocolRuntime;
  readonly #ctx: MachineContext;
  readonly #version: number;
  #view: JourneyView | undefined;

  constructor(rt: ProtocolRuntime, ctx: MachineContext, version: number, events: readonly HistoryEvent[]) {
    this.events = events;
    this.#rt = rt;
    this.#ctx = ctx;
    this.#version = version;
    this.#view = undefined;
  }

  get journey(): JourneyView {
    this.#view ??= journeyView(this.#rt, this.#ctx, this.#version);
    return this.#view;
  }

  toJSON(): { journey: JourneyView; events: readonly HistoryEvent[] } {
    return { journey: this.journey, events: this.events };
  }
}

type Live = {
  readonly runtime: ProtocolRuntime;
  readonly machine: CompiledMachine;
  /** The machine's state (see `step.ts`: a journey is a snapshot, not an actor). */
  snapshot: MachineSnapshot;
  /** Number of history entries stored. */
  version: number;
  /** The latest index given to the store. */
  index?: LazyJourneyIndex;
  /** The wake-up instant of a state of the journey, and that state. */
  wakeFor?: MachineContext;
  wake?: number | undefined;
};

/** A serialisable snapshot of a journey: a cache of its history at a version. */
export interface JourneySnapshot {
  readonly journeyId: string;
  readonly version: number;
  readonly value: StateValue;
  readonly context: MachineContext;
}

/** What {@link Engine.tick} did. */
export interface TickResult {
  /** Journeys that time changed. */
  readonly journeys: readonly string[];
  /** History entries appended. */
  readonly events: readonly HistoryEvent[];
}

/** Untyped commands on any journey, by id (for protocols loaded from JSON). */
export type JourneyCommands = Omit<ProtocolJourneys<ProtocolDefinition>, 'start'>;

/** The engine: runs journeys of registered protocols over a clock and a store. */
export interface Engine extends JourneyCommands {
  /** The registered protocol definitions (validated, frozen). */
  readonly protocols: readonly ProtocolDefinition[];
  /** Typed commands for one protocol (registered on first use). */
  for<const P extends object>(definition: P): ProtocolJourneys<P>;
  /** Starts a journey on a registered protocol, by id (latest version) or `id@version`, or by definition. */
  start(
    protocol: string | object,
    options: {
      facts: Record<string, unknown>;
      journeyId?: string;
      by?: Actor;
      at?: Instant;
      timeZone?: string;
    },
  ): Promise<CommandResult>;
  /** The append-only history of a journey. */
  history(journeyId: string): Promise<readonly HistoryEvent[]>;
  /** Fires what is due up to `at` (default now) in every journey: ruptures, timed exits, recurrences. */
  tick(at?: Instant): Promise<TickResult>;
  /** Like `tick`, but visits every due instant in order up to `at`, so each rupture is dated exactly. */
  runUntil(at?: Instant): Promise<TickResult>;
  /** *Qui fait quoi, quand*: what is due for a role or an actor, across journeys, by due date. */
  worklist(query: {
    role?: string;
    actor?: Actor;
    at?: Instant;
    protocolId?: string;
  }): Promise<WorklistItem[]>;
  /** Computes a protocol's indicators over a period from the histories of its journeys. */
  indicators(protocol: string | object, period: IndicatorPeriod): Promise<IndicatorResult[]>;
  /** Moves a journey to another version of its protocol, mapping steps and tasks explicitly. */
  migrate(
    journeyId: string,
    to: string | object,
    migration?: Migration & { by?: Actor; at?: Instant },
  ): Promise<CommandResult>;
  /** A serialisable snapshot of a journey. */
  snapshot(journeyId: string): Promise<JourneySnapshot>;
  /** A journey view from a snapshot (and history entries after it), without touching the store. */
  restore(snapshot: JourneySnapshot, after?: readonly HistoryEvent[]): JourneyView;
  /** Rebuilds a journey from its history alone (it equals the live journey). */
  rebuild(history: readonly HistoryEvent[]): JourneyView;
  /** Drops live journeys from memory (they reload from the store on next use). */
  evict(journeyId?: string): void;
}

/** Who did an act, as which role, under which delegation (each kept in every history entry: made whole, in one shape per case). */
function attribution(actor: Actor | undefined, role?: string, delegation?: string): Attribution | undefined {
  if (!actor) return undefined;
  if (role === undefined)
    return delegation === undefined ? { actor: actor.id } : { actor: actor.id, delegation };
  return delegation === undefined ? { actor: actor.id, role } : { actor: actor.id, role, delegation };
}

/**
 * Creates an engine.
 *
 * @example
 * const engine = createEngine({ protocols: [ic], clock: new VirtualClock('2026-01-05T09:00:00Z') });
 * const { journey } = await engine.for(ic).start({ facts: { age: 78 } });
 * await engine.for(ic).perform(journey.journeyId, 'consultation-mg', { actor: drMartin });
 */
export function createEngine(options: EngineOptions): Engine {
  const store: Store = options.store ?? new MemoryStore();
  const clock: Clock = options.clock ?? systemClock;
  const cacheSize = options.cacheSize ?? 10_000;
  const byKey = new Map<string, ProtocolRuntime>();
  const latest = new Map<string, ProtocolRuntime>();
  const bySource = new WeakMap<object, ProtocolRuntime>();
  const live = new Map<string, Live>();
  const queues = new Map<string, Promise<unknown>>();

  /**
   * Runs commands on one journey one after the other, so that concurrent callers in one process
   * never race. A command that completes synchronously (a live journey on a synchronous store)
   * cannot interleave with another and is not queued.
   */
  function serial<T>(journeyId: string, work: () => T | Promise<T>): Promise<T> {
    const previous = queues.get(journeyId);
    let next: Promise<T>;
    if (previous === undefined) {
      let result: T | Promise<T>;
      try {
        result = work();
      } catch (e) {
        return Promise.reject(e);
      }
      if (!isPromise(result)) return Promise.resolve(result);
      next = result;
    } else {
      next = previous.then(work, work);
    }
    const settled: Promise<void> = next.then(
      () => release(journeyId, settled),
      () => release(journeyId, settled),
    );
    queues.set(journeyId, settled);
    return next;
  }

  function release(journeyId: string, settled: Promise<void>): void {
    if (queues.get(journeyId) === settled) queues.delete(journeyId);
  }

  function register(definition: object): ProtocolRuntime {
    const known = bySource.get(definition);
    if (known) return known;
    const parsed = parseProtocol(definition);
    const { runtime } = compileRuntime(parsed);
    const key = `${runtime.ref.id}@${runtime.ref.version}`;
    const existing = byKey.get(key);
    if (existing && existing.ref.hash !== runtime.ref.hash)
      throw new CptsError(
        'VERSION_MISMATCH',
        `Protocol ${key} is registered twice with different contents: bump the version of the changed one`,
        { details: { protocol: key } },
      );
    const rt = existing ?? runtime;
    byKey.set(key, rt);
    const prev = latest.get(rt.ref.id);
    if (!prev || compareSemver(rt.ref.version, prev.ref.version) > 0) latest.set(rt.ref.id, rt);
    bySource.set(definition, rt);
    bySource.set(rt.definition, rt);
    return rt;
  }
  for (const p of options.protocols) register(p);

  function resolveProtocol(protocol: string | object): ProtocolRuntime {
    if (typeof protocol !== 'string') return register(protocol);
    const rt = protocol.includes('@') ? byKey.get(protocol) : latest.get(protocol);
    if (!rt)
      throw new CptsError(
        'VERSION_MISMATCH',
        `Protocol ${protocol} is not registered with this engine (${[...byKey.keys()].join(', ') || 'none'})`,
        {
          details: { protocol },
        },
      );
    return rt;
  }

  function runtimeFor(
    ref: { id: string; version: string; hash: string },
    journeyId: string,
  ): ProtocolRuntime {
    const rt = byKey.get(`${ref.id}@${ref.version}`);
    if (!rt || rt.ref.hash !== ref.hash)
      throw new CptsError(
        'VERSION_MISMATCH',
        rt
          ? `Journey ${journeyId} ran protocol ${ref.id}@${ref.version} with other contents (${ref.hash}); the registered one differs (${rt.ref.hash}): register the exact version or migrate the journey`
          : `Journey ${journeyId} runs protocol ${ref.id}@${ref.version}, which is not registered with this engine: register it, or migrate the journey explicitly`,
        { details: { journeyId, protocol: ref } },
      );
    return rt;
  }

  function remember(journeyId: string, l: Live) {
    live.delete(journeyId);
    live.set(journeyId, l);
    if (live.size > cacheSize) {
      const oldest = live.keys().next().value;
      if (oldest !== undefined) live.delete(oldest);
    }
  }

  function evict(journeyId?: string) {
    if (journeyId === undefined) live.clear();
    else live.delete(journeyId);
  }

  /** Replays a history's input events through the compiled machine, from the journey's start (or a snapshot). */
  function replay(history: readonly HistoryEvent[], from?: { snapshot: JourneySnapshot }): Live {
    let current: Live | undefined;
    if (from) {
      const rt = runtimeFor(from.snapshot.context.protocol, from.snapshot.journeyId);
      const { machine } = compileRuntime(rt.definition);
      current = {
        runtime: rt,
        machine,
        snapshot: restoreSnapshot(machine, from.snapshot.value, from.snapshot.context),
        version: from.snapshot.version,
      };
    }
    for (const e of history) {
      if (current && e.seq <= current.version) continue;
      if (e.type === 'journey.started') {
        const rt = runtimeFor(e.protocol, e.journeyId);
        const { machine } = compileRuntime(rt.definition);
        const snapshot = startSnapshot(machine, startContext(rt, e.journeyId, e.facts, e.at, e.timeZone));
        current = { runtime: rt, machine, snapshot, version: e.seq };
      } else if (!current) {
        throw new CptsError('UNKNOWN_JOURNEY', 'A history must begin with journey.started');
      } else if (e.type === 'journey.migrated') {
        const rt = runtimeFor(e.to, current.snapshot.context.journeyId);
        current = migrateLive(current, rt, { steps: e.steps, tasks: e.tasks }, e.at);
        current.version = e.seq;
      } else if (isInputEvent(e)) {
        const { seq: _seq, ...input } = e;
        current.snapshot = nextSnapshot(current.machine, current.snapshot, input as MachineEvent);
        current.version = e.seq;
      } else {
        current.version = e.seq;
      }
    }
    if (!current) throw new CptsError('UNKNOWN_JOURNEY', 'An empty history holds no journey');
    return current;
  }

  async function load(journeyId: string): Promise<Live> {
    const hit = live.get(journeyId);
    if (hit) return hit;
    const stored = await store.load(journeyId);
    if (!stored || stored.history.length === 0)
      throw new CptsError('UNKNOWN_JOURNEY', `No journey ${journeyId} in the store`, {
        details: { journeyId },
      });
    const l = replay(stored.history);
    remember(journeyId, l);
    return l;
  }

  /** Runs `work` on a journey: at once when it is live, after loading it otherwise. */
  function onLive<T>(journeyId: string, work: (l: Live) => T | Promise<T>): T | Promise<T> {
    const l = live.get(journeyId);
    return l === undefined ? load(journeyId).then(work) : work(l);
  }

  function contextOf(l: Live): MachineContext {
    return l.snapshot.context;
  }

  /** The journey's wake-up instant, computed once per state (a state is never changed once made). */
  function wakeOf(l: Live, ctx: MachineContext): number | undefined {
    if (l.wakeFor !== ctx) {
      l.wakeFor = ctx;
      l.wake = wakeAt(l.runtime, ctx);
    }
    return l.wake;
  }

  function indexOf(l: Live): JourneyIndex {
    const ctx = contextOf(l);
    const wake = wakeOf(l, ctx);
    // Most commands leave the index as it was: the store gets the same object.
    const last = l.index;
    if (last?.indexes(ctx, wake)) return last;
    const index = new LazyJourneyIndex(ctx, wake);
    l.index = index;
    return index;
  }

  /**
   * Sends validated input events, appends them with what they caused; on a failed write, nothing
   * stays. Synchronous when the store is.
   */
  function commit(
    journeyId: string,
    l: Live,
    inputs: readonly PendingInput[],
  ): CommandResult | Promise<CommandResult> {
    const out: HistoryEvent[] = [];
    let seq = l.version;
    for (const input of inputs) {
      let snap: MachineSnapshot;
      try {
        snap = nextSnapshot(l.machine, l.snapshot, input as MachineEvent);
      } catch (error) {
        evict(journeyId);
        throw new CptsError(
          'INVALID_COMMAND',
          `The journey could not apply ${input.type}: ${String(error)}`,
          {
            cause: error,
          },
        );
      }
      l.snapshot = snap;
      // The input and the derived events are fresh objects made for this command: they become the
      // history entries as they are, stamped with their position (and instant), without copies.
      out.push(stamp(input, ++seq));
      for (const d of snap.context.emitted) out.push(stamp(d, ++seq));
    }
    let appended: void | Promise<void>;
    try {
      appended = store.append(journeyId, l.version, out, indexOf(l));
    } catch (e) {
      evict(journeyId);
      throw e;
    }
    if (!isPromise(appended)) return committed(l, seq, out);
    return appended.then(
      () => committed(l, seq, out),
      (e: unknown) => {
        evict(journeyId);
        throw e;
      },
    );
  }

  /** The journey is at `version` once its entries are stored. */
  function committed(l: Live, version: number, events: readonly HistoryEvent[]): CommandResult {
    l.version = version;
    return new LazyCommandResult(l.runtime, contextOf(l), version, events);
  }

  async function refuse(
    journeyId: string,
    l: Live,
    command: string,
    error: CptsError,
    by: Actor | undefined,
    at: number,
  ) {
    const entry: HistoryEvent = {
      type: 'command.refused',
      command,
      code: error.code,
      message: error.message,
      by: attribution(by),
      seq: l.version + 1,
      at,
    };
    try {
      await store.append(journeyId, l.version, [entry], indexOf(l));
      l.version += 1;
    } catch {
      // Someone else wrote meanwhile: the refusal is still reported to the caller; reload next time.
      evict(journeyId);
    }
  }

  /** Runs a command: validate against the current state, then commit; refusals are recorded. */
  function run(
    journeyId: string,
    command: string,
    opts: CommandOptions,
    by: Actor | undefined,
    decide: (l: Live, ctx: MachineContext, at: number) => PendingInput[],
  ): Promise<CommandResult> {
    return serial(journeyId, () => onLive(journeyId, (l) => runOn(journeyId, l, command, opts, by, decide)));
  }

  function runOn(
    journeyId: string,
    l: Live,
    command: string,
    opts: CommandOptions,
    by: Actor | undefined,
    decide: (l: Live, ctx: MachineContext, at: number) => PendingInput[],
  ): CommandResult | Promise<CommandResult> {
    const ctx = contextOf(l);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== l.version)
      throw new CptsError(
        'CONFLICT',
        `Journey ${journeyId} is at version ${l.version}, not ${opts.expectedVersion}: someone acted meanwhile; reload it and try again`,
        { details: { journeyId, expectedVersion: opts.expectedVersion, actualVersion: l.version } },
      );
    // A refusal is stamped when it happens, never before the journey's latest event.
    let at = Math.max(clock.now(), ctx.now);
    let result: CommandResult | Promise<CommandResult>;
    try {
      if (opts.at !== undefined) at = toMillis(opts.at);
      if (at < ctx.now)
        throw new CptsError(
          'INVALID_COMMAND',
          `${command} at ${new Date(at).toISOString()} is before the journey's latest event (${new Date(ctx.now).toISOString()})`,
        );
      if (ctx.status === 'closed' || ctx.status === 'cancelled')
        throw new CptsError(
          'JOURNEY_CLOSED',
          `Journey ${journeyId} is ${ctx.status === 'closed' ? 'closed' : 'cancelled'}: ${command} is not possible`,
          {
            details: { journeyId, status: ctx.status },
          },
        );
      result = commit(journeyId, l, decide(l, ctx, at));
    } catch (e) {
      return refused(journeyId, l, command, by, Math.max(at, ctx.now), e);
    }
    return isPromise(result)
      ? result.catch((e: unknown) => refused(journeyId, l, command, by, Math.max(at, ctx.now), e))
      : result;
  }

  /** Records a refused command (and what it would have recorded, e.g. a hand-back), then rethrows. */
  async function refused(
    journeyId: string,
    l: Live,
    command: string,
    by: Actor | undefined,
    at: number,
    e: unknown,
  ): Promise<never> {
    if (CptsError.is(e) && e.code !== 'CONFLICT' && live.get(journeyId) === l) {
      const pending = (e.details as { record?: PendingInput[] }).record;
      if (pending) {
        try {
          // Copies: the entries are stamped in place, and the error's details keep the originals.
          await commit(
            journeyId,
            l,
            pending.map((x) => ({ ...x })),
          );
        } catch {
          // The refusal is what the caller needs to know; the journey reloads from the store.
        }
      }
      await refuse(journeyId, l, command, e, by, at);
    }
    throw e;
  }

  function instanceOf(rt: ProtocolRuntime, ctx: MachineContext, ref: string): TaskInstance {
    const hash = ref.indexOf('#');
    if (hash >= 0) {
      // `<task>#<occurrence>`: recent occurrences, which commands name most, are at the end; the
      // occurrence number is compared first (no string is made on the way).
      let occurrence = 0;
      for (let i = hash + 1; i < ref.length && !Number.isNaN(occurrence); i++) {
        const digit = ref.charCodeAt(i) - 48;
        occurrence = digit >= 0 && digit <= 9 ? occurrence * 10 + digit : Number.NaN;
      }
      let inst: TaskInstance | undefined;
      for (let i = ctx.tasks.length - 1; i >= 0 && inst === undefined; i--) {
        const t = ctx.tasks[i]!;
        if (t.occurrence === occurrence && t.id === ref) inst = t;
      }
      if (!inst) {
        const taskId = ref.slice(0, hash);
        throw rt.tasks.has(taskId)
          ? new CptsError('UNKNOWN_TASK', `Task occurrence "${ref}" was never opened in this journey`, {
              details: { task: ref },
            })
          : unknownTask(rt, taskId, ref);
      }
      if (!isOpen(inst)) throw notOpen(rt, inst);
      return inst;
    }
    if (!rt.tasks.has(ref)) throw unknownTask(rt, ref, ref);
    const open = ctx.tasks.filter((t) => t.task === ref && isOpen(t));
    if (open.length === 0) {
      const last = [...ctx.tasks].reverse().find((t) => t.task === ref);
      if (last) throw notOpen(rt, last);
      throw new CptsError(
        'TASK_NOT_OPEN',
        `Task "${rt.tasks.get(ref)!.task.label.fr}" is not open in this journey (current steps: ${ctx.active.join(', ') || 'none'})`,
        { details: { task: ref, status: 'inactive' } },
      );
    }
    return open.reduce((a, b) =>
      (a.dueAt ?? Number.POSITIVE_INFINITY) <= (b.dueAt ?? Number.POSITIVE_INFINITY) ? a : b,
    );
  }

  function unknownTask(rt: ProtocolRuntime, taskId: string, ref: string): CptsError {
    return new CptsError('UNKNOWN_TASK', `Task "${taskId}" does not exist in protocol ${rt.ref.id}`, {
      details: { task: ref },
    });
  }

  function notOpen(rt: ProtocolRuntime, inst: TaskInstance): CptsError {
    const statusFr = {
      completed: 'déjà réalisée',
      cancelled: 'annulée',
      waived: 'écartée (dérogation)',
      open: 'ouverte',
      accepted: 'prise en charge',
    }[inst.status];
    return new CptsError(
      'TASK_NOT_OPEN',
      `Task "${rt.tasks.get(inst.task)?.task.label.fr ?? inst.task}" (${inst.id}) is ${inst.status} (${statusFr})${inst.closedBy ? ` by ${inst.closedBy}` : ''}`,
      { details: { task: inst.task, instance: inst.id, status: inst.status } },
    );
  }

  function checkTaken(rt: ProtocolRuntime, inst: TaskInstance, actor: Actor) {
    if (inst.status === 'accepted' && inst.acceptedBy !== actor.id)
      throw new CptsError(
        'TASK_TAKEN',
        `Task "${rt.tasks.get(inst.task)?.task.label.fr ?? inst.task}" is taken by ${inst.acceptedBy}: they must release it first`,
        { details: { instance: inst.id, acceptedBy: inst.acceptedBy } },
      );
  }

  /**
   * The refusal of data recorded with a task or an event (see {@link dataProblem}); `names` word
   * it: what the data is `of`, its `label`, and the `subject` that records none.
   */
  function dataRefusal(
    problem: DataProblem,
    validate: Parameters<typeof dataProblem>[0],
    names: { of: string; label: string; subject: string },
    details: Record<string, unknown>,
  ): CptsError {
    if (problem.kind === 'not-an-object')
      return new CptsError('INVALID_DATA', `The data of ${names.of} must be an object`, { details });
    if (problem.kind === 'invalid')
      return new CptsError('INVALID_DATA', `Invalid data for ${names.label}: ${problem.errors}`, {
        details: { ...details, errors: validate?.errors },
      });
    return new CptsError(
      'INVALID_DATA',
      `${names.subject} records no data (the protocol declares none for it), got ${problem.keys.join(', ')}`,
      { details },
    );
  }

  function checkData(rt: ProtocolRuntime, inst: TaskInstance, data: unknown) {
    const task = rt.tasks.get(inst.task);
    const problem = dataProblem(task?.validate, data);
    if (problem)
      throw dataRefusal(
        problem,
        task?.validate,
        {
          of: `"${inst.task}"`,
          label: `"${task?.task.label.fr ?? inst.task}"`,
          subject: `Task "${inst.task}"`,
        },
        { task: inst.task },
      );
  }

  function checkEventData(rt: ProtocolRuntime, event: string, data: unknown) {
    const validate = rt.validateEventData.get(event);
    const problem = dataProblem(validate, data);
    if (problem)
      throw dataRefusal(
        problem,
        validate,
        { of: `event "${event}"`, label: `event "${event}"`, subject: `Event "${event}"` },
        { event },
      );
  }

  function checkFacts(
    rt: ProtocolRuntime,
    facts: unknown,
    base: Readonly<Record<string, unknown>>,
  ): Record<string, unknown> {
    if (typeof facts !== 'object' || facts === null || Array.isArray(facts))
      throw new CptsError('INVALID_FACTS', 'Facts must be an object of named values');
    const known = Object.keys(rt.definition.facts.properties ?? {});
    const unknown = Object.keys(facts).filter((k) => !known.includes(k));
    if (unknown.length > 0)
      throw new CptsError(
        'INVALID_FACTS',
        `Unknown fact${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (known: ${known.join(', ') || 'none'})`,
        {
          details: { unknown },
        },
      );
    // `undefined` means "not given", as in JSON (a durable history cannot hold it): it never clears a fact.
    const given = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
    const merged = { ...base, ...given };
    for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
    if (!rt.validateFacts(merged))
      throw new CptsError('INVALID_FACTS', `Invalid facts: ${describeAjvErrors(rt.validateFacts)}`, {
        details: { errors: rt.validateFacts.errors },
      });
    return given;
  }

  function requireText(value: unknown, what: string): string {
    if (typeof value !== 'string' || value.trim() === '')
      throw new CptsError('INVALID_COMMAND', `A ${what} is required`);
    return value;
  }

  function requireActor(actor: unknown): Actor {
    const a = actor as Actor | undefined;
    if (!a || typeof a.id !== 'string' || !Array.isArray(a.roles))
      throw new CptsError('INVALID_COMMAND', 'An actor { id, roles } is required');
    return a;
  }

  const commands: JourneyCommands = {
    async get(journeyId) {
      const l = await load(journeyId);
      return journeyView(l.runtime, contextOf(l), l.version);
    },

    perform(journeyId, task, o) {
      return run(journeyId, 'perform', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const inst = instanceOf(l.runtime, ctx, task);
        checkTaken(l.runtime, inst, actor);
        const decision = authorise(l.runtime, ctx, inst, actor, { as: o.as, delegation: o.delegation, at });
        if (!decision.allowed) {
          const record = [
            {
              type: 'delegation.handed-back' as const,
              seq: 0,
              at,
              delegation: decision.delegation.id,
              instance: inst.id,
              by: attribution(actor, decision.delegation.delegate, decision.delegation.id)!,
              reasons: [...decision.reasons],
            },
          ];
          throw new CptsError(
            'DELEGATION_REFUSED',
            `Delegation "${decision.delegation.label.fr}" refused, patient handed back to the ${decision.delegation.delegating}: ${decision.reasons.join('; ')}`,
            {
              details: {
                reason: decision.reason,
                delegation: decision.delegation.id,
                reasons: decision.reasons,
                handedBack: true,
                record,
              },
            },
          );
        }
        const data = o.data as unknown as Record<string, unknown> | undefined;
        checkData(l.runtime, inst, data);
        const by = attribution(actor, decision.role, decision.delegation?.id);
        // Two whole literals rather than an optional spread: each entry is made in one shape.
        return [
          data === undefined
            ? { type: 'task.completed', seq: 0, at, instance: inst.id, by }
            : { type: 'task.completed', seq: 0, at, instance: inst.id, by, data },
        ];
      });
    },

    observe(journeyId, task, o) {
      return run(journeyId, 'observe', o, undefined, (l, ctx, at) => {
        const source = requireText(o.source, 'source (the feed that observed the act)');
        const inst = instanceOf(l.runtime, ctx, task);
        const data = o.data as unknown as Record<string, unknown> | undefined;
        checkData(l.runtime, inst, data);
        return [
          {
            type: 'task.completed',
            seq: 0,
            at,
            instance: inst.id,
            source,
            ...(data !== undefined && { data }),
          },
        ];
      });
    },

    accept(journeyId, task, o) {
      return run(journeyId, 'accept', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const inst = instanceOf(l.runtime, ctx, task);
        checkTaken(l.runtime, inst, actor);
        if (inst.status === 'accepted')
          throw new CptsError('INVALID_COMMAND', `${actor.id} has already accepted ${inst.id}`);
        const covering = [...l.runtime.delegations.values()].filter((d) => d.tasks.includes(inst.task));
        const role = actingRole(l.runtime, actor, o.as, [
          ...inst.responsible,
          ...covering.map((d) => d.delegate),
        ]);
        if (
          role === undefined ||
          (!inst.responsible.includes(role) && !covering.some((d) => d.delegate === role))
        )
          throw new CptsError(
            'NOT_ALLOWED_ROLE',
            `${actor.name ?? actor.id} may not take "${inst.task}": it is for ${inst.responsible.join(', ')}`,
            {
              details: { actor: actor.id, task: inst.task },
            },
          );
        return [{ type: 'task.accepted', seq: 0, at, instance: inst.id, by: attribution(actor, role)! }];
      });
    },

    release(journeyId, task, o) {
      return run(journeyId, 'release', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const inst = instanceOf(l.runtime, ctx, task);
        if (inst.status !== 'accepted')
          throw new CptsError('INVALID_COMMAND', `${inst.id} is not taken by anyone: nothing to release`);
        checkTaken(l.runtime, inst, actor);
        return [
          {
            type: 'task.released',
            seq: 0,
            at,
            instance: inst.id,
            by: attribution(actor)!,
            ...(o.reason !== undefined && { reason: o.reason }),
          },
        ];
      });
    },

    waive(journeyId, task, o) {
      return run(journeyId, 'waive', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const justification = requireText(
          o.justification,
          'justification (why the protocol is not followed)',
        );
        const inst = instanceOf(l.runtime, ctx, task);
        const role = actingRole(l.runtime, actor, o.as, inst.responsible);
        if (role === undefined || !inst.responsible.includes(role))
          throw new CptsError(
            'NOT_ALLOWED_ROLE',
            `Only ${inst.responsible.join(', ')} may waive "${inst.task}"`,
            { details: { task: inst.task } },
          );
        return [
          {
            type: 'task.waived',
            seq: 0,
            at,
            instance: inst.id,
            by: attribution(actor, role)!,
            justification,
          },
        ];
      });
    },

    cancelTask(journeyId, task, o) {
      return run(journeyId, 'cancelTask', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const reason = requireText(o.reason, 'reason');
        const inst = instanceOf(l.runtime, ctx, task);
        const role = actingRole(l.runtime, actor, o.as, inst.responsible);
        if (role === undefined || !inst.responsible.includes(role))
          throw new CptsError(
            'NOT_ALLOWED_ROLE',
            `Only ${inst.responsible.join(', ')} may cancel "${inst.task}"`,
            { details: { task: inst.task } },
          );
        return [
          { type: 'task.cancelled', seq: 0, at, instance: inst.id, by: attribution(actor, role)!, reason },
        ];
      });
    },

    recordFacts(journeyId, facts, o = {}) {
      return run(journeyId, 'recordFacts', o, o.by, (l, ctx, at) => {
        const valid = checkFacts(l.runtime, facts, ctx.facts);
        return [
          {
            type: 'facts.recorded',
            seq: 0,
            at,
            facts: valid,
            by: attribution(o.by),
            ...(o.source !== undefined && { source: o.source }),
          },
        ];
      });
    },

    recordEvent(journeyId, event, o = {}) {
      return run(journeyId, 'recordEvent', o, o.by, (l, _ctx, at) => {
        if (!l.runtime.events.has(event))
          throw new CptsError(
            'UNKNOWN_EVENT',
            `Event "${event}" does not exist in protocol ${l.runtime.ref.id} (${[...l.runtime.events].join(', ') || 'none'})`,
          );
        checkEventData(l.runtime, event, o.data);
        return [
          {
            type: 'event.recorded',
            seq: 0,
            at,
            event,
            ...(o.data !== undefined && { data: o.data }),
            by: attribution(o.by),
            ...(o.source !== undefined && { source: o.source }),
          },
        ];
      });
    },

    handBack(journeyId, delegationId, o) {
      return run(journeyId, 'handBack', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const reason = requireText(o.reason, 'reason for the hand-back');
        const delegation = l.runtime.delegations.get(delegationId);
        if (!delegation)
          throw new CptsError(
            'UNKNOWN_DELEGATION',
            `Delegation "${delegationId}" does not exist in protocol ${l.runtime.ref.id}`,
          );
        if (!actor.roles.includes(delegation.delegate))
          throw new CptsError(
            'NOT_ALLOWED_ROLE',
            `Only a ${delegation.delegate} acting under "${delegation.label.fr}" can hand the patient back`,
          );
        const inst = instanceOf(l.runtime, ctx, o.task);
        if (!delegation.tasks.includes(inst.task))
          throw new CptsError(
            'DELEGATION_REFUSED',
            `Delegation "${delegation.label.fr}" does not cover "${inst.task}"`,
          );
        return [
          {
            type: 'delegation.handed-back',
            seq: 0,
            at,
            delegation: delegation.id,
            instance: inst.id,
            by: attribution(actor, delegation.delegate, delegation.id)!,
            reasons: [reason],
          },
        ];
      });
    },

    reroute(journeyId, to, o) {
      return run(journeyId, 'reroute', o, o.actor, (l, ctx, at) => {
        const actor = requireActor(o.actor);
        const justification = requireText(
          o.justification,
          'justification (why the journey leaves the protocol path)',
        );
        if (!l.runtime.steps.has(to))
          throw new CptsError(
            'INVALID_COMMAND',
            `Step "${to}" does not exist in protocol ${l.runtime.ref.id}`,
          );
        if (ctx.active.includes(to))
          throw new CptsError('INVALID_COMMAND', `The journey is already in step "${to}"`);
        const responsible = new Set(
          ctx.active.flatMap((s) => (l.runtime.tasksByStep.get(s) ?? []).flatMap((t) => t.task.responsible)),
        );
        const candidates = responsible.size > 0 ? [...responsible] : [...l.runtime.roles];
        const role = actingRole(l.runtime, actor, o.as, candidates);
        if (role === undefined || !candidates.includes(role))
          throw new CptsError(
            'NOT_ALLOWED_ROLE',
            `Only ${candidates.join(', ')} may change the course of the current step`,
          );
        return [{ type: 'journey.rerouted', seq: 0, at, to, by: attribution(actor, role)!, justification }];
      });
    },

    close(journeyId, o) {
      return run(journeyId, 'close', o, o.by, (_l, _ctx, at) => [
        {
          type: 'journey.closed',
          seq: 0,
          at,
          by: attribution(o.by),
          reason: requireText(o.reason, 'reason'),
        },
      ]);
    },

    cancel(journeyId, o) {
      return run(journeyId, 'cancel', o, o.by, (_l, _ctx, at) => [
        {
          type: 'journey.cancelled',
          seq: 0,
          at,
          by: attribution(o.by),
          reason: requireText(o.reason, 'reason'),
        },
      ]);
    },
  };

  function startContext(
    rt: ProtocolRuntime,
    journeyId: string,
    facts: Record<string, unknown>,
    at: number,
    timeZone: string,
  ): MachineContext {
    return regrade(rt, initialContext(rt, { journeyId, facts, at, timeZone }));
  }

  async function start(
    protocol: string | object,
    o: { facts: Record<string, unknown>; journeyId?: string; by?: Actor; at?: Instant; timeZone?: string },
  ): Promise<CommandResult> {
    const journeyId = o.journeyId ?? randomUUID();
    return serial(journeyId, () => startNow(protocol, journeyId, o));
  }

  async function startNow(
    protocol: string | object,
    journeyId: string,
    o: { facts: Record<string, unknown>; by?: Actor; at?: Instant; timeZone?: string },
  ): Promise<CommandResult> {
    const rt = resolveProtocol(protocol);
    const facts = checkFacts(rt, o.facts ?? {}, {});
    const at = o.at === undefined ? clock.now() : toMillis(o.at);
    const timeZone = o.timeZone ?? DEFAULT_TIME_ZONE;
    if (live.has(journeyId)) throw new CptsError('JOURNEY_EXISTS', `Journey ${journeyId} already exists`);
    const { machine } = compileRuntime(rt.definition);
    const l: Live = {
      runtime: rt,
      machine,
      snapshot: startSnapshot(machine, startContext(rt, journeyId, facts, at, timeZone)),
      version: 0,
    };
    const started: HistoryEvent = {
      type: 'journey.started',
      journeyId,
      protocol: rt.ref,
      facts,
      timeZone,
      by: attribution(o.by),
      seq: 1,
      at,
    };
    const out: HistoryEvent[] = [started, ...l.snapshot.context.emitted.map((d, i) => stamp(d, i + 2))];
    try {
      await store.append(journeyId, 0, out, indexOf(l));
    } catch (e) {
      if (CptsError.is(e) && e.code === 'CONFLICT')
        throw new CptsError('JOURNEY_EXISTS', `Journey ${journeyId} already exists`, { cause: e });
      throw e;
    }
    l.version = out.length;
    remember(journeyId, l);
    return { journey: journeyView(rt, contextOf(l), l.version), events: out };
  }

  function tickJourney(journeyId: string, at: number): Promise<HistoryEvent[]> {
    return serial(journeyId, () => onLive(journeyId, (l) => tickOn(journeyId, l, at)));
  }

  function tickOn(journeyId: string, l: Live, at: number): HistoryEvent[] | Promise<HistoryEvent[]> {
    const ctx = contextOf(l);
    if (ctx.status === 'closed' || ctx.status === 'cancelled') return [];
    const result = commit(journeyId, l, [{ type: 'clock.advanced', seq: 0, at: Math.max(at, ctx.now) }]);
    // The entries are the command's own fresh array.
    return isPromise(result)
      ? result.then((r) => r.events as HistoryEvent[])
      : (result.events as HistoryEvent[]);
  }

  async function tick(at?: Instant): Promise<TickResult> {
    const now = at === undefined ? clock.now() : toMillis(at);
    const ids = await store.due(now);
    const events: HistoryEvent[] = [];
    const journeys: string[] = [];
    for (const id of ids) {
      const out = await tickJourney(id, now);
      if (out.length > 0) {
        journeys.push(id);
        events.push(...out);
      }
    }
    return { journeys, events };
  }

  async function runUntil(at?: Instant): Promise<TickResult> {
    const end = at === undefined ? clock.now() : toMillis(at);
    const events: HistoryEvent[] = [];
    const journeys = new Set<string>();
    for (let guard = 0; guard < 1_000_000; guard++) {
      const [id] = await store.due(end, 1);
      if (id === undefined) break;
      const l = live.get(id) ?? (await load(id));
      const wake = wakeOf(l, contextOf(l)) ?? end;
      const out = await tickJourney(id, Math.min(Math.max(wake, contextOf(l).now), end));
      journeys.add(id);
      events.push(...out);
    }
    return { journeys: [...journeys], events };
  }

  async function worklist(query: {
    role?: string;
    actor?: Actor;
    at?: Instant;
    protocolId?: string;
  }): Promise<WorklistItem[]> {
    const now = query.at === undefined ? clock.now() : toMillis(query.at);
    if (!query.role && !query.actor)
      throw new CptsError('INVALID_COMMAND', 'A worklist is for a role or an actor');
    const roles = query.role ? [query.role] : [...(query.actor?.roles ?? [])];
    const rows = new Map<string, { row: OpenTaskRecord; via: WorklistItem['via'] }>();
    const key = (r: OpenTaskRecord) => `${r.journeyId}/${r.instance}`;
    for (const row of await store.openTasks({
      roles,
      ...(query.protocolId && { protocolId: query.protocolId }),
    }))
      rows.set(key(row), { row, via: 'responsible' });
    if (query.actor) {
      for (const row of await store.openTasks({ acceptedBy: query.actor.id }))
        rows.set(key(row), { row, via: 'accepted' });
      // Tasks the actor may do under a delegation.
      for (const rt of byKey.values()) {
        const delegated = rt.definition.delegations.filter((d) => roles.includes(d.delegate));
        if (delegated.length === 0) continue;
        const tasks = new Set(delegated.flatMap((d) => d.tasks));
        const delegating = [...new Set(delegated.map((d) => d.delegating))];
        for (const row of await store.openTasks({ roles: delegating, protocolId: rt.ref.id }))
          if (tasks.has(row.task) && !rows.has(key(row))) rows.set(key(row), { row, via: 'delegation' });
      }
    }
    const items: WorklistItem[] = [];
    for (const { row, via } of rows.values()) {
      if (query.actor && row.acceptedBy !== undefined && row.acceptedBy !== query.actor.id) continue;
      const rt = byKey.get(`${row.protocolId}@${row.protocolVersion}`) ?? latest.get(row.protocolId);
      const overdue = row.dueAt !== undefined && now > row.dueAt;
      items.push({
        journeyId: row.journeyId,
        protocolId: row.protocolId,
        protocolTitle: rt?.definition.title.fr ?? row.protocolId,
        instance: row.instance,
        task: row.task,
        taskLabel: rt?.tasks.get(row.task)?.task.label.fr ?? row.task,
        step: row.step,
        stepLabel: rt?.steps.get(row.step)?.step.label.fr ?? row.step,
        segment: row.segment,
        responsible: row.responsible,
        acceptedBy: row.acceptedBy,
        dueAt: row.dueAt,
        overdue,
        reminder: !overdue && row.remindAt !== undefined && now >= row.remindAt,
        required: row.required,
        via,
      });
    }
    return items.sort(
      (a, b) =>
        (a.dueAt ?? Number.POSITIVE_INFINITY) - (b.dueAt ?? Number.POSITIVE_INFINITY) ||
        (a.journeyId < b.journeyId ? -1 : a.journeyId > b.journeyId ? 1 : 0) ||
        (a.instance < b.instance ? -1 : 1),
    );
  }

  async function indicators(protocol: string | object, period: IndicatorPeriod): Promise<IndicatorResult[]> {
    const rt = resolveProtocol(protocol);
    const ids = await store.list({ protocolId: rt.ref.id });
    const histories: (readonly HistoryEvent[])[] = [];
    for (const id of ids) {
      const stored = await store.load(id);
      if (stored) histories.push(stored.history);
    }
    return computeIndicators(rt.definition, histories, period);
  }

  function migrateLive(l: Live, to: ProtocolRuntime, migration: Migration, at: number): Live {
    const ctx = contextOf(l);
    const stepMap = (s: string) => migration.steps?.[s] ?? s;
    const taskMap = (t: string) => migration.tasks?.[t] ?? t;
    const problems: string[] = [];
    const active = ctx.active.map(stepMap);
    for (const s of active)
      if (!to.steps.has(s))
        problems.push(`active step "${s}" does not exist in ${to.ref.version}: map it in migration.steps`);
    for (const t of ctx.tasks.filter(isOpen))
      if (!to.tasks.has(taskMap(t.task)))
        problems.push(`open task "${t.task}" does not exist in ${to.ref.version}: map it in migration.tasks`);
    if (problems.length > 0)
      throw new CptsError(
        'VERSION_MISMATCH',
        `Cannot migrate journey ${ctx.journeyId} to ${to.ref.id}@${to.ref.version}: ${problems.join('; ')}`,
        {
          details: { problems },
        },
      );
    const tasks = ctx.tasks.map((t) => {
      const task = taskMap(t.task);
      const def = to.tasks.get(task);
      return {
        ...t,
        task,
        id: task === t.task ? t.id : `${task}#${t.occurrence}`,
        step: def ? def.step : stepMap(t.step),
      };
    });
    const entered = Object.fromEntries(Object.entries(ctx.entered).map(([k, v]) => [stepMap(k), v]));
    const context: MachineContext = {
      ...ctx,
      protocol: to.ref,
      active,
      tasks,
      entered,
      now: at,
      emitted: [],
      pendingEvent: undefined,
    };
    const { machine } = compileRuntime(to.definition);
    return {
      runtime: to,
      machine,
      snapshot: restoreSnapshot(machine, stateValueOf(to, active), context),
      version: l.version,
    };
  }

  function migrate(
    journeyId: string,
    target: string | object,
    m: Migration & { by?: Actor; at?: Instant } = {},
  ): Promise<CommandResult> {
    return serial(journeyId, () => migrateNow(journeyId, target, m));
  }

  async function migrateNow(
    journeyId: string,
    target: string | object,
    m: Migration & { by?: Actor; at?: Instant },
  ): Promise<CommandResult> {
    const to = resolveProtocol(target);
    const l = await load(journeyId);
    const ctx = contextOf(l);
    if (to.ref.id !== ctx.protocol.id)
      throw new CptsError(
        'VERSION_MISMATCH',
        `Journey ${journeyId} runs ${ctx.protocol.id}; it cannot move to another protocol (${to.ref.id})`,
      );
    if (to.ref.hash === ctx.protocol.hash)
      throw new CptsError(
        'INVALID_COMMAND',
        `Journey ${journeyId} already runs ${to.ref.id}@${to.ref.version}`,
      );
    const at = m.at === undefined ? Math.max(clock.now(), ctx.now) : toMillis(m.at);
    const next = migrateLive(l, to, m, at);
    const entry: HistoryEvent = {
      type: 'journey.migrated',
      from: ctx.protocol,
      to: to.ref,
      by: attribution(m.by),
      steps: { ...(m.steps ?? {}) },
      tasks: { ...(m.tasks ?? {}) },
      seq: l.version + 1,
      at,
    };
    try {
      await store.append(journeyId, l.version, [entry], indexOf(next));
    } catch (e) {
      evict(journeyId);
      throw e;
    }
    next.version = l.version + 1;
    remember(journeyId, next);
    return { journey: journeyView(to, contextOf(next), next.version), events: [entry] };
  }

  return {
    get protocols() {
      return [...byKey.values()].map((rt) => rt.definition);
    },
    for<const P extends object>(definition: P): ProtocolJourneys<P> {
      const rt = register(definition);
      return {
        ...(commands as unknown as ProtocolJourneys<P>),
        start: (o) => start(rt.definition, o as never) as never,
      };
    },
    start,
    ...commands,
    async history(journeyId) {
      const stored = await store.load(journeyId);
      if (!stored)
        throw new CptsError('UNKNOWN_JOURNEY', `No journey ${journeyId} in the store`, {
          details: { journeyId },
        });
      return stored.history;
    },
    tick,
    runUntil,
    worklist,
    indicators,
    migrate,
    async snapshot(journeyId) {
      const l = await load(journeyId);
      const snap = l.snapshot;
      return structuredClone({ journeyId, version: l.version, value: snap.value, context: snap.context });
    },
    restore(snapshot, after = []) {
      const l = replay(after, { snapshot });
      return journeyView(l.runtime, contextOf(l), l.version);
    },
    rebuild(history) {
      const l = replay(history);
      return journeyView(l.runtime, contextOf(l), l.version);
    },
    evict,
  };
}

function restoreSnapshot(
  machine: CompiledMachine,
  value: StateValue,
  context: MachineContext,
): MachineSnapshot {
  // Derived events are appended in place: a restored journey gets its own array.
  return machine.resolveState({ value, context: { ...context, emitted: [...context.emitted] } });
}

/** The xstate state value of a set of active steps. */
function stateValueOf(rt: ProtocolRuntime, active: readonly string[]): StateValue {
  const level = (parent: string | undefined): StateValue => {
    const here = active.filter((s) => rt.steps.get(s)?.parent === parent);
    const value: Record<string, StateValue> = {};
    for (const s of here) {
      const hasChildren = (rt.steps.get(s)?.step.steps?.length ?? 0) > 0;
      value[s] = hasChildren ? level(s) : {};
    }
    const keys = Object.keys(value);
    if (keys.length === 1 && Object.keys(value[keys[0]!] as object).length === 0) return keys[0]!;
    for (const k of keys)
      if (typeof value[k] === 'object' && Object.keys(value[k] as object).length === 0) value[k] = {};
    return value;
  };
  return level(undefined);
}

/** Next instant at which time alone changes a journey: a due date passing, a timed exit opening. */
export function wakeAt(rt: ProtocolRuntime, ctx: MachineContext): number | undefined {
  if (ctx.status === 'closed' || ctx.status === 'cancelled') return undefined;
  let w = Number.POSITIVE_INFINITY;
  for (const t of ctx.tasks)
    if (t.required && isOpen(t) && t.rupture === undefined && t.dueAt !== undefined && t.dueAt + 1 > ctx.now)
      w = Math.min(w, t.dueAt + 1);
  for (const step of ctx.active) {
    for (const { elapsed, since } of rt.timedSteps.get(step) ?? []) {
      const from = anchorTime(ctx, since, { step });
      if (from === undefined) continue;
      const t = addDurationInZone(from, elapsed, ctx.timeZone);
      if (t > ctx.now) w = Math.min(w, t);
    }
  }
  return Number.isFinite(w) ? w : undefined;
}

function compareSemver(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

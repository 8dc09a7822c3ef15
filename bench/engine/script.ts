/**
 * The journeys the engine benchmark runs: a few patient profiles on the heart-failure reference
 * protocol, each played once by a diligent (or less diligent) team against a real engine, which
 * yields a fixed script of commands and the input events they produce. The benchmark then replays
 * the scripts on many journeys, through the engine and through a raw xstate actor.
 * @module
 */
import {
  type Actor,
  CptsError,
  compileRuntime,
  createEngine,
  type HistoryEvent,
  isInputEvent,
  type JourneyView,
  MemoryStore,
  type ProtocolDefinition,
  parseProtocol,
  VirtualClock,
} from '@cpts/core';
import { insuffisanceCardiaque } from '@cpts/protocols';

export const protocol: ProtocolDefinition = parseProtocol(insuffisanceCardiaque);

/** One command of a journey's script, at an instant (ms). */
export type Op =
  | { readonly at: number; readonly kind: 'start'; readonly facts: Record<string, unknown> }
  | {
      readonly at: number;
      readonly kind: 'perform';
      readonly instance: string;
      readonly actor: Actor;
      readonly data?: Record<string, unknown>;
    }
  | {
      readonly at: number;
      readonly kind: 'event';
      readonly event: string;
      readonly data?: Record<string, unknown>;
    }
  | { readonly at: number; readonly kind: 'facts'; readonly facts: Record<string, unknown> }
  /** The scheduler's nightly run (`engine.tick()`), for every journey at once. */
  | { readonly at: number; readonly kind: 'tick' };

/** A profile's script and the input events it produced (what a raw actor receives). */
export interface Script {
  readonly profile: string;
  readonly ops: readonly Op[];
  readonly inputs: readonly HistoryEvent[];
  readonly history: readonly HistoryEvent[];
}

interface Profile {
  readonly name: string;
  readonly facts: Record<string, unknown>;
  /** A task is done this many days before its due day (0: on the day; negative: late, a rupture). */
  readonly lead: (task: string) => number;
  /** Days on which the patient forgets to weigh. */
  readonly skipWeighing: (day: number) => boolean;
  /** Events and facts recorded on given days, at 10:00. */
  readonly days: Readonly<
    Record<
      number,
      readonly ({ event: string; data?: Record<string, unknown> } | { facts: Record<string, unknown> })[]
    >
  >;
}

const PROFILES: readonly Profile[] = [
  {
    name: 'faible, équipe ponctuelle',
    facts: { age: 72, nyha: 2, fractionEjection: 'reduite', eligiblePrado: true },
    lead: () => 1,
    skipWeighing: () => false,
    days: { 2: [{ event: 'sortie' }] },
  },
  {
    name: 'forte, titration, signe d’alerte traité',
    facts: {
      age: 84,
      nyha: 3,
      eligiblePrado: true,
      titrationNecessaire: true,
      interventionMedicoSociale: true,
      isolementSocial: true,
    },
    lead: () => 0,
    skipWeighing: (d) => d % 4 === 0,
    days: {
      3: [{ event: 'sortie' }],
      20: [{ event: 'signe-alerte', data: { signe: 'prise-de-poids', prisePoidsKg: 2.5, surJours: 3 } }],
      24: [{ event: 'modification-traitement' }],
      50: [{ event: 'titration-terminee' }],
    },
  },
  {
    name: 'moyenne, retards et ruptures',
    facts: { age: 78, nyha: 3, eligiblePrado: true, perteAutonomieRecente: true },
    lead: (task) =>
      task === 'consultation-mg'
        ? -5
        : task === 'prise-en-charge-signe-alerte'
          ? -2
          : task.startsWith('visite-ide')
            ? -1
            : 0,
    skipWeighing: (d) => d % 3 === 0,
    days: {
      2: [{ event: 'sortie' }],
      30: [{ event: 'signe-alerte', data: { signe: 'oedemes' } }],
      45: [{ facts: { nyha: 2 } }],
    },
  },
  {
    name: 'réhospitalisation',
    facts: { age: 80, nyha: 3, eligiblePrado: true },
    lead: () => 1,
    skipWeighing: (d) => d % 7 === 0,
    days: {
      2: [{ event: 'sortie' }],
      25: [{ event: 'signe-alerte', data: { signe: 'essoufflement' } }],
      26: [{ event: 'rehospitalisation' }],
      33: [{ event: 'sortie' }],
    },
  },
];

/** Days each journey lasts in the benchmark: the 2-month window of the PRADO IC visits, and a bit. */
export const DAYS = 70;
const J0 = Date.parse('2026-01-05T09:00:00+01:00');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A value that a JSON Schema accepts, enough to fill the required fields of a task's data. */
function sample(schema: Record<string, unknown> | undefined, at: number): unknown {
  if (!schema) return undefined;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('const' in schema) return schema.const;
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      for (const k of (schema.required ?? []) as string[]) out[k] = sample(properties[k], at);
      return out;
    }
    case 'array':
      return [sample(schema.items as Record<string, unknown>, at)];
    case 'string':
      return typeof schema.pattern === 'string' ? new Date(at).toISOString().slice(0, 10) : 'ok';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
    case 'boolean':
      return true;
    default:
      return 'ok';
  }
}

const { runtime } = compileRuntime(protocol);
const actorFor = (role: string): Actor => ({ id: `bench-${role}`, roles: [role] });

/** Plays one profile against a real engine and returns its script. */
async function play(profile: Profile): Promise<Script> {
  const clock = new VirtualClock(J0);
  const engine = createEngine({ protocols: [protocol], clock, store: new MemoryStore() });
  const id = 'script';
  const ops: Op[] = [];
  const act = async <T>(op: Op, run: () => Promise<T>): Promise<T> => {
    clock.set(op.at);
    try {
      const out = await run();
      ops.push(op);
      return out;
    } catch (e) {
      const why = CptsError.is(e) ? `${e.code}: ${e.message}` : String(e);
      throw new Error(
        `The benchmark script "${profile.name}" no longer fits the protocol (${op.kind} at day ${Math.floor((op.at - J0) / DAY)}): ${why}`,
        { cause: e },
      );
    }
  };

  await act({ at: J0, kind: 'start', facts: profile.facts }, () =>
    engine.start(protocol, { journeyId: id, facts: profile.facts }),
  );
  for (let day = 0; day < DAYS; day++) {
    const morning = J0 + day * DAY - HOUR; // 08:00
    let view: JourneyView = await engine.get(id);
    if (day > 0 && !profile.skipWeighing(day)) {
      const weigh = view.openTasks.find((t) => t.task === 'pesee-quotidienne');
      if (weigh)
        await act(
          {
            at: morning,
            kind: 'perform',
            instance: weigh.id,
            actor: actorFor('patient'),
            data: { poidsKg: 72 },
          },
          () => engine.perform(id, weigh.id, { actor: actorFor('patient'), data: { poidsKg: 72 } }),
        );
    }
    let minute = 0;
    for (const x of profile.days[day] ?? []) {
      const at = J0 + day * DAY + HOUR + minute++ * MINUTE; // 10:00
      if ('event' in x)
        await act({ at, kind: 'event', event: x.event, ...(x.data && { data: x.data }) }, () =>
          engine.recordEvent(id, x.event, { data: x.data }),
        );
      else await act({ at, kind: 'facts', facts: x.facts }, () => engine.recordFacts(id, x.facts));
    }
    // 11:00: the team does what falls due soon (each profile with its own punctuality).
    view = await engine.get(id);
    const now = J0 + day * DAY + 2 * HOUR;
    for (const t of [...view.openTasks].sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0))) {
      if (t.task === 'pesee-quotidienne') continue;
      const lead = profile.lead(t.task);
      // lead 0: on the due day; 1: the day before; -2: two days late.
      const ready = t.dueAt === undefined ? now - t.openedAt >= 2 * DAY : t.dueAt - now < (lead + 1) * DAY;
      if (!ready) continue;
      const actor = actorFor(t.responsible[0]!);
      const data = sample(runtime.tasks.get(t.task)?.task.data as Record<string, unknown> | undefined, now) as
        | Record<string, unknown>
        | undefined;
      const at = now + minute++ * MINUTE;
      await act({ at, kind: 'perform', instance: t.id, actor, ...(data && { data }) }, () =>
        engine.perform(id, t.id, { actor, data }),
      );
    }
    // 23:00: the scheduler.
    await act({ at: J0 + day * DAY + 14 * HOUR, kind: 'tick' }, () => engine.tick());
  }
  const history = await engine.history(id);
  return { profile: profile.name, ops, inputs: history.filter(isInputEvent), history };
}

/** The scripts of every profile. */
export async function scripts(): Promise<Script[]> {
  const out: Script[] = [];
  for (const p of PROFILES) out.push(await play(p));
  return out;
}

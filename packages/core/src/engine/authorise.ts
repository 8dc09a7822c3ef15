import { CptsError } from '../errors.js';
import type { Delegation } from '../model/delegation.js';
import { toMillis } from '../time/clock.js';
import { addDuration } from '../time/duration.js';
import type { ProtocolRuntime } from './runtime.js';
import { holds } from './state.js';
import type { Actor, JourneyState, TaskInstance } from './types.js';

/** Who may act: the role the actor acts as, and the delegation it acts under, if any. */
export type Authorisation =
  | { readonly allowed: true; readonly role: string; readonly delegation: Delegation | undefined }
  /**
   * The patient is not for the delegate — an exclusion criterion or red flag holds, or the inclusion
   * criteria are not met: the patient goes back to the delegating role rather than nowhere.
   */
  | {
      readonly allowed: false;
      readonly delegation: Delegation;
      readonly reason: 'exclusion' | 'inclusion';
      readonly reasons: readonly string[];
    };

const label = (rt: ProtocolRuntime, role: string) =>
  rt.definition.roles.find((r) => r.id === role)?.label.fr ?? role;
const taskLabel = (rt: ProtocolRuntime, task: string) => rt.tasks.get(task)?.task.label.fr ?? task;

/** Checks the role an actor claims; returns it, or the first responsible role they hold. */
export function actingRole(
  rt: ProtocolRuntime,
  actor: Actor,
  as: string | undefined,
  candidates: readonly string[],
): string | undefined {
  if (as !== undefined) {
    if (!rt.roles.has(as))
      throw new CptsError(
        'UNKNOWN_ROLE',
        `Role "${as}" does not exist in protocol ${rt.ref.id} (${[...rt.roles].join(', ')})`,
        {
          details: { role: as },
        },
      );
    if (!actor.roles.includes(as))
      throw new CptsError(
        'NOT_ALLOWED_ROLE',
        `${actor.name ?? actor.id} does not hold the role "${label(rt, as)}"`,
        {
          details: { actor: actor.id, role: as },
        },
      );
    return as;
  }
  return candidates.find((r) => actor.roles.includes(r));
}

function dateOf(text: string): number {
  try {
    return toMillis(text);
  } catch {
    return Number.NaN;
  }
}

/** Whether an actor holds a delegation's qualification at an instant; the reason when not. */
export function qualificationProblem(delegation: Delegation, actor: Actor, at: number): string | undefined {
  const req = delegation.qualification;
  if (!req) return undefined;
  const held = (actor.qualifications ?? []).filter((q) => q.id === req.id);
  const name = req.label?.fr ?? req.id;
  if (held.length === 0) return `${actor.name ?? actor.id} does not hold the qualification "${name}"`;
  const problems: string[] = [];
  for (const q of held) {
    const obtained = dateOf(q.obtainedOn);
    const until = q.validUntil !== undefined ? dateOf(q.validUntil) : undefined;
    if (Number.isNaN(obtained) || Number.isNaN(until)) {
      problems.push(
        `its dates (${[q.obtainedOn, q.validUntil].filter(Boolean).join(', ')}) are not ISO 8601 dates`,
      );
      continue;
    }
    if (req.minHours !== undefined && (q.hours ?? 0) < req.minHours) {
      problems.push(`${q.hours ?? 0} h of training where ${req.minHours} h are required`);
      continue;
    }
    if (obtained > at) {
      problems.push(`it is obtained only on ${q.obtainedOn}`);
      continue;
    }
    const expiry = req.validFor !== undefined ? addDuration(obtained, req.validFor).getTime() : undefined;
    const end = Math.min(until ?? Number.POSITIVE_INFINITY, expiry ?? Number.POSITIVE_INFINITY);
    if (end < at) {
      problems.push(`it expired on ${new Date(end).toISOString().slice(0, 10)}`);
      continue;
    }
    return undefined;
  }
  return `the qualification "${name}" of ${actor.name ?? actor.id} does not hold: ${problems.join('; ')}`;
}

/**
 * Decides whether an actor may perform a task occurrence: directly, holding a responsible role,
 * or under a delegation whose conditions all hold now (delegate role, qualification valid at the
 * date of the act, recorded consent, inclusion criteria, no exclusion criterion).
 *
 * @throws {CptsError} `NOT_ALLOWED_ROLE` or `DELEGATION_REFUSED` with the reason.
 */
export function authorise(
  rt: ProtocolRuntime,
  journey: JourneyState,
  instance: TaskInstance,
  actor: Actor,
  options: { as?: string | undefined; delegation?: string | undefined; at: number },
): Authorisation {
  // The common case first: no delegation named, the actor acts in a responsible role.
  if (
    options.delegation === undefined &&
    (options.as === undefined || instance.responsible.includes(options.as))
  ) {
    const role = actingRole(rt, actor, options.as, instance.responsible);
    if (role !== undefined) return { allowed: true, role, delegation: undefined };
  }
  const covering = (rt.delegationsByTask.get(instance.task) ?? []).filter(
    (d) => options.delegation === undefined || d.id === options.delegation,
  );
  if (options.delegation !== undefined && !rt.delegations.has(options.delegation))
    throw new CptsError(
      'UNKNOWN_DELEGATION',
      `Delegation "${options.delegation}" does not exist in protocol ${rt.ref.id}`,
    );
  if (options.delegation !== undefined && covering.length === 0)
    throw new CptsError(
      'DELEGATION_REFUSED',
      `Delegation "${options.delegation}" does not cover the task "${taskLabel(rt, instance.task)}"`,
      { details: { reason: 'task-not-covered', delegation: options.delegation, task: instance.task } },
    );
  const role = actingRole(rt, actor, options.as, [
    ...instance.responsible,
    ...covering.map((d) => d.delegate),
  ]);
  if (role !== undefined && instance.responsible.includes(role) && options.delegation === undefined)
    return { allowed: true, role, delegation: undefined };
  const delegation = covering.find((d) => d.delegate === role);
  if (role === undefined || delegation === undefined) {
    const who = [
      ...instance.responsible.map((r) => label(rt, r)),
      ...covering.map((d) => `${label(rt, d.delegate)} (délégation ${d.id})`),
    ];
    throw new CptsError(
      'NOT_ALLOWED_ROLE',
      `${actor.name ?? actor.id}${role ? ` as "${label(rt, role)}"` : ''} may not perform "${taskLabel(rt, instance.task)}": it is for ${who.join(', ')}`,
      {
        details: {
          actor: actor.id,
          role,
          task: instance.task,
          allowed: [...instance.responsible, ...covering.map((d) => d.delegate)],
        },
      },
    );
  }
  const refuse = (reason: string, message: string): never => {
    throw new CptsError('DELEGATION_REFUSED', `Delegation "${delegation.label.fr}" refused: ${message}`, {
      details: { reason, delegation: delegation.id, actor: actor.id, task: instance.task },
    });
  };
  const qualification = qualificationProblem(delegation, actor, options.at);
  if (qualification) refuse('qualification', qualification);
  if (delegation.consent && journey.facts[delegation.consent.fact] !== true)
    refuse('consent', `the patient's consent ("${delegation.consent.fact}") is not recorded`);
  // Criteria are evaluated at the instant of the act.
  const state: JourneyState = { ...journey, now: options.at };
  const reasons = delegation.exclusions.filter((x) => holds(rt, state, x.when)).map((x) => x.label.fr);
  if (reasons.length > 0) return { allowed: false, delegation, reason: 'exclusion', reasons };
  if (delegation.inclusion && !holds(rt, state, delegation.inclusion))
    return { allowed: false, delegation, reason: 'inclusion', reasons: ["critères d'inclusion non remplis"] };
  return { allowed: true, role, delegation };
}

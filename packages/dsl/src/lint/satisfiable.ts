/**
 * Static detection of conditions that can never hold: contradictory comparisons of a fact
 * (`age ≥ 80` and `age < 60`), values outside a fact's `enum`, `minimum` or `maximum`, a complexity
 * level no rule can produce, a task asked to be in two statuses at once, an event both recorded and not.
 * Conservative: `false` only when the condition provably never holds.
 * @module
 */
import {
  COMPLEXITY_LEVELS,
  type ComplexityLevel,
  type Condition,
  type JsonSchema,
  type ProtocolDefinition,
  type Scalar,
  TASK_STATUSES,
  type TaskStatus,
} from '@cpts/core';

type Atom = Exclude<Condition, { all: Condition[] } | { any: Condition[] } | { not: Condition }>;
interface Literal {
  readonly atom: Atom;
  readonly negated: boolean;
}
type Nnf = { and: Nnf[] } | { or: Nnf[] } | Literal;

/** What the analysis knows about the protocol: fact domains and the levels the gradation can produce. */
export interface ConditionDomain {
  readonly facts: Readonly<Record<string, JsonSchema>>;
  readonly required: ReadonlySet<string>;
  /** Levels the gradation can produce; empty when the protocol has no gradation. */
  readonly complexity: ReadonlySet<ComplexityLevel>;
}

const MAX_CONJUNCTIONS = 512;

function nnf(c: Condition, negated: boolean): Nnf {
  if ('all' in c) {
    const parts = c.all.map((x) => nnf(x, negated));
    return negated ? { or: parts } : { and: parts };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => nnf(x, negated));
    return negated ? { and: parts } : { or: parts };
  }
  if ('not' in c) return nnf(c.not, !negated);
  return { atom: c, negated };
}

/** Disjunctive normal form, or `undefined` when it would grow beyond reason. */
function dnf(n: Nnf): Literal[][] | undefined {
  if ('atom' in n) return [[n]];
  if ('or' in n) {
    const out: Literal[][] = [];
    for (const part of n.or) {
      const d = dnf(part);
      if (!d) return undefined;
      out.push(...d);
      if (out.length > MAX_CONJUNCTIONS) return undefined;
    }
    return out;
  }
  let acc: Literal[][] = [[]];
  for (const part of n.and) {
    const d = dnf(part);
    if (!d) return undefined;
    const next: Literal[][] = [];
    for (const a of acc) for (const b of d) next.push([...a, ...b]);
    if (next.length > MAX_CONJUNCTIONS) return undefined;
    acc = next;
  }
  return acc;
}

const SYMBOL: Record<string, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥' };
const NEGATE = { eq: 'ne', ne: 'eq', lt: 'gte', lte: 'gt', gt: 'lte', gte: 'lt' } as const;

interface Bound {
  readonly value: number | string;
  readonly inclusive: boolean;
  readonly text: string;
}

class FactState {
  allowed: Set<Scalar> | undefined;
  allowedText: string[] = [];
  excluded = new Set<Scalar>();
  lo: Bound | undefined;
  hi: Bound | undefined;
  mustExist = false;
  mustExistText = '';
  mustNotExist = false;
  /** Bounds that apply only when the fact is present (negated comparisons hold when it is absent). */
  ifPresent: { op: 'lt' | 'lte' | 'gt' | 'gte'; value: Scalar; text: string }[] = [];

  allow(values: Scalar[], text: string) {
    this.allowed = this.allowed
      ? new Set([...this.allowed].filter((v) => values.includes(v)))
      : new Set(values);
    this.allowedText.push(text);
  }

  bound(op: 'lt' | 'lte' | 'gt' | 'gte', value: Scalar, text: string) {
    if (typeof value === 'boolean') return;
    const b: Bound = { value, inclusive: op === 'lte' || op === 'gte', text };
    if (op === 'gt' || op === 'gte') {
      if (!this.lo || value > this.lo.value || (value === this.lo.value && !b.inclusive)) this.lo = b;
    } else if (!this.hi || value < this.hi.value || (value === this.hi.value && !b.inclusive)) this.hi = b;
  }
}

function describe(a: Atom, negated: boolean): string {
  const not = negated ? 'not ' : '';
  if ('op' in a) return `${a.fact} ${SYMBOL[negated ? NEGATE[a.op] : a.op]} ${JSON.stringify(a.value)}`;
  if ('in' in a)
    return `${a.fact} ${negated ? 'not in' : 'in'} [${a.in.map((v) => JSON.stringify(v)).join(', ')}]`;
  if ('exists' in a) return `${not}exists ${a.exists}`;
  if ('complexity' in a) return `${not}complexity ${([] as string[]).concat(a.complexity).join('|')}`;
  if ('task' in a) return `${not}task ${a.task} ${([] as string[]).concat(a.status).join('|')}`;
  if ('event' in a) return `${not}event ${a.event}`;
  if ('elapsed' in a) return `${not}elapsed ${a.elapsed}`;
  return `${not}requiredTasksDone`;
}

/** Why a conjunction of literals can never hold, or `undefined` when it may hold. */
function contradiction(conj: readonly Literal[], domain: ConditionDomain): string | undefined {
  const facts = new Map<string, FactState>();
  const fact = (name: string) => {
    let s = facts.get(name);
    if (!s) {
      s = new FactState();
      if (domain.required.has(name)) {
        s.mustExist = true;
        s.mustExistText = `"${name}" is a required fact`;
      }
      facts.set(name, s);
    }
    return s;
  };
  let complexity: Set<ComplexityLevel> | undefined;
  let complexityText: string[] = [];
  const tasks = new Map<string, { statuses: Set<TaskStatus>; text: string[] }>();
  const flags = new Map<string, { value: boolean; text: string }>();

  for (const { atom, negated } of conj) {
    const text = describe(atom, negated);
    if ('op' in atom) {
      const s = fact(atom.fact);
      const op = negated ? NEGATE[atom.op] : atom.op;
      if (op === 'ne') {
        // Holds when the fact is absent; `not eq` is `ne`.
        s.excluded.add(atom.value);
      } else if (negated && atom.op === 'ne') {
        s.allow([atom.value], text);
        s.mustExist = true;
        s.mustExistText ||= text;
      } else if (op === 'eq') {
        s.allow([atom.value], text);
        s.mustExist = true;
        s.mustExistText ||= text;
      } else if (negated) s.ifPresent.push({ op, value: atom.value, text });
      else {
        s.bound(op, atom.value, text);
        s.mustExist = true;
        s.mustExistText ||= text;
      }
    } else if ('in' in atom) {
      const s = fact(atom.fact);
      if (negated) for (const v of atom.in) s.excluded.add(v);
      else {
        s.allow(atom.in, text);
        s.mustExist = true;
        s.mustExistText ||= text;
      }
    } else if ('exists' in atom) {
      const s = fact(atom.exists);
      if (negated) s.mustNotExist = true;
      else {
        s.mustExist = true;
        s.mustExistText ||= text;
      }
    } else if ('complexity' in atom) {
      const levels = ([] as ComplexityLevel[]).concat(atom.complexity);
      complexity ??= new Set(domain.complexity);
      if (negated) for (const l of levels) complexity.delete(l);
      else complexity = new Set([...complexity].filter((l) => levels.includes(l)));
      complexityText.push(text);
      if (complexity.size === 0) {
        if (domain.complexity.size === 0)
          return `the protocol has no gradation of complexity, so "${text}" never holds`;
        return `no complexity rule can produce ${complexityText.join(' and ')} (possible levels: ${[...domain.complexity].join(', ')})`;
      }
    } else if ('task' in atom) {
      const statuses = ([] as TaskStatus[]).concat(atom.status);
      const t = tasks.get(atom.task) ?? { statuses: new Set(TASK_STATUSES), text: [] };
      t.statuses = new Set([...t.statuses].filter((x) => statuses.includes(x) !== negated));
      t.text.push(text);
      tasks.set(atom.task, t);
      if (t.statuses.size === 0) return `task "${atom.task}" cannot be at once ${t.text.join(' and ')}`;
    } else {
      const key =
        'event' in atom
          ? `event:${atom.event}`
          : 'elapsed' in atom
            ? `elapsed:${JSON.stringify(atom)}`
            : 'rtd';
      const prev = flags.get(key);
      if (prev && prev.value === negated) return `"${prev.text}" and "${text}" contradict each other`;
      flags.set(key, { value: !negated, text });
    }
  }
  complexityText = [];

  for (const [name, s] of facts) {
    const schema = domain.facts[name];
    if (s.mustExist && s.mustNotExist)
      return `fact "${name}" cannot be both absent and present (${s.mustExistText})`;
    if (!s.mustExist) continue;
    for (const b of s.ifPresent) s.bound(b.op, b.value, b.text);
    const type = typeof schema?.type === 'string' ? schema.type : undefined;
    if (Array.isArray(schema?.enum))
      s.allow(schema.enum as Scalar[], `the values allowed by facts.${name}.enum`);
    if (schema?.const !== undefined && typeof schema.const !== 'object')
      s.allow([schema.const as Scalar], `facts.${name}.const`);
    if (type === 'boolean') s.allow([true, false], `"${name}" is a boolean`);
    if (typeof schema?.minimum === 'number')
      s.bound('gte', schema.minimum, `facts.${name}.minimum = ${schema.minimum}`);
    if (typeof schema?.maximum === 'number')
      s.bound('lte', schema.maximum, `facts.${name}.maximum = ${schema.maximum}`);
    if (typeof schema?.exclusiveMinimum === 'number')
      s.bound('gt', schema.exclusiveMinimum, `facts.${name}.exclusiveMinimum = ${schema.exclusiveMinimum}`);
    if (typeof schema?.exclusiveMaximum === 'number')
      s.bound('lt', schema.exclusiveMaximum, `facts.${name}.exclusiveMaximum = ${schema.exclusiveMaximum}`);

    const inBounds = (v: Scalar) => {
      if (typeof v === 'boolean') return !s.lo && !s.hi;
      if (s.lo && (typeof v !== typeof s.lo.value || v < s.lo.value || (v === s.lo.value && !s.lo.inclusive)))
        return false;
      if (s.hi && (typeof v !== typeof s.hi.value || v > s.hi.value || (v === s.hi.value && !s.hi.inclusive)))
        return false;
      if (type === 'integer' && typeof v === 'number' && !Number.isInteger(v)) return false;
      return true;
    };
    const bounds = [s.lo?.text, s.hi?.text].filter(Boolean).join(' and ');
    if (s.allowed) {
      if (s.allowed.size === 0) return `fact "${name}" cannot satisfy ${s.allowedText.join(' and ')} at once`;
      const left = [...s.allowed].filter((v) => !s.excluded.has(v) && inBounds(v));
      if (left.length === 0)
        return `fact "${name}" has no possible value: ${s.allowedText.join(' and ')}${bounds ? ` and ${bounds}` : ''}${s.excluded.size ? ` excluding ${[...s.excluded].map((v) => JSON.stringify(v)).join(', ')}` : ''}`;
      continue;
    }
    if (s.lo && s.hi) {
      if (typeof s.lo.value !== typeof s.hi.value) continue;
      let lo = s.lo.value;
      let hi = s.hi.value;
      if (type === 'integer' && typeof lo === 'number' && typeof hi === 'number') {
        lo = s.lo.inclusive ? Math.ceil(lo) : Math.floor(lo) + 1;
        hi = s.hi.inclusive ? Math.floor(hi) : Math.ceil(hi) - 1;
        if (lo > hi || (lo === hi && s.excluded.has(lo)))
          return `integer fact "${name}" cannot satisfy ${bounds}`;
      } else if (lo > hi || (lo === hi && (!s.lo.inclusive || !s.hi.inclusive || s.excluded.has(lo))))
        return `fact "${name}" cannot satisfy ${bounds}`;
    }
  }
  return undefined;
}

/** The fact domains and complexity levels of a protocol. */
export function conditionDomain(protocol: Pick<ProtocolDefinition, 'facts' | 'complexity'>): ConditionDomain {
  const facts = (protocol.facts.properties ?? {}) as Record<string, JsonSchema>;
  const base: ConditionDomain = {
    facts,
    required: new Set(protocol.facts.required ?? []),
    complexity: new Set(),
  };
  const g = protocol.complexity;
  if (!g) return base;
  const levels = new Set<ComplexityLevel>([g.default]);
  for (const rule of g.rules) if (whyNever(rule.when, base) === undefined) levels.add(rule.level);
  return { ...base, complexity: new Set(COMPLEXITY_LEVELS.filter((l) => levels.has(l))) };
}

/**
 * Why a condition can never hold, or `undefined` when it may hold (or the analysis cannot tell).
 * @example
 * whyNever({ all: [{ fact: 'age', op: 'gte', value: 80 }, { fact: 'age', op: 'lt', value: 60 }] }, conditionDomain(p));
 * // 'fact "age" cannot satisfy age ≥ 80 and age < 60'
 */
export function whyNever(condition: Condition, domain: ConditionDomain): string | undefined {
  const d = dnf(nnf(condition, false));
  if (!d) return undefined;
  let first: string | undefined;
  for (const conj of d) {
    const why = contradiction(conj, domain);
    if (why === undefined) return undefined;
    first ??= why;
  }
  return first ?? 'the condition has no case that can hold';
}

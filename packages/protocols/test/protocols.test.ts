import {
  allSteps,
  allTasks,
  BUILTIN_SEGMENTS,
  type Criterion,
  checkSemantics,
  parseProtocol,
  protocolHash,
  safeParseProtocol,
} from '@cpts/core';
import { describe, expect, it } from 'vitest';
import {
  accesDirectKine,
  bpco,
  diabeteType2,
  insuffisanceCardiaque,
  referenceProtocols,
  situationComplexe,
  sortiePersonneAgee,
} from '../src/index.js';
import { citations, everySourceReference, parsed } from './support.js';

const cases = referenceProtocols.map((p) => [p.id, p] as const);

/** The fields of the HAS template (APMSL Pays de la Loire) a reference protocol must fill. */
const FICHE_FIELDS = [
  'structurePorteuse',
  'referent',
  'professionsImpliquees',
  'objectifGeneral',
  'objectifsSecondaires',
  'populationCible',
  'criteresInclusion',
  'criteresExclusion',
  'evaluation',
  'documentsAssocies',
  'sources',
  'lieuConsultation',
  'professionnelsAdherents',
  'groupeDeTravail',
  'professionnelsInformes',
  'modeValidation',
  'dateCreation',
  'dateModification',
  'dateActualisation',
] as const;

describe('the set of reference protocols', () => {
  it('holds the six protocols of the issue, each exported by name, with distinct ids', () => {
    expect(referenceProtocols).toEqual([
      insuffisanceCardiaque,
      bpco,
      diabeteType2,
      sortiePersonneAgee,
      accesDirectKine,
      situationComplexe,
    ]);
    expect(referenceProtocols.map((p) => p.id)).toEqual([
      'insuffisance-cardiaque',
      'bpco',
      'diabete-type-2',
      'sortie-personne-agee',
      'acces-direct-kine',
      'situation-complexe',
    ]);
  });

  it('has content hashes that only change when a definition changes', () => {
    const hashes = Object.fromEntries([...parsed].map(([id, p]) => [id, protocolHash(p)]));
    expect(hashes).toMatchInlineSnapshot(`
      {
        "acces-direct-kine": "sha256:e6d16b3af25eb7ebf452bbddb7a335824b4ac4a876b3b11e9e2c0a360ad61766",
        "bpco": "sha256:cc3f295d65b165ad8aaf3c5260e4496e0682442ff3aa62e4e5175530743e28fd",
        "diabete-type-2": "sha256:ccb8043c400a184948540bf00e595b11db38633e6a01d19ebd574f9fcf50a238",
        "insuffisance-cardiaque": "sha256:90e9c84e13f99d1f6f1d97e2190e9bc416472fcc3bc6f3e6c0e0b07623c563ec",
        "situation-complexe": "sha256:37142ff624a8be2dbedab6ad64802eaa8719647da5dea3f0535de06ba0433966",
        "sortie-personne-agee": "sha256:9d20d1ff5d8886f022a4126fcaccece80406b9b8074f389acb54c8be08935199",
      }
    `);
  });
});

describe.each(cases)('%s', (_id, definition) => {
  const p = parseProtocol(definition);

  it('passes parseProtocol: structure and semantics (references, reachability, a way out of every step)', () => {
    const result = safeParseProtocol(definition);
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(checkSemantics(p)).toEqual([]);
  });

  it('is plain JSON data: a JSON round trip gives the same protocol and the same hash', () => {
    const copy = JSON.parse(JSON.stringify(definition)) as unknown;
    expect(copy).toEqual(definition);
    expect(protocolHash(parseProtocol(copy))).toBe(protocolHash(p));
  });

  it('is left untouched by parsing', () => {
    const before = structuredClone(definition);
    parseProtocol(definition);
    expect(definition).toEqual(before);
    expect(Object.isFrozen(definition)).toBe(false);
  });

  it('fills every field of the HAS fiche, with a role (not a person) as référent', () => {
    for (const field of FICHE_FIELDS) {
      const value: unknown = p.fiche[field];
      expect(value, `fiche.${field}`).toBeDefined();
      if (typeof value === 'string') expect(value.trim(), `fiche.${field}`).not.toBe('');
      if (Array.isArray(value)) expect(value.length, `fiche.${field}`).toBeGreaterThan(0);
    }
    expect(p.fiche.referent?.nom).toMatch(/à désigner/);
    expect(p.fiche.structurePorteuse).toMatch(/à adapter/);
    expect(p.fiche.dateActualisation! > p.fiche.dateCreation!).toBe(true);
  });

  it('cites a declared source for every window, recurrence, delegation, gradation and indicator', () => {
    const declared = new Set(p.fiche.sources.map((s) => s.id));
    const all = citations(p);
    expect(all.length).toBeGreaterThan(0);
    for (const c of all) {
      expect(c.source, `${c.where}: no source`).toBeDefined();
      expect(declared.has(c.source!), `${c.where}: source "${c.source}" is not in fiche.sources`).toBe(true);
    }
  });

  it('cites no source it does not declare, anywhere in the definition', () => {
    const declared = new Set(p.fiche.sources.map((s) => s.id));
    const refs = everySourceReference(p);
    expect(refs.length).toBeGreaterThanOrEqual(citations(p).length);
    for (const { path, source } of refs)
      expect(declared.has(source as string), `${path}: "${String(source)}"`).toBe(true);
  });

  it('says why with a note wherever it cites the team consensus or a source marked ⚠', () => {
    const byId = new Map(p.fiche.sources.map((s) => [s.id, s]));
    for (const c of citations(p)) {
      const source = byId.get(c.source!)!;
      if (source.kind === 'consensus-equipe' || source.caveat?.startsWith('⚠'))
        expect(c.note?.trim() ?? '', `${c.where} cites "${source.id}" without a note`).not.toBe('');
    }
    const consensus = p.fiche.sources.filter((s) => s.kind === 'consensus-equipe');
    expect(consensus.map((s) => s.id)).toEqual(['consensus-equipe']);
    expect(consensus[0]!.caveat).toBeDefined();
  });

  it('gives every task at least one declared responsible role, and uses every role it declares', () => {
    const roles = new Set(p.roles.map((r) => r.id));
    const used = new Set<string>();
    for (const { task } of allTasks(p)) {
      expect(task.responsible.length, task.id).toBeGreaterThan(0);
      for (const r of task.responsible) {
        expect(roles.has(r), `task ${task.id}: role ${r}`).toBe(true);
        used.add(r);
      }
      if (task.onMiss?.escalateTo) {
        expect(
          roles.has(task.onMiss.escalateTo),
          `task ${task.id}: escalation to ${task.onMiss.escalateTo}`,
        ).toBe(true);
        used.add(task.onMiss.escalateTo);
      }
    }
    for (const d of p.delegations) used.add(d.delegating).add(d.delegate);
    expect([...roles].filter((r) => !used.has(r))).toEqual([]);
  });

  it('reaches every step from the initial one, and ends in a final step', () => {
    const reached = new Set<string>();
    const visit = (steps: typeof p.steps, initial: string | undefined) => {
      const queue = [initial ?? steps[0]!.id];
      while (queue.length > 0) {
        const id = queue.shift()!;
        if (reached.has(id)) continue;
        reached.add(id);
        const s = steps.find((x) => x.id === id)!;
        queue.push(...s.exits.map((x) => x.to));
        if (s.steps) {
          if (s.kind === 'parallel') for (const branch of s.steps) visit([branch], branch.id);
          else visit(s.steps, s.initial);
        }
      }
    };
    visit(p.steps, p.initial);
    expect(
      allSteps(p)
        .map((s) => s.step.id)
        .filter((id) => !reached.has(id)),
    ).toEqual([]);
    expect(p.steps.some((s) => s.kind === 'final')).toBe(true);
  });

  it('measures indicators de moyens and de résultats whose numerator is a subset of the denominator', () => {
    expect(new Set(p.indicators.map((i) => i.kind))).toEqual(new Set(['moyens', 'resultats']));
    for (const i of p.indicators) {
      const numerator: Criterion = i.numerator;
      expect('all' in numerator, `${i.id}: numerator is all: [denominator, …]`).toBe(true);
      if ('all' in numerator) {
        expect(numerator.all[0], i.id).toEqual(i.denominator);
        expect(numerator.all.length, i.id).toBeGreaterThan(1);
      }
    }
  });

  it('places every step and task on a segment of the road', () => {
    const segments = new Set<string>([...BUILTIN_SEGMENTS, ...p.segments.map((s) => s.id)]);
    for (const { step } of allSteps(p)) expect(segments.has(step.segment), step.id).toBe(true);
    for (const { task } of allTasks(p))
      if (task.segment) expect(segments.has(task.segment), task.id).toBe(true);
  });

  it('has a French label on every step and task, and an English one on every step', () => {
    for (const { step } of allSteps(p)) {
      expect(step.label.fr.length, step.id).toBeGreaterThan(0);
      expect(step.label.en, step.id).toBeDefined();
    }
    for (const { task } of allTasks(p)) expect(task.label.fr.length, task.id).toBeGreaterThan(0);
  });
});

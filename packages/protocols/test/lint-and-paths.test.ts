/**
 * The reference protocols through the `@cpts/dsl` linter and through the paths of their compiled
 * machines (`protocolPaths` of `@cpts/testing`).
 *
 * Lint: no finding of severity `error`. The warnings that remain are listed one by one, with the
 * reason the protocol gives (README, "How to read the definitions"), so that a new warning fails
 * this test until someone decides about it:
 * - `required-task-without-deadline`: no source gives a deadline for these tasks, and the
 *   protocols invent none; the adopting CPTS decides (a local `consensus-equipe` window).
 * - `deadline-without-miss-policy` (situation complexe only): the PPS reviews are already the
 *   joint task of the DAC coordinator and the médecin traitant — the only roles there are to warn;
 *   a late review is a rupture in both their worklists.
 */
import { allSteps, type ProtocolDefinition, parseProtocol } from '@cpts/core';
import { lintProtocol } from '@cpts/dsl';
import { protocolPaths } from '@cpts/testing';
import { describe, expect, it } from 'vitest';
import { type ReferenceProtocolId, referenceProtocols } from '../src/index.js';

const NO_DEADLINE = 'required-task-without-deadline';

const EXPECTED_WARNINGS: Record<ReferenceProtocolId, readonly string[]> = {
  'insuffisance-cardiaque': [
    ...[
      'eligibilite-prado',
      'adhesion-prado',
      'relance-lettre-liaison',
      'information-medecin-traitant-prado',
      'admission-directe',
      'reprise-cardiologue',
      'suivi-pharmaceutique-titration',
      'etp-insuffisance-cardiaque',
      'prevention-decompensation',
      'evaluation-situation',
      'orientation-services',
      'saisine-dac',
      'plan-personnalise-sante',
      'bilan-fin-prado',
    ].map((t) => `${NO_DEADLINE} ${t}`),
  ],
  bpco: [
    'spirometrie-diagnostique',
    'sevrage-tabagique',
    'eligibilite-prado-bpco',
    'adhesion-prado-bpco',
    'prescription-rehabilitation',
  ].map((t) => `${NO_DEADLINE} ${t}`),
  'diabete-type-2': ['definir-cible-hba1c', 'grader-risque-podologique'].map((t) => `${NO_DEADLINE} ${t}`),
  'sortie-personne-agee': [
    'appui-cellule-sortie',
    'proposer-prado',
    'recherche-infirmier-volontaire',
    'relance-documents-sortie',
    'partage-informations',
    'application-preconisations',
    'revue-de-cas',
    'preparer-nouvelle-sortie',
    'trouver-medecin-traitant',
    'informer-patient-aidant',
    'demande-avis-dac',
    'reponse-dac',
    'evaluation-multidimensionnelle',
    'plan-personnalise-sante',
  ].map((t) => `${NO_DEADLINE} ${t}`),
  'acces-direct-kine': ['prescription-radiographie', 'bilan-lombalgie', 'enquete-satisfaction'].map(
    (t) => `${NO_DEADLINE} ${t}`,
  ),
  'situation-complexe': [
    ...[
      'evaluation-globale',
      'conseil-professionnels',
      'orientation-services',
      'verification-mise-en-place',
      'designer-coordinateur',
      'recueil-preferences',
      'rediger-pps',
      'synthese-de-cloture',
    ].map((t) => `${NO_DEADLINE} ${t}`),
    ...['reevaluation-apres-evenement', 'revue-pps-6-mois', 'reevaluation-annuelle-pps'].map(
      (t) => `deadline-without-miss-policy ${t}`,
    ),
  ],
};

/** `rule subject`, the subject being the first quoted id of the message (the task concerned). */
function summary(f: { rule: string; message: string }): string {
  return `${f.rule} ${/"([^"]+)"/.exec(f.message)?.[1] ?? f.message}`;
}

/**
 * Steps reachable in the compiled machine: a step is reachable when a path of its level (the
 * protocol, its compound parent, or its own branch of a parallel parent) goes through it, and its
 * parent is reachable.
 */
function reachableSteps(p: ProtocolDefinition): Set<string> {
  const onAPath = new Set(protocolPaths(p).flatMap((path) => path.steps));
  const parentOf = new Map(allSteps(p).map((s) => [s.step.id, s.parent?.id]));
  const reachable = (id: string): boolean => {
    if (!onAPath.has(id)) return false;
    const parent = parentOf.get(id);
    return parent === undefined || reachable(parent);
  };
  return new Set(
    allSteps(p)
      .map((s) => s.step.id)
      .filter(reachable),
  );
}

describe.each(referenceProtocols.map((d) => [d.id, d] as const))('%s', (id, definition) => {
  const p = parseProtocol(definition);

  it('passes the linter with no error, and only the warnings the protocol explains', () => {
    const findings = lintProtocol(p);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map(summary).sort()).toEqual([...EXPECTED_WARNINGS[id]].sort());
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('has every step reachable in its compiled machine', () => {
    const all = allSteps(p).map((s) => s.step.id);
    const reachable = reachableSteps(p);
    expect(all.filter((s) => !reachable.has(s))).toEqual([]);
    expect(reachable.size).toBe(all.length);
  });
});

describe('the reachability check itself', () => {
  it('finds a step no exit leads to, and the steps nested in it', () => {
    const valid = parseProtocol({
      id: 'orphelin',
      version: '1.0.0',
      title: { fr: 'Étape orpheline' },
      fiche: { sources: [] },
      roles: [{ id: 'mg', label: { fr: 'MG' } }],
      facts: { type: 'object', properties: { x: { type: 'integer' } } },
      steps: [
        {
          id: 'a',
          label: { fr: 'A' },
          segment: 'diagnostic',
          exits: [
            { to: 'b', when: { fact: 'x', op: 'eq', value: 1 } },
            { to: 'c', when: { fact: 'x', op: 'eq', value: 2 } },
          ],
        },
        { id: 'b', label: { fr: 'B' }, segment: 'diagnostic', kind: 'final' },
        {
          id: 'c',
          label: { fr: 'C' },
          segment: 'diagnostic',
          initial: 'c1',
          steps: [
            {
              id: 'c1',
              label: { fr: 'C1' },
              segment: 'diagnostic',
              exits: [{ to: 'c2', when: { fact: 'x', op: 'eq', value: 3 } }],
            },
            { id: 'c2', label: { fr: 'C2' }, segment: 'diagnostic', kind: 'final' },
          ],
          exits: [{ to: 'b', when: { fact: 'x', op: 'eq', value: 4 } }],
        },
      ],
    });
    expect([...reachableSteps(valid)].sort()).toEqual(['a', 'b', 'c', 'c1', 'c2']);
    // parseProtocol refuses an unreachable step: remove the exit a → c behind its back.
    const broken = Object.freeze({
      ...valid,
      steps: valid.steps.map((s) => (s.id === 'a' ? { ...s, exits: s.exits.slice(0, 1) } : s)),
    });
    expect([...reachableSteps(broken)].sort()).toEqual(['a', 'b']);
  });
});

/**
 * The recipe of the README, "Adapting a reference protocol for your territory without forking it",
 * run as written: spread the definition, change the fiche, a role and a window with a local
 * consensus source, bump the version, and validate with parseProtocol.
 */
import {
  allTasks,
  type ProtocolValidationError,
  parseProtocol,
  protocolHash,
  type StepInput,
  type TaskInput,
} from '@cpts/core';
import { describe, expect, it } from 'vitest';
import { insuffisanceCardiaque } from '../src/index.js';
import { citations } from './support.js';

// --- the README example, verbatim ---
/** A copy of the steps where `change` rewrites the task `id`, at any depth. */
function withTask(steps: readonly StepInput[], id: string, change: (t: TaskInput) => TaskInput): StepInput[] {
  return steps.map((s) => ({
    ...s,
    ...(s.tasks && { tasks: s.tasks.map((t) => (t.id === id ? change(t) : t)) }),
    ...(s.steps && { steps: withTask(s.steps, id, change) }),
  }));
}

const ic = insuffisanceCardiaque;
const icValDeLoire = {
  ...ic,
  version: '1.1.0',
  fiche: {
    ...ic.fiche,
    structurePorteuse: 'CPTS du Val de Loire',
    referent: { nom: 'Dr Claire Martin, médecin généraliste', email: 'parcours-ic@cpts-val.example' },
    groupeDeTravail: ['3 médecins généralistes, 2 IDEL, 1 pharmacien, 1 cardiologue (CPTS du Val de Loire)'],
    modeValidation: 'Assemblée générale de la CPTS du 12 janvier 2027',
    dateModification: '2027-01',
    sources: [
      ...ic.fiche.sources,
      {
        id: 'consensus-cpts-val',
        title: 'Consensus du groupe de travail IC de la CPTS du Val de Loire (réunion du 8 décembre 2026)',
        kind: 'consensus-equipe' as const,
      },
    ],
  },
  roles: ic.roles.map((r) =>
    r.id === 'coordinateur-cpts' ? { ...r, label: { fr: 'Coordinatrice de parcours de la CPTS' } } : r,
  ),
  steps: withTask(ic.steps, 'prise-en-charge-signe-alerte', (t) => ({
    ...t,
    due: {
      within: 'PT12H',
      from: { event: 'signe-alerte' },
      source: 'consensus-cpts-val',
      note: 'Réponse en 12 h : permanence téléphonique des IDEL de la CPTS (choix local, sans source clinique).',
    },
  })),
};

const protocol = parseProtocol(icValDeLoire); // throws a ProtocolValidationError listing every problem
// --- end of the README example ---

describe('adapting a reference protocol without forking it', () => {
  it('gives a valid protocol with its own version and hash, the reference left unchanged', () => {
    expect(protocol.version).toBe('1.1.0');
    expect(protocolHash(protocol)).not.toBe(protocolHash(parseProtocol(ic)));
    const alerte = allTasks(protocol).find((t) => t.task.id === 'prise-en-charge-signe-alerte')!.task;
    expect(alerte.due).toMatchObject({ within: 'PT12H', source: 'consensus-cpts-val' });
    const reference = allTasks(parseProtocol(ic)).find(
      (t) => t.task.id === 'prise-en-charge-signe-alerte',
    )!.task;
    expect(reference.due).toMatchObject({ within: 'PT24H', source: 'consensus-equipe' });
    expect(protocol.roles.find((r) => r.id === 'coordinateur-cpts')?.label.fr).toBe(
      'Coordinatrice de parcours de la CPTS',
    );
    expect(protocol.fiche.structurePorteuse).toBe('CPTS du Val de Loire');
  });

  it('keeps every citation sourced and declared', () => {
    const declared = new Set(protocol.fiche.sources.map((s) => s.id));
    for (const c of citations(protocol)) expect(declared.has(c.source!), c.where).toBe(true);
  });

  it('is refused, with the path of the problem, when the local source is forgotten', () => {
    const { sources: _dropped, ...fiche } = icValDeLoire.fiche;
    const broken = { ...icValDeLoire, fiche: { ...fiche, sources: ic.fiche.sources } };
    let error: ProtocolValidationError | undefined;
    try {
      parseProtocol(broken);
    } catch (e) {
      error = e as ProtocolValidationError;
    }
    expect(error?.code).toBe('INVALID_PROTOCOL');
    expect(error?.issues).toHaveLength(1);
    expect(error?.issues[0]?.message).toMatch(/unknown source "consensus-cpts-val"/);
    expect(error?.issues[0]?.pointer).toBe('steps[1].steps[3].tasks[1].due.source');
  });
});

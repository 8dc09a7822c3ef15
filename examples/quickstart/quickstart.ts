/**
 * Quick start: write a protocol, run one patient's journey on a virtual clock, read the GP's
 * worklist and the ruptures. Run it with `pnpm --filter @cpts/example-quickstart start`.
 */
import { createEngine, defineProtocol, VirtualClock } from '@cpts/core';

export const sortieIC = defineProtocol({
  id: 'sortie-ic',
  version: '1.0.0',
  title: { fr: "Sortie d'hospitalisation pour insuffisance cardiaque", en: 'Heart-failure discharge' },
  fiche: {
    sources: [
      { id: 'prado-ic', title: 'PRADO – Insuffisance cardiaque (Assurance Maladie)', kind: 'programme' },
    ],
  },
  roles: [
    { id: 'hopital', label: { fr: 'Équipe hospitalière' }, kind: 'structure' },
    { id: 'mg', label: { fr: 'Médecin traitant' } },
    { id: 'cardiologue', label: { fr: 'Cardiologue' } },
  ],
  facts: { type: 'object', properties: { age: { type: 'integer', minimum: 0 } }, required: ['age'] },
  events: [{ id: 'sortie', label: { fr: 'Retour à domicile' } }],
  steps: [
    {
      id: 'hospitalisation',
      label: { fr: 'Hospitalisation' },
      segment: 'hospitalisation',
      tasks: [
        { id: 'lettre-liaison', label: { fr: 'Remettre la lettre de liaison' }, responsible: ['hopital'] },
      ],
      exits: [{ to: 'suivi', on: 'sortie' }],
    },
    {
      id: 'suivi',
      label: { fr: 'Suivi en ville' },
      segment: 'suivi-ville',
      tasks: [
        {
          id: 'consultation-mg',
          label: { fr: 'Consultation du médecin traitant' },
          responsible: ['mg'],
          due: { within: 'P7D', from: { event: 'sortie' }, source: 'prado-ic' },
        },
        {
          id: 'consultation-cardio',
          label: { fr: 'Consultation de cardiologie' },
          responsible: ['cardiologue'],
          due: { within: 'P2M', from: { event: 'sortie' }, source: 'prado-ic' },
        },
      ],
      exits: [{ to: 'fin', when: { requiredTasksDone: true } }],
    },
    { id: 'fin', label: { fr: 'Fin du parcours' }, segment: 'suivi-ville', kind: 'final' },
  ],
});

export async function main(print: (line: string) => void = console.log) {
  const clock = new VirtualClock('2026-03-02T10:00:00+01:00');
  const engine = createEngine({ protocols: [sortieIC], clock });
  const ic = engine.for(sortieIC);

  await ic.start({ journeyId: 'patient-1', facts: { age: 78 } });
  await ic.perform('patient-1', 'lettre-liaison', { actor: { id: 'chu-cardio', roles: ['hopital'] } });
  await ic.recordEvent('patient-1', 'sortie');

  clock.advance('P9D'); // nobody saw the patient within 7 days
  await engine.tick();

  const drMartin = { id: 'dr-martin', name: 'Dr Martin', roles: ['mg'] };
  for (const item of await engine.worklist({ actor: drMartin })) {
    const due = new Date(item.dueAt ?? 0).toISOString().slice(0, 10);
    print(
      `${item.overdue ? 'EN RETARD' : 'à faire'}  ${item.taskLabel} — ${item.journeyId}, avant le ${due}`,
    );
  }
  const { journey } = await ic.perform('patient-1', 'consultation-mg', { actor: drMartin });
  for (const r of journey.ruptures)
    print(
      `rupture ${r.segment}: ${r.task}, ${r.delayDays} jour(s) de retard${r.closedAt ? ' (rattrapée)' : ''}`,
    );
  return journey;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * The HAS *fiche protocole pluriprofessionnel* in Markdown, in French: every field of the template
 * (as adapted by the APMSL Pays de la Loire), plus the *qui fait quoi quand*, delegations and indicators.
 * @module
 */
import { allSteps, formatDurationFr, type ProtocolDefinition, type Source } from '@cpts/core';
import { toSwimlaneMarkdown } from './swimlane.js';
import { conditionFr, criterionFr, everyFr, namesOf } from './text.js';

const MISSING = '_Non renseigné._';
const KIND_FR: Record<Source['kind'], string> = {
  recommandation: 'recommandation',
  reglementaire: 'texte réglementaire',
  programme: 'programme',
  litterature: 'littérature',
  secondaire: 'source secondaire',
  'consensus-equipe': "consensus d'équipe",
};

function date(value: string | undefined): string {
  if (!value) return MISSING;
  const [y, m, d] = value.split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}

function percent(share: number): string {
  return `${String(Math.round(share * 1000) / 10).replace('.', ',')} %`;
}

function list(items: readonly string[] | undefined): string {
  return items?.length ? items.map((i) => `- ${i}`).join('\n') : MISSING;
}

function text(value: string | undefined): string {
  return value?.trim() ? value : MISSING;
}

/**
 * The fiche of a protocol in Markdown. Fields the protocol leaves empty are printed as
 * « Non renseigné » so that the gaps are visible; sources are numbered and cited.
 * @example
 * import { toFicheMarkdown } from '@cpts/dsl';
 * writeFileSync('fiche.md', toFicheMarkdown(protocol));
 */
export function toFicheMarkdown(protocol: ProtocolDefinition): string {
  const f = protocol.fiche;
  const names = namesOf(protocol);
  const cite = new Map(f.sources.map((s, i) => [s.id, i + 1]));
  const ref = (id: string | undefined, note?: string) => {
    const parts = [id !== undefined ? `[${cite.get(id) ?? id}]` : '', note ? `(${note})` : ''].filter(
      Boolean,
    );
    return parts.length ? ` ${parts.join(' ')}` : '';
  };
  const out: string[] = [];
  const section = (title: string, body: string) => out.push(`## ${title}`, '', body, '');

  out.push(`# ${protocol.title.fr}`, '');
  out.push(`_Protocole pluriprofessionnel « ${protocol.id} », version ${protocol.version}._`, '');
  out.push('| Champ | Valeur |', '| --- | --- |');
  out.push(`| Date de création | ${date(f.dateCreation)} |`);
  out.push(`| Date de modification | ${date(f.dateModification)} |`);
  out.push(`| Date prévue d'actualisation | ${date(f.dateActualisation)} |`);
  out.push(`| Structure porteuse | ${text(f.structurePorteuse)} |`);
  out.push(
    `| Référent (personne-ressource) | ${f.referent ? `${f.referent.nom}${f.referent.email ? ` (${f.referent.email})` : ''}` : MISSING} |`,
  );
  out.push('');

  section('Professions, services et structures impliqués', list(f.professionsImpliquees));
  section('Objectif général', text(f.objectifGeneral));
  section('Objectifs secondaires', list(f.objectifsSecondaires));
  section('Population cible', text(f.populationCible));
  section("Critères d'inclusion", list(f.criteresInclusion));
  section("Critères d'exclusion", list(f.criteresExclusion));

  const steps = allSteps(protocol).map(({ step, lineage }) => {
    const indent = '  '.repeat(lineage.length - 1);
    const kind =
      step.kind === 'parallel' ? ' (étapes menées en parallèle)' : step.kind === 'final' ? ' (fin)' : '';
    const exits = step.exits.map((e) => {
      const how = [
        e.on ? `sur « ${names.event(e.on)} »` : '',
        e.when ? `si ${conditionFr(e.when, names)}` : '',
      ].filter(Boolean);
      return `${indent}  - → ${names.step(e.to)}${how.length ? ` : ${how.join(', ')}` : ''}`;
    });
    return [`${indent}- **${step.label.fr}** — ${names.segment(step.segment)}${kind}`, ...exits].join('\n');
  });
  section('Déroulement', steps.join('\n'));

  section('Qui fait quoi, quand', toSwimlaneMarkdown(protocol).trimEnd());

  const deadlines = allSteps(protocol).flatMap(({ step }) =>
    step.tasks.flatMap((t) => [
      ...(t.due
        ? [`- ${t.label.fr} : sous ${formatDurationFr(t.due.within)}${ref(t.due.source, t.due.note)}`]
        : []),
      ...(t.repeat
        ? [
            `- ${t.label.fr} : ${'every' in t.repeat ? everyFr(t.repeat.every) : `${t.repeat.perYear} fois par an`}${t.repeat.count ? ` (${t.repeat.count} fois)` : ''}${ref(t.repeat.source, t.repeat.note)}`,
          ]
        : []),
    ]),
  );
  section('Délais et fréquences, avec leurs sources', deadlines.length ? deadlines.join('\n') : MISSING);

  if (protocol.complexity) {
    const g = protocol.complexity;
    const rules = g.rules.map(
      (r) => `- **${r.level}** si ${conditionFr(r.when, names)}${r.label ? ` (${r.label.fr})` : ''}`,
    );
    section(
      'Gradation de la complexité',
      [
        ...rules,
        `- **${g.default}** sinon`,
        ...(g.source || g.note ? ['', `Source :${ref(g.source, g.note)}`] : []),
      ].join('\n'),
    );
  }

  if (protocol.delegations.length > 0) {
    const blocks = protocol.delegations.map((d) => {
      const q = d.qualification;
      const lines = [
        `### ${d.label.fr}${d.reference ? ` (${d.reference})` : ''}${ref(d.source, d.note)}`,
        '',
        `- Délégant : ${names.role(d.delegating)} ; délégué : ${names.role(d.delegate)}`,
        `- Actes délégués : ${d.tasks.map((t) => names.task(t)).join(', ')}`,
        `- Qualification requise : ${q ? `${q.label?.fr ?? q.id}${q.minHours !== undefined ? `, ${q.minHours} h` : ''}${q.validFor ? `, valable ${formatDurationFr(q.validFor)}` : ''}${ref(q.source, q.note)}` : MISSING}`,
        `- Consentement du patient : ${d.consent ? `recueilli (${d.consent.fact})` : 'non requis'}`,
        `- Critères d'inclusion : ${d.inclusion ? conditionFr(d.inclusion, names) : MISSING}`,
        `- Critères d'exclusion (retour au délégant) : ${d.exclusions.length ? d.exclusions.map((x) => `${x.label.fr}${ref(x.source, x.note)}`).join(' ; ') : MISSING}`,
        `- Retour au délégant : ${d.handBack ? names.task(d.handBack.task) : MISSING}`,
        `- Obligations après chaque acte : ${d.obligations.length ? d.obligations.map((o) => names.task(o.task)).join(', ') : MISSING}`,
      ];
      return lines.join('\n');
    });
    section('Délégations (protocoles de coopération)', blocks.join('\n\n'));
  }

  const criteria = list(f.evaluation);
  const indicators = protocol.indicators.map((ind) => {
    const lines = [
      `- **${ind.label.fr}** (indicateur de ${ind.kind === 'moyens' ? 'moyens' : 'résultats'}${ind.segment ? `, ${names.segment(ind.segment)}` : ''})${ref(ind.source, ind.note)}`,
      `  - Numérateur : ${criterionFr(ind.numerator, names)}`,
      `  - Dénominateur : ${criterionFr(ind.denominator, names)}`,
    ];
    if (ind.target !== undefined) lines.push(`  - Cible : ${percent(ind.target)}`);
    if (ind.reference) lines.push(`  - Référence : ${percent(ind.reference.value)} (${ind.reference.label})`);
    return lines.join('\n');
  });
  section(
    'Évaluation',
    [criteria, ...(indicators.length ? ['', '**Indicateurs**', '', ...indicators] : [])].join('\n'),
  );

  section('Documents associés', list(f.documentsAssocies));
  const sources = f.sources.map((s, i) => {
    const meta = [KIND_FR[s.kind], s.publisher, s.year?.toString()].filter(Boolean).join(', ');
    return `${i + 1}. ${s.title} — ${meta}${s.url ? ` — <${s.url}>` : ''}${s.caveat ? ` — ⚠ ${s.caveat}` : ''}`;
  });
  section('Sources documentaires ou références', sources.length ? sources.join('\n') : MISSING);
  section('Lieu de consultation du protocole', text(f.lieuConsultation));
  section('Professionnels adhérant au protocole', list(f.professionnelsAdherents));
  section('Groupe de travail', list(f.groupeDeTravail));
  section('Professionnels ou structures informés', list(f.professionnelsInformes));
  section('Mode de validation', text(f.modeValidation));
  return `${out.join('\n').trimEnd()}\n`;
}

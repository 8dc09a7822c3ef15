/**
 * The simulation result as a Markdown summary, for a README, a pull request or the CPTS's
 * steering committee.
 * @module
 */
import type { SimulationResult } from '../simulation/result.js';
import { cell, fmtDec, fmtInt, fmtPct, weekName } from './format.js';

function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('l' | 'r')[],
): string {
  const sep = head.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n');
}

/**
 * Renders a simulation result as Markdown: settings, journeys, indicators, ruptures per segment,
 * task and role, time spent per step, and the workload per role and week.
 *
 * @example
 * const result = await simulateCohort(ic, { patients: 10_000, horizon: 'P12M', seed: 1 });
 * writeFileSync('reports/ic.md', toMarkdownReport(result));
 */
export function toMarkdownReport(result: SimulationResult): string {
  const s = result.settings;
  const j = result.journeys;
  const out: string[] = [];
  out.push(`# Simulation — ${result.protocol.title}`);
  out.push('');
  out.push(
    `Protocole \`${result.protocol.id}\` ${result.protocol.version} · ${fmtInt(s.patients)} patients · du ${s.start.slice(0, 10)} au ${s.end.slice(0, 10)} (${s.horizon}, ${s.weeks} semaines) · graine ${s.seed} · ${s.shards} lots · arrivées ${s.arrivals}`,
  );
  out.push('');
  out.push('## Parcours');
  out.push('');
  out.push(
    table(
      [
        'démarrés',
        'terminés',
        'annulés',
        'en cours à l’horizon',
        'complexité faible',
        'moyenne',
        'forte',
        'non gradués',
      ],
      [
        [
          fmtInt(j.started),
          fmtInt(j.completed),
          fmtInt(j.cancelled),
          fmtInt(j.active),
          fmtInt(j.byComplexity.faible),
          fmtInt(j.byComplexity.moyenne),
          fmtInt(j.byComplexity.forte),
          fmtInt(j.byComplexity.aucune),
        ],
      ],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  const refused = Object.entries(result.acts.refused);
  out.push(
    `${fmtInt(result.acts.performed)} actes réalisés dont ${fmtInt(result.acts.late)} en retard (${fmtPct(result.acts.performed ? result.acts.late / result.acts.performed : null)}) · ${fmtInt(result.acts.notDone)} tâches jamais faites · ${fmtInt(result.events)} entrées d’historique.`,
  );
  if (refused.length > 0)
    out.push(
      `Commandes refusées par le moteur : ${refused.map(([code, n]) => `\`${code}\` × ${fmtInt(n)}`).join(', ')}.`,
    );
  out.push('');

  out.push('## Indicateurs');
  out.push('');
  if (result.indicators.length === 0) out.push('_Le protocole ne définit pas d’indicateur._');
  else
    out.push(
      table(
        ['indicateur', 'type', 'numérateur', 'dénominateur', 'valeur', 'cible', 'référence'],
        result.indicators.map((i) => [
          `${i.label} (\`${i.id}\`)`,
          i.kind === 'moyens' ? 'de moyens' : 'de résultats',
          fmtInt(i.numerator),
          fmtInt(i.denominator),
          fmtPct(i.value),
          fmtPct(i.target),
          i.reference ? `${fmtPct(i.reference.value)} (${i.reference.label})` : '—',
        ]),
        ['l', 'l', 'r', 'r', 'r', 'r', 'l'],
      ),
    );
  out.push('');

  out.push('## Ruptures');
  out.push('');
  out.push(
    `${fmtInt(result.ruptures.total)} ruptures, dont ${fmtInt(result.ruptures.closed)} rattrapées avant l’horizon (acte fait en retard).`,
  );
  const ruptureTable = (
    title: string,
    key: string,
    rows: SimulationResult['ruptures']['bySegment'],
    share: boolean,
  ) => {
    out.push('');
    out.push(`### ${title}`);
    out.push('');
    if (rows.length === 0) {
      out.push('_Aucune._');
      return;
    }
    out.push(
      table(
        [key, 'ruptures', 'rattrapées', 'retard moyen (jours)', ...(share ? ['parcours touchés'] : [])],
        rows.map((r) => [
          r.label === r.key ? r.key : `${r.label} (\`${r.key}\`)`,
          fmtInt(r.count),
          fmtInt(r.closed),
          fmtDec(r.meanDelayDays),
          ...(share ? [fmtPct(r.journeysShare)] : []),
        ]),
        ['l', 'r', 'r', 'r', 'r'],
      ),
    );
  };
  ruptureTable('Par segment du parcours', 'segment', result.ruptures.bySegment, true);
  ruptureTable('Par tâche', 'tâche', result.ruptures.byTask, true);
  ruptureTable('Par rôle', 'rôle', result.ruptures.byRole, false);
  out.push('');

  out.push('## Temps passé par étape');
  out.push('');
  out.push(
    table(
      [
        'étape',
        'segment',
        'entrées',
        'sorties',
        'moyenne (j)',
        'médiane (j)',
        '90e centile (j)',
        'en cours à l’horizon',
      ],
      result.steps.map((st) => [
        `${st.label} (\`${st.step}\`)`,
        st.segment,
        fmtInt(st.entries),
        fmtInt(st.exits),
        fmtDec(st.meanDays),
        fmtDec(st.medianDays),
        fmtDec(st.p90Days),
        fmtInt(st.activeAtEnd),
      ]),
      ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');

  out.push('## Charge de travail par rôle');
  out.push('');
  out.push(
    table(
      [
        'rôle',
        'actes',
        'par semaine (moyenne)',
        'pic',
        'actes en retard',
        'reportés (capacité)',
        'capacité / semaine',
      ],
      result.workload.map((w) => [
        `${w.label} (\`${w.role}\`)`,
        fmtInt(w.totalActs),
        fmtDec(w.meanPerWeek),
        w.totalActs === 0 ? '—' : `${fmtInt(w.peakActs)} (${weekName(w.peakWeek)})`,
        `${fmtInt(w.totalOverdue)} (${fmtPct(w.totalActs ? w.totalOverdue / w.totalActs : null)})`,
        fmtInt(w.postponed.reduce((a, b) => a + b, 0)),
        w.capacityPerWeek === null ? 'illimitée' : fmtInt(w.capacityPerWeek),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  out.push('');
  out.push('### Actes par semaine');
  out.push('');
  const weeks = result.settings.weeks;
  const active = result.workload.filter((w) => w.totalActs > 0);
  if (active.length === 0) out.push('_Aucun acte._');
  else {
    // Months of four weeks keep the table readable; the HTML report has every week.
    const groups = Math.ceil(weeks / 4);
    out.push(
      table(
        [
          'rôle',
          ...Array.from(
            { length: groups },
            (_, g) => `${weekName(g * 4)}–${weekName(Math.min(weeks, g * 4 + 4) - 1)}`,
          ),
        ],
        active.map((w) => [
          w.role,
          ...Array.from({ length: groups }, (_, g) => {
            const slice = w.acts.slice(g * 4, g * 4 + 4);
            const late = w.overdue.slice(g * 4, g * 4 + 4).reduce((a, b) => a + b, 0);
            const n = slice.reduce((a, b) => a + b, 0);
            return late > 0 ? `${fmtInt(n)} (${fmtInt(late)} en retard)` : fmtInt(n);
          }),
        ]),
        ['l', ...Array.from({ length: groups }, () => 'r' as const)],
      ),
    );
  }
  out.push('');
  out.push(
    `_Simulé en ${fmtDec(result.timing.wallMs / 1000)} s ${result.timing.threads === 0 ? 'dans le fil principal' : `sur ${result.timing.threads} fil${result.timing.threads > 1 ? 's' : ''} d’exécution`} (${fmtInt(result.timing.eventsPerSecond)} entrées d’historique par seconde)._`,
  );
  out.push('');
  return out.join('\n');
}

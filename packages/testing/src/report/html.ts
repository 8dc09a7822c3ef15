/**
 * The simulation result as one self-contained HTML page: inline CSS and SVG charts, no script,
 * no external asset, readable offline and printable.
 * @module
 */
import type { SimulationResult } from '../simulation/result.js';
import { esc, fmtDec, fmtInt, fmtPct, weekName } from './format.js';
import { COLOURS, horizontalBars, weeklyBars } from './svg.js';

const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 0; background: #fafafa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; margin: 32px 0 8px; border-bottom: 2px solid #0072B2; padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 20px 0 6px; }
.meta { color: #555; margin: 0 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
.card { flex: 1 1 140px; border: 1px solid #ddd; border-radius: 6px; padding: 10px 12px; }
.card b { display: block; font-size: 1.5em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: .92em; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 8px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: .9em; background: #f1f1f1; padding: 0 3px; border-radius: 3px; }
figure { margin: 8px 0 16px; }
figcaption { color: #555; font-size: .9em; }
.small { color: #666; font-size: .88em; }
@media print { body { background: #fff; } main { padding: 0; } }
`;

function tableHtml(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const label = (text: string, id: string) =>
  text === id ? `<code>${esc(id)}</code>` : `${esc(text)} <code>${esc(id)}</code>`;

/**
 * Renders a simulation result as a self-contained HTML page with SVG charts: ruptures per segment,
 * indicator values against their targets and references, time per step, and acts per role and week.
 *
 * @example
 * writeFileSync('reports/ic.html', toHtmlReport(await simulateCohort(ic, options)));
 */
export function toHtmlReport(result: SimulationResult): string {
  const s = result.settings;
  const j = result.journeys;
  const body: string[] = [];
  body.push(`<h1>Simulation — ${esc(result.protocol.title)}</h1>`);
  body.push(
    `<p class="meta">Protocole <code>${esc(result.protocol.id)}</code> ${esc(result.protocol.version)} · ${fmtInt(s.patients)} patients · du ${esc(s.start.slice(0, 10))} au ${esc(s.end.slice(0, 10))} (${esc(s.horizon)}, ${s.weeks} semaines) · graine ${s.seed} · ${s.shards} lots · arrivées ${esc(s.arrivals)}</p>`,
  );
  const card = (value: string, text: string) => `<div class="card"><b>${value}</b>${esc(text)}</div>`;
  body.push(
    `<div class="cards">${[
      card(fmtInt(j.started), 'parcours démarrés'),
      card(fmtInt(j.completed), 'terminés'),
      card(fmtInt(j.active), 'en cours à l’horizon'),
      card(fmtInt(result.acts.performed), 'actes réalisés'),
      card(fmtInt(result.ruptures.total), 'ruptures'),
    ].join('')}</div>`,
  );
  body.push(
    `<p class="small">Complexité : faible ${fmtInt(j.byComplexity.faible)} · moyenne ${fmtInt(j.byComplexity.moyenne)} · forte ${fmtInt(j.byComplexity.forte)} · non gradués ${fmtInt(j.byComplexity.aucune)}. ${fmtInt(result.acts.late)} actes en retard, ${fmtInt(result.acts.notDone)} tâches jamais faites.${
      Object.keys(result.acts.refused).length > 0
        ? ` Commandes refusées : ${Object.entries(result.acts.refused)
            .map(([c, k]) => `<code>${esc(c)}</code> × ${fmtInt(k)}`)
            .join(', ')}.`
        : ''
    }</p>`,
  );

  body.push('<h2>Indicateurs</h2>');
  if (result.indicators.length === 0) body.push('<p>Le protocole ne définit pas d’indicateur.</p>');
  else {
    body.push(
      `<figure>${horizontalBars(
        'indicators',
        'Valeur des indicateurs',
        result.indicators.map((i) => ({
          label: i.label,
          value: i.value ?? 0,
          text: `${fmtPct(i.value)} (${fmtInt(i.numerator)}/${fmtInt(i.denominator)})`,
          colour: i.kind === 'moyens' ? COLOURS.blue : COLOURS.green,
          markers: [
            ...(i.target !== undefined
              ? [{ at: i.target, label: `cible ${fmtPct(i.target)}`, colour: COLOURS.ink }]
              : []),
            ...(i.reference
              ? [
                  {
                    at: i.reference.value,
                    label: `référence ${fmtPct(i.reference.value)} — ${i.reference.label}`,
                    colour: COLOURS.orange,
                  },
                ]
              : []),
          ],
        })),
        { max: 1, unit: '%' },
      )}<figcaption>Bleu : indicateur de moyens ; vert : de résultats. Trait noir : cible ; trait orange : valeur de référence publiée.</figcaption></figure>`,
    );
    body.push(
      tableHtml(
        ['indicateur', 'type', 'numérateur', 'dénominateur', 'valeur', 'cible', 'référence'],
        result.indicators.map((i) => [
          label(i.label, i.id),
          i.kind === 'moyens' ? 'de moyens' : 'de résultats',
          fmtInt(i.numerator),
          fmtInt(i.denominator),
          fmtPct(i.value),
          fmtPct(i.target),
          i.reference
            ? `${fmtPct(i.reference.value)} <span class="small">(${esc(i.reference.label)})</span>`
            : '—',
        ]),
        [false, false, true, true, true, true, false],
      ),
    );
  }

  body.push('<h2>Ruptures</h2>');
  body.push(
    `<p>${fmtInt(result.ruptures.total)} ruptures, dont ${fmtInt(result.ruptures.closed)} rattrapées avant l’horizon (acte fait en retard).</p>`,
  );
  body.push(
    `<figure>${horizontalBars(
      'ruptures-segment',
      'Ruptures par segment du parcours',
      result.ruptures.bySegment.map((r) => ({
        label: r.label,
        value: r.count,
        text: `${fmtInt(r.count)}${r.meanDelayDays === null ? '' : ` · retard moyen ${fmtDec(r.meanDelayDays)} j`}`,
        colour: COLOURS.red,
      })),
    )}<figcaption>Nombre de ruptures (échéance d’une tâche requise dépassée, ou renvoi au délégant) par segment.</figcaption></figure>`,
  );
  const ruptureRows = (rows: SimulationResult['ruptures']['byTask'], share: boolean) =>
    rows.map((r) => [
      label(r.label, r.key),
      fmtInt(r.count),
      fmtInt(r.closed),
      fmtDec(r.meanDelayDays),
      ...(share ? [fmtPct(r.journeysShare)] : []),
    ]);
  body.push('<h3>Par tâche</h3>');
  body.push(
    tableHtml(
      ['tâche', 'ruptures', 'rattrapées', 'retard moyen (j)', 'parcours touchés'],
      ruptureRows(result.ruptures.byTask, true),
      [false, true, true, true, true],
    ),
  );
  body.push('<h3>Par rôle</h3>');
  body.push(
    tableHtml(
      ['rôle', 'ruptures', 'rattrapées', 'retard moyen (j)'],
      ruptureRows(result.ruptures.byRole, false),
      [false, true, true, true],
    ),
  );

  body.push('<h2>Temps passé par étape</h2>');
  const timed = result.steps.filter((st) => st.medianDays !== null);
  body.push(
    `<figure>${horizontalBars(
      'steps',
      'Durée médiane par étape (jours), avec le 90e centile',
      timed.map((st) => ({
        label: st.label,
        value: st.medianDays ?? 0,
        whisker: st.p90Days ?? undefined,
        text: `${fmtDec(st.medianDays)} j (90e c. ${fmtDec(st.p90Days)} j)`,
        colour: COLOURS.blue,
      })),
    )}<figcaption>Séjours terminés avant l’horizon.</figcaption></figure>`,
  );
  body.push(
    tableHtml(
      ['étape', 'segment', 'entrées', 'sorties', 'moyenne (j)', 'médiane (j)', '90e centile (j)', 'en cours'],
      result.steps.map((st) => [
        label(st.label, st.step),
        esc(st.segment),
        fmtInt(st.entries),
        fmtInt(st.exits),
        fmtDec(st.meanDays),
        fmtDec(st.medianDays),
        fmtDec(st.p90Days),
        fmtInt(st.activeAtEnd),
      ]),
      [false, false, true, true, true, true, true, true],
    ),
  );

  body.push('<h2>Charge de travail par rôle et par semaine</h2>');
  body.push(
    tableHtml(
      ['rôle', 'actes', 'moyenne / semaine', 'pic', 'en retard', 'reportés (capacité)', 'capacité / semaine'],
      result.workload.map((w) => [
        label(w.label, w.role),
        fmtInt(w.totalActs),
        fmtDec(w.meanPerWeek),
        w.totalActs === 0 ? '—' : `${fmtInt(w.peakActs)} (${weekName(w.peakWeek)})`,
        `${fmtInt(w.totalOverdue)} (${fmtPct(w.totalActs ? w.totalOverdue / w.totalActs : null)})`,
        fmtInt(w.postponed.reduce((a, b) => a + b, 0)),
        w.capacityPerWeek === null ? 'illimitée' : fmtInt(w.capacityPerWeek),
      ]),
      [false, true, true, true, true, true, true],
    ),
  );
  for (const w of result.workload.filter((x) => x.totalActs > 0)) {
    const onTime = w.acts.map((a, i) => a - (w.overdue[i] ?? 0));
    body.push(`<h3>${esc(w.label)}</h3>`);
    body.push(
      `<figure>${weeklyBars(
        `workload-${w.role}`,
        `${w.label} : actes par semaine`,
        [
          { label: 'à temps', values: onTime, colour: COLOURS.blue },
          { label: 'en retard', values: w.overdue, colour: COLOURS.red },
        ],
        { capacity: w.capacityPerWeek },
      )}</figure>`,
    );
  }
  body.push(
    `<p class="small">Simulé en ${fmtDec(result.timing.wallMs / 1000)} s ${result.timing.threads === 0 ? 'dans le fil principal' : `sur ${result.timing.threads} fil(s) d’exécution`} · ${fmtInt(result.timing.eventsPerSecond)} entrées d’historique par seconde · empreinte du protocole <code>${esc(result.protocol.hash)}</code>.</p>`,
  );

  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulation — ${esc(result.protocol.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

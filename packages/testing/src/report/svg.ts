/**
 * Small SVG charts drawn as strings: no library, no external asset, readable offline.
 * Every chart is an `<svg class="chart" data-chart="…">` with a `<title>`; every mark is a
 * `<rect class="bar">` or a `<path class="line">`, so that a browser test can count them.
 * @module
 */
import { esc, fmtDec, fmtInt, weekName } from './format.js';

/** Palette (colour-blind safe: Okabe–Ito). */
export const COLOURS = {
  blue: '#0072B2',
  orange: '#E69F00',
  red: '#D55E00',
  green: '#009E73',
  grey: '#999999',
  ink: '#222222',
  grid: '#e3e3e3',
} as const;

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';

function n(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/** One bar of a horizontal bar chart. */
export interface HBar {
  readonly label: string;
  readonly value: number;
  /** Text after the bar (default: the value). */
  readonly text?: string;
  readonly colour?: string;
  /** Markers drawn across the bar (a target, a reference), in value units. */
  readonly markers?: readonly { readonly at: number; readonly label: string; readonly colour: string }[];
  /** A whisker from the bar's end to this value (a 90th centile). */
  readonly whisker?: number;
}

/**
 * A horizontal bar chart.
 *
 * @example
 * horizontalBars('ruptures-segment', 'Ruptures par segment', [{ label: 'suivi-ville', value: 120 }]);
 */
export function horizontalBars(
  id: string,
  title: string,
  bars: readonly HBar[],
  options: { max?: number; unit?: string; width?: number } = {},
): string {
  const width = options.width ?? 760;
  const labelW = Math.min(280, Math.max(90, ...bars.map((b) => b.label.length * 7)));
  const rowH = 26;
  const top = 8;
  const textW = 210;
  const plotW = width - labelW - textW - 16;
  const height = top + Math.max(1, bars.length) * rowH + 24;
  const max =
    options.max ??
    Math.max(1, ...bars.map((b) => Math.max(b.value, b.whisker ?? 0, ...(b.markers ?? []).map((m) => m.at))));
  const x = (v: number) => labelW + (plotW * Math.max(0, v)) / max;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" data-chart="${esc(id)}" role="img" aria-labelledby="${esc(id)}-title" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" ${FONT} font-size="12">`,
  );
  parts.push(`<title id="${esc(id)}-title">${esc(title)}</title>`);
  for (let t = 0; t <= 4; t++) {
    const gx = labelW + (plotW * t) / 4;
    parts.push(
      `<line x1="${n(gx)}" x2="${n(gx)}" y1="${top}" y2="${height - 22}" stroke="${COLOURS.grid}"/>`,
    );
    const v = (max * t) / 4;
    const tick = options.unit === '%' ? `${Math.round(v * 100)} %` : fmtDec(v).replace(/,0$/, '');
    parts.push(`<text x="${n(gx)}" y="${height - 8}" text-anchor="middle" fill="#555">${esc(tick)}</text>`);
  }
  if (bars.length === 0)
    parts.push(`<text x="${labelW + 8}" y="${top + 17}" fill="#555">Aucune donnée</text>`);
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    const w = Math.max(b.value > 0 ? 1.5 : 0, x(b.value) - labelW);
    parts.push(
      `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" fill="${COLOURS.ink}">${esc(b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label)}</text>`,
    );
    parts.push(
      `<rect class="bar" x="${labelW}" y="${y + 5}" width="${n(w)}" height="${rowH - 10}" fill="${b.colour ?? COLOURS.blue}"><title>${esc(`${b.label} : ${b.text ?? fmtInt(b.value)}`)}</title></rect>`,
    );
    if (b.whisker !== undefined && b.whisker > b.value) {
      const yc = y + rowH / 2;
      parts.push(
        `<path class="whisker" d="M${n(x(b.value))} ${n(yc)}H${n(x(b.whisker))}M${n(x(b.whisker))} ${n(yc - 5)}V${n(yc + 5)}" stroke="${COLOURS.ink}" fill="none"/>`,
      );
    }
    for (const m of b.markers ?? []) {
      parts.push(
        `<path class="marker" d="M${n(x(m.at))} ${y + 2}V${y + rowH - 2}" stroke="${m.colour}" stroke-width="3"><title>${esc(m.label)}</title></path>`,
      );
    }
    parts.push(
      `<text x="${n(Math.max(x(b.value), b.whisker === undefined ? 0 : x(b.whisker)) + 6)}" y="${y + 17}" fill="${COLOURS.ink}">${esc(b.text ?? fmtInt(b.value))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** One series of a weekly chart. */
export interface WeeklySeries {
  readonly label: string;
  readonly values: readonly number[];
  readonly colour: string;
}

/**
 * Stacked weekly bars (e.g. acts on time and overdue), with an optional capacity line.
 *
 * @example
 * weeklyBars('workload-infirmier', 'Infirmier : actes par semaine', [{ label: 'à temps', values: [3, 5], colour: '#0072B2' }]);
 */
export function weeklyBars(
  id: string,
  title: string,
  series: readonly WeeklySeries[],
  options: { capacity?: number | null; width?: number; height?: number } = {},
): string {
  const width = options.width ?? 760;
  const height = options.height ?? 190;
  const left = 44;
  const right = 10;
  const top = 26;
  const bottom = 24;
  const weeks = Math.max(1, ...series.map((s) => s.values.length));
  const totals = Array.from({ length: weeks }, (_, w) => series.reduce((a, s) => a + (s.values[w] ?? 0), 0));
  const max = Math.max(1, ...totals, options.capacity ?? 0) * 1.08;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const bw = plotW / weeks;
  const y = (v: number) => top + plotH - (plotH * v) / max;
  const parts: string[] = [];
  parts.push(
    `<svg class="chart" data-chart="${esc(id)}" role="img" aria-labelledby="${esc(id)}-title" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" ${FONT} font-size="11">`,
  );
  parts.push(`<title id="${esc(id)}-title">${esc(title)}</title>`);
  for (let t = 0; t <= 4; t++) {
    const v = (max / 1.08) * (t / 4);
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="${COLOURS.grid}"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${n(y(v) + 4)}" text-anchor="end" fill="#555">${esc(fmtInt(Math.round(v)))}</text>`,
    );
  }
  for (let w = 0; w < weeks; w += Math.max(1, Math.ceil(weeks / 13))) {
    parts.push(
      `<text x="${n(left + w * bw + bw / 2)}" y="${height - 8}" text-anchor="middle" fill="#555">${weekName(w)}</text>`,
    );
  }
  for (let w = 0; w < weeks; w++) {
    let base = 0;
    for (const s of series) {
      const v = s.values[w] ?? 0;
      if (v <= 0) continue;
      const y1 = y(base + v);
      const h = y(base) - y1;
      parts.push(
        `<rect class="bar" x="${n(left + w * bw + 0.5)}" y="${n(y1)}" width="${n(Math.max(0.8, bw - 1))}" height="${n(Math.max(0.8, h))}" fill="${s.colour}"><title>${esc(`${weekName(w)} — ${s.label} : ${fmtInt(v)}`)}</title></rect>`,
      );
      base += v;
    }
  }
  if (options.capacity !== undefined && options.capacity !== null) {
    parts.push(
      `<path class="line capacity" d="M${left} ${n(y(options.capacity))}H${width - right}" stroke="${COLOURS.ink}" stroke-dasharray="5 4" fill="none"><title>${esc(`capacité : ${fmtInt(options.capacity)} actes / semaine`)}</title></path>`,
    );
  }
  // Legend
  let lx = left;
  for (const s of series) {
    parts.push(`<rect x="${lx}" y="6" width="10" height="10" fill="${s.colour}"/>`);
    parts.push(`<text x="${lx + 14}" y="15" fill="${COLOURS.ink}">${esc(s.label)}</text>`);
    lx += 24 + s.label.length * 6.5;
  }
  if (options.capacity !== undefined && options.capacity !== null) {
    parts.push(`<path d="M${lx} 11h16" stroke="${COLOURS.ink}" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${lx + 20}" y="15" fill="${COLOURS.ink}">capacité</text>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

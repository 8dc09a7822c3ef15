/** Number formatting shared by the Markdown and HTML reports (French conventions). */

const int = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const dec = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** `12 345` */
export function fmtInt(n: number): string {
  return int.format(n).replace(/\u202f|\u00a0/g, ' ');
}

/** `3,5` (or `—` for null). */
export function fmtDec(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : dec.format(n).replace(/\u202f|\u00a0/g, ' ');
}

/** `85,9 %` (or `—` for null). */
export function fmtPct(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${dec.format(n * 100)} %`;
}

/** The French name of a week of the horizon: `S12`. */
export function weekName(index: number): string {
  return `S${index + 1}`;
}

/** Escapes text for HTML and SVG. */
export function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Escapes a Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

// Number formats of the reports and console lines; a figure that was not measured prints n/a.

export const int = (v: number) =>
  Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a';
export const ms = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
export const pct = (v: number) => (Number.isFinite(v) ? `${Math.round(v * 100)}%` : 'n/a');

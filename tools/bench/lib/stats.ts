/** Nearest-rank percentile (`p` from 0 to 1) of unsorted samples; NaN when there are none. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Median of all values (the mean of the middle two for an even count); NaN when there are none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median of the finite values only, so that a run which produced no figure (NaN) or a censored one
 * (+∞, e.g. commands that never became visible) does not decide it; NaN when none is finite.
 */
export function medianOfFinite(values: number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return NaN;
  return median(finite);
}

/** Latency samples in a growable Float64Array: a closed loop records hundreds of thousands. */
export class Latencies {
  private values = new Float64Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  p(q: number): number {
    return percentile(this.values.subarray(0, this.length), q);
  }
}

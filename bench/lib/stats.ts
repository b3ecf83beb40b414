/** The value at fraction `q` (0 to 1) of the sorted values, interpolating between neighbours. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)]!;
  return low + (sorted[Math.ceil(at)]! - low) * (at - Math.floor(at));
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values: number[]) => quantile(values, 0.5);

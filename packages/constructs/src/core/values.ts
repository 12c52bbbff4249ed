/** The first item that occurs twice, or undefined. */
export function firstDuplicate<T>(items: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

/**
 * Orders strings by UTF-16 code units: deterministic everywhere, and without the collator that
 * `localeCompare` builds on first use (a tenth of a short command's run).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

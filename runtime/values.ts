/** Small helpers every layer shares, so each exists once. */

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord<T = unknown>(value: unknown): value is Record<string, T> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` when it is a plain object, else an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** The first item that occurs twice, or undefined. */
export function firstDuplicate<T>(items: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

/** `text` cut to `max` characters with an ellipsis, for values quoted in one line. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/**
 * Orders strings by UTF-16 code units: deterministic everywhere, and without the collator that
 * `localeCompare` builds on first use (a tenth of a short command's run).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

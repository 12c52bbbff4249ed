/**
 * Small helpers every layer of this repository shares, so each exists once (the construct
 * library's own, `compareText` and `firstDuplicate`, are in `@void-linux/infra-constructs/core`).
 */

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord<T = unknown>(value: unknown): value is Record<string, T> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` when it is a plain object, else an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** `text` cut to `max` characters with an ellipsis, for values quoted in one line. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

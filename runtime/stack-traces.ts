/**
 * cdktf records where every token was created by formatting a full stack trace into a string, for
 * messages about tokens that fail to resolve; thousands of them are a tenth of a synth. Those
 * captures target plain objects and are never printed here, so they skip the formatting; an
 * Error's stack is formatted as V8 does. Left alone when source maps rewrite stacks, or when
 * something else formats stacks already. A setting of this process, so the app makes it, not the
 * construct library.
 */
export function skipTokenStackTraces(): void {
  if (Error.prepareStackTrace !== undefined || process.sourceMapsEnabled) return;
  Error.prepareStackTrace = (target, frames) =>
    target instanceof Error ? [String(target), ...frames.map((frame) => `    at ${frame}`)].join("\n") : "";
}

import { closest, distance } from "fastest-levenshtein";

/** ` (did you mean "x"?)` when a candidate is close enough to be a likely typo, else "". */
export function didYouMean(input: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const best = closest(input, [...candidates]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(input.toLowerCase(), best.toLowerCase()) <= limit ? ` (did you mean "${best}"?)` : "";
}

/** `unknown <what> (did you mean "x"?) (expected one of: a, b)`: the one wording for every closed set. */
export function unknownMessage(what: string, input: string, known: readonly string[]): string {
  return `unknown ${what}${didYouMean(input, known)} (expected one of: ${known.join(", ")})`;
}

import type { z } from "zod";

/**
 * Text a reviewer sees as it is: a person's display name, a mirror's location. It reaches review
 * comments, GitHub, NetAuth and xmirror's page, where an invisible or reordering character would
 * make one name look like another or hide what follows it. Deny by default: only letters, marks,
 * digits, punctuation, symbols and the plain space are allowed, and no more than
 * {@link MAX_COMBINING_RUN} marks in a row (real scripts stack two or three; "Zalgo" text dozens).
 */

/** Most combining marks one character may carry (Vietnamese and Indic scripts stack up to three). */
export const MAX_COMBINING_RUN = 4;

const ALLOWED = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
/** Characters with no visible form of their own (fillers, joiners, tag characters, ...). */
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const BIDI = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const MARK = /^\p{M}$/u;

const EXPECTED = "expected visible text: letters, digits, punctuation, symbols and plain spaces";

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** What kind of forbidden character `c` is, in words, and why that matters; undefined when allowed. */
function forbidden(c: string): { what: string; why?: string } | undefined {
  const at = codePoint(c);
  if (BIDI.test(c))
    return { what: `the bidirectional control ${at}`, why: "which reorders how the text is shown" };
  if (ALLOWED.test(c) && !IGNORABLE.test(c)) return undefined;
  if (c === "\t") return { what: "a tab" };
  if (/^[\n\r\u0085]$/u.test(c)) return { what: `a line break (${at})` };
  if (c === "\u2028") return { what: "the line separator U+2028" };
  if (c === "\u2029") return { what: "the paragraph separator U+2029" };
  if (/^\p{Cc}$/u.test(c)) return { what: `the control character ${at}` };
  if (/^\p{Zs}$/u.test(c))
    return { what: `the space-like character ${at}`, why: "where only the plain space is allowed" };
  if (/^\p{Co}$/u.test(c)) return { what: `the private-use character ${at}` };
  if (/^\p{Cs}$/u.test(c)) return { what: `a lone surrogate (${at})` };
  if (/^\p{Cn}$/u.test(c)) return { what: `the unassigned code point ${at}` };
  return { what: `the invisible character ${at}` };
}

/** Why `text` is not plainly visible text, naming the first offending character; undefined when it is. */
export function visibleTextProblem(text: string): string | undefined {
  let index = 0;
  let marks = 0;
  for (const c of text) {
    index++;
    const bad = forbidden(c);
    if (bad)
      return `contains ${bad.what} at character ${index}${bad.why ? `, ${bad.why}` : ""} (${EXPECTED})`;
    marks = MARK.test(c) ? marks + 1 : 0;
    if (marks > MAX_COMBINING_RUN)
      return `stacks more than ${MAX_COMBINING_RUN} combining marks on one character at character ${index} (${EXPECTED})`;
  }
  return undefined;
}

/** {@link visibleTextProblem} as a zod refinement, for schemas of what people edit (non-strings pass). */
export function refineVisibleText<T>(value: T, ctx: z.RefinementCtx<T>): void {
  const problem = typeof value === "string" ? visibleTextProblem(value) : undefined;
  if (problem) ctx.addIssue({ code: "custom", input: value, message: problem });
}

import type { ReviewContext } from "../../review/change";
import {
  type ArtifactKind,
  type DiffReport,
  reviewDiff,
  type StackJson,
  type SynthOutput,
} from "../../review/diff";

/** An output of stacks and artifacts (each artifact as `[kind, document]`; a string is its text). */
export function output(
  stacks: Record<string, StackJson> = {},
  artifacts: Record<string, readonly [ArtifactKind, unknown, string?]> = {},
): SynthOutput {
  return {
    stacks: new Map(Object.entries(stacks)),
    artifacts: new Map(
      Object.entries(artifacts).map(([path, [kind, document, derivedFrom]]) => [
        path,
        {
          kind,
          text: typeof document === "string" ? document : JSON.stringify(document),
          ...(derivedFrom !== undefined && { derivedFrom }),
        },
      ]),
    ),
  };
}

/** The sentences of a review diff, a warning marked `! ` and a grant of power `!! `. */
export function said(report: DiffReport): string[] {
  return report.lines.map((l) => `${l.severity === "warning" ? (l.sensitive ? "!! " : "! ") : ""}${l.text}`);
}

/** The review diff of two outputs, as sentences. */
export const sentences = (base: SynthOutput, head: SynthOutput, review: ReviewContext = {}): string[] =>
  said(reviewDiff(base, head, review));

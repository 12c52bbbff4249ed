import { compareOutputs } from "./compare";
import { describeChanges } from "./describe";
import type { ReviewContext } from "./describers/shared";
import type { Action, BlockKind, DiffReport, StackSummary, SynthOutput } from "./model";

export { compareOutputs, readSynthOutput } from "./compare";
export { describeChanges } from "./describe";
export { ruleDiff } from "./describers/policy";
export type { ReviewContext } from "./describers/shared";
export type * from "./model";
export { NO_CHANGES, renderJson, renderMarkdown } from "./render";
export { synthesizeRef } from "./synth-ref";

/** Kinds counted in the summary: what `terraform apply` creates, updates or destroys. */
const COUNTED: readonly BlockKind[] = ["resource", "module"];

/** Compares two synthesized outputs: changes, human lines and per-stack counts. */
export function reviewDiff(base: SynthOutput, head: SynthOutput, review: ReviewContext = {}): DiffReport {
  const changes = compareOutputs(base, head);
  const stacks = [...new Set(changes.map((c) => c.stack))];
  const summary = stacks.map((stack): StackSummary => {
    const count = (action: Action) =>
      changes.filter((c) => c.stack === stack && c.action === action && COUNTED.includes(c.kind)).length;
    return { stack, create: count("create"), update: count("update"), delete: count("delete") };
  });
  return { summary, lines: describeChanges(changes, base, head, review), changes };
}

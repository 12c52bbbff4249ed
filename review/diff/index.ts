import type { ReviewContext } from "../change/context";
import { describeChanges } from "../change/describe";
import { summarize } from "../change/model";
import { artifactView, compareOutputs, stackView } from "./compare";
import type { DiffReport, SynthOutput } from "./model";

// The review context is the shared model's; named here too for the callers of the review diff.
export type { ReviewContext } from "../change/context";
export { ARTIFACT_KINDS, type ArtifactFile, type ArtifactKind } from "./artifacts";
export { compareOutputs } from "./compare";
export type * from "./model";
export { unreachedNote } from "./reach";
export { ARTIFACT_PATH, ARTIFACTS_DIR, ARTIFACTS_MANIFEST, readSynthOutput } from "./read";
export { NO_CHANGES, renderJson, renderMarkdown } from "./render";
export { synthesizeRef } from "./synth-ref";

/**
 * Compares two synthesized outputs: the changes of every stack and artifact, the sentences the
 * shared describers make of them, and per-output counts.
 */
export function reviewDiff(base: SynthOutput, head: SynthOutput, review: ReviewContext = {}): DiffReport {
  const changes = compareOutputs(base, head);
  const side = (output: SynthOutput) => {
    const views = new Map<string, ReturnType<typeof stackView>>();
    return (name: string) => {
      if (!views.has(name))
        views.set(name, stackView(output.stacks.get(name)) ?? artifactView(output.artifacts?.get(name)));
      return views.get(name);
    };
  };
  const inventory = [head, base].some((o) =>
    [...(o.artifacts?.values() ?? [])].some((a) => a.kind === "ansible-inventory"),
  );
  const lines = describeChanges(changes, { base: side(base), head: side(head) }, { ...review, inventory });
  // A derived artifact restates another output: its lines and diff are shown, but it is not counted twice.
  const derived = new Set(
    [head, base].flatMap((o) =>
      [...(o.artifacts?.entries() ?? [])].flatMap(([name, a]) => (a.derivedFrom === undefined ? [] : [name])),
    ),
  );
  return {
    summary: summarize(changes.filter((c) => !derived.has(c.stack))),
    lines,
    changes,
    ...(head.artifacts !== undefined && base.artifacts === undefined && { artifactsNotCompared: true }),
  };
}

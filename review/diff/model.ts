/**
 * The review diff's data: what changed between two synthesized outputs (every stack and every
 * generated artifact), in the shared change model, with the sentences of the shared describers.
 * Markdown and `--format json` are two renderings of the same report.
 */
import type { Change, HumanLine, OutputSummary } from "../change/model";
import type { ArtifactFile } from "./artifacts";

/** One stack's synthesized Terraform JSON (`cdktf.out/stacks/<name>/cdk.tf.json`). */
export type StackJson = Record<string, unknown>;

/** One synthesized output: every stack by name and every generated artifact by path. */
export interface SynthOutput {
  readonly stacks: ReadonlyMap<string, StackJson>;
  /** Absent when the output holds no artifacts at all: synthesized by code older than them. */
  readonly artifacts?: ReadonlyMap<string, ArtifactFile>;
}

export interface DiffReport {
  /** One row per output with changes: stacks by name, then artifacts by path. */
  readonly summary: readonly OutputSummary[];
  /** Warnings first, then the rest. */
  readonly lines: readonly HumanLine[];
  readonly changes: readonly Change[];
  /** The base writes no artifacts (older code), so they were not compared. */
  readonly artifactsNotCompared?: boolean;
}

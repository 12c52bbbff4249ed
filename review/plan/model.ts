import {
  ACTIONS,
  type Action,
  DESTRUCTIVE_ACTIONS,
  type HumanLine,
  noActions,
  type OutputSummary,
  totalsOf,
} from "../change/model";
import type { AttributeChange } from "./values";

/**
 * A plan in the shared change model, and what only a plan knows on top of it: for each object the
 * reason Terraform gives, the order and forcing attributes of a replacement, the id of an import,
 * and the objects that drifted. The sentences come from the same describers as the review diff's.
 */

/** What happens to one resource instance, in review order: destructive actions first. */
export const PLAN_ACTIONS = ACTIONS;
export type PlanAction = Action;
export { DESTRUCTIVE_ACTIONS, noActions, totalsOf };

/** The everyday actions, destructive first: every count table has a column for each. */
export const TABLE_ACTIONS: readonly PlanAction[] = ["delete", "replace", "create", "update"];

/** What only a plan knows of one object's change (the sentences are in {@link StackSummary.lines}). */
export interface ResourceSummary {
  readonly address: string;
  readonly action: PlanAction;
  /** Terraform's reason in words (e.g. "no longer in the configuration"), when it gives one. */
  readonly reason?: string;
  /** For replacements: whether the new object exists before the old one is destroyed. */
  readonly replaceOrder?: "destroy before create" | "create before destroy";
  /** For replacements: the attributes whose change forces it. */
  readonly forcedBy: readonly string[];
  /** For moves, and updates of a moved object: the former address. */
  readonly previousAddress?: string;
  /** For imports: the id of the object adopted. */
  readonly importId?: string;
  /** For imports: the adopted object is also updated to match the configuration. */
  readonly alsoUpdates: boolean;
  readonly changes: readonly AttributeChange[];
}

/** A sentence of a plan: what the review diff's line says, masked, without the review-only parts. */
export type PlanLine = Omit<HumanLine, "ruleDiff" | "people">;

export interface StackSummary extends OutputSummary {
  /** The plan file, as given on the command line. */
  readonly source: string;
  readonly terraformVersion?: string;
  /** The plan stopped on an error; what it lists is incomplete. */
  readonly errored: boolean;
  /** Resources with an action (no-ops hidden), destructive first, then by action and address. */
  readonly resources: readonly ResourceSummary[];
  /** What the changes do, in the review diff's words: grants of power and deletions first. */
  readonly lines: readonly PlanLine[];
  /** Addresses Terraform found changed outside Terraform since the last apply. */
  readonly drift: readonly string[];
  /** What changed outside Terraform, in words. */
  readonly driftLines: readonly PlanLine[];
}

/** True when a stack's plan destroys something. */
export function isDestructive(summary: StackSummary): boolean {
  return DESTRUCTIVE_ACTIONS.some((a) => summary.counts[a] > 0);
}

import assert from "node:assert/strict";
import { join, relative } from "node:path";
import type { PlanInput, StackSummary } from "../../review/plan";
import type { ResourceSummary } from "../../review/plan/model";
import type { AttributeChange } from "../../review/plan/values";
import { REPO_ROOT } from "./project";

/** The plan fixtures (test/fixtures/plan/): `real/` made by Terraform, `hand/` written by hand, `bad/`. */
export const PLANS = join(REPO_ROOT, "test", "fixtures", "plan");

/** A fixture as the command line names it from the repository root. */
export const planFile = (...parts: string[]): string => relative(REPO_ROOT, join(PLANS, ...parts));

/** The fixture plan `<kind>/<stack>/plan.json`, named from the repository root. */
export const plan = (kind: string, stack: string): PlanInput & { readonly path: string } => ({
  stack,
  file: planFile(kind, stack, "plan.json"),
  path: join(PLANS, kind, stack, "plan.json"),
});

/** The summary of one resource; fails the test when the stack has none at `address`. */
export const byAddress = (stack: StackSummary, address: string): ResourceSummary => {
  const found = stack.resources.find((r) => r.address === address);
  assert.ok(found, `${address} not in ${stack.stack}: ${stack.resources.map((r) => r.address).join(", ")}`);
  return found;
};

/** One attribute row of a resource; fails the test when there is none at `path`. */
export const row = (stack: StackSummary, address: string, path: string): AttributeChange => {
  const found = byAddress(stack, address).changes.find((c) => c.path === path);
  assert.ok(found, `${address} has no row ${path}`);
  return found;
};

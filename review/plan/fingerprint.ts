import { createHmac } from "node:crypto";
import { compareText } from "@void-linux/infra-constructs/core";
import { UsageError } from "../../runtime/errors";
import { canonicalJson, type ExactJson, parseExactJson } from "./exact-json";

/**
 * The fingerprint of one stack's plan: what apply.yml compares between the plan reviewed in the
 * pull request and the plan it is about to apply. Its invariants (docs/workflows.md, "Plan
 * fingerprints"):
 *
 * - **It covers every change the plan makes.** Every entry of `resource_changes` but a pure no-op,
 *   whole, as Terraform wrote it: address, previous address (a move), deposed object, provider,
 *   actions, `action_reason`, before, after, the unknown and sensitive marks, `replace_paths`,
 *   `importing` (an import, even one that changes nothing); and every entry of `output_changes`
 *   but a no-op. Whatever Terraform adds to a change later is covered too. Numbers are compared
 *   as written, keys and entries in a canonical order.
 * - **It tells nothing about the values.** It is an HMAC-SHA256 under a key only the jobs that
 *   plan with credentials hold (`PLAN_FINGERPRINT_KEY`, a secret of the `plan-pr`, `plan` and
 *   `production` environments), so whoever reads a published fingerprint cannot test a guess of
 *   any value in the plan, sensitive or not.
 *
 * Left out, because apply does nothing with them: `resource_drift` (a drifted object that the plan
 * changes shows in its `before`; drift elsewhere, such as a refreshed etag, changes nothing
 * applied), the prior state, planned values, configuration, variables, checks, timestamps and
 * Terraform's version. The stack's name is part of what is hashed, so a fingerprint holds for one
 * stack only.
 */

/** The environment variable that holds the key. */
export const FINGERPRINT_KEY_VARIABLE = "PLAN_FINGERPRINT_KEY";
/** What is hashed starts with this: a fingerprint of another format never equals one of this. */
const FORMAT = "void-infra plan fingerprint 2";
const MIN_KEY_HEX_DIGITS = 64;
const KEY_EXPECTED = `at least ${MIN_KEY_HEX_DIGITS} hexadecimal digits, the key of the plan-pr, plan and production environments, as openssl rand -hex 32 prints one`;

/** The fingerprint key from the environment's value; a missing or short one is a UsageError. */
export function fingerprintKey(value: string | undefined): Buffer {
  const key = value?.trim() ?? "";
  if (key === "") throw new UsageError(`${FINGERPRINT_KEY_VARIABLE} is not set (expected ${KEY_EXPECTED})`);
  if (key.length < MIN_KEY_HEX_DIGITS || !/^(?:[0-9a-fA-F]{2})+$/.test(key))
    throw new UsageError(`${FINGERPRINT_KEY_VARIABLE} is not a key (expected ${KEY_EXPECTED})`);
  return Buffer.from(key, "hex");
}

/** The fingerprint of `planText` (a plan parsePlanJson accepted) of `stack`: 64 hex digits. */
export function planFingerprint(planText: string, stack: string, key: Buffer): string {
  return createHmac("sha256", key)
    .update(`${FORMAT}\n${stack}\n${fingerprintedChanges(planText)}`)
    .digest("hex");
}

/** The canonical text of everything the fingerprint covers. */
export function fingerprintedChanges(planText: string): string {
  const plan = asMap(parseExactJson(planText));
  const resources = asList(plan.get("resource_changes"))
    .filter((rc) => !isPureNoOp(asMap(rc)))
    .map(canonicalJson)
    .sort(compareText);
  const outputs = [...asMap(plan.get("output_changes"))]
    .filter(([, change]) => !isNoOp(asMap(change)))
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, change]) => `${JSON.stringify(name)}:${canonicalJson(change)}`);
  return `{"output_changes":{${outputs.join(",")}},"resource_changes":[${resources.join(",")}]}`;
}

/** A no-op that is not also a move, an import or a deposed object: the plan does nothing to it. */
function isPureNoOp(rc: Map<string, ExactJson>): boolean {
  const change = asMap(rc.get("change"));
  return (
    isNoOp(change) &&
    !rc.has("previous_address") &&
    !rc.has("deposed") &&
    (change.get("importing") ?? null) === null
  );
}

function isNoOp(change: Map<string, ExactJson>): boolean {
  const actions = asList(change.get("actions"));
  return actions.length === 1 && actions[0] === "no-op";
}

function asMap(value: ExactJson | undefined): Map<string, ExactJson> {
  return value instanceof Map ? value : new Map();
}

function asList(value: ExactJson | undefined): ExactJson[] {
  return Array.isArray(value) ? value : [];
}

import { STACK_NAME } from "../bot/plan-record";
import {
  PLAN_ACTIONS,
  type PlanAction,
  type PlanLine,
  type ResourceSummary,
  type StackSummary,
} from "./model";
import type { AttributeChange } from "./values";

/**
 * Reads back the summary `npm run plan-summary -- --format json` wrote (`renderJson`), as the plan
 * comment bot does with the artifact of a credentialed plan. The text is treated as untrusted: every
 * field must have exactly the type the summary gives it, actions and replacement orders are the
 * known ones, stack names are plain names, and each stack's counts agree with its resources.
 * Problems are an Error naming where (never quoting a value).
 */
export function parseSummaryJson(text: string): StackSummary[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("the plan summary is not JSON");
  }
  const root = object(data, "the plan summary");
  const stacks = list(root.stacks, "stacks");
  if (stacks.length === 0) throw new Error("stacks is an empty list (expected one summary per stack)");
  const summaries = stacks.map((s, i) => stackOf(s, `stacks[${i}]`));
  const names = summaries.map((s) => s.stack);
  if (new Set(names).size !== names.length) throw new Error("stacks names a stack twice");
  return summaries;
}

const REPLACE_ORDERS = ["destroy before create", "create before destroy"];

function stackOf(value: unknown, at: string): StackSummary {
  const s = object(value, at);
  const stack = string(s.stack, `${at}.stack`);
  if (!STACK_NAME.test(stack)) throw new Error(`${at}.stack is not a stack name`);
  const countsObject = object(s.counts, `${at}.counts`);
  const counts = Object.fromEntries(
    PLAN_ACTIONS.map((a) => {
      const n = countsObject[a];
      if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0)
        throw new Error(`${at}.counts.${a} is not a count`);
      return [a, n];
    }),
  ) as Record<PlanAction, number>;
  const resources = list(s.resources, `${at}.resources`).map((r, i) =>
    resourceOf(r, `${at}.resources[${i}]`),
  );
  for (const a of PLAN_ACTIONS) {
    if (resources.filter((r) => r.action === a).length !== counts[a])
      throw new Error(`${at}.counts.${a} does not match its resources`);
  }
  return {
    stack,
    source: string(s.source, `${at}.source`),
    terraformVersion: optionalString(s.terraformVersion, `${at}.terraformVersion`),
    errored: boolean(s.errored, `${at}.errored`),
    counts,
    resources,
    lines: list(s.lines, `${at}.lines`).map((l, i) => lineOf(l, stack, `${at}.lines[${i}]`)),
    drift: list(s.drift, `${at}.drift`).map((d, i) => string(d, `${at}.drift[${i}]`)),
    driftLines: list(s.driftLines, `${at}.driftLines`).map((l, i) =>
      lineOf(l, stack, `${at}.driftLines[${i}]`),
    ),
  };
}

/** A sentence, as the summary wrote it: of this stack, a known severity and action, text only. */
function lineOf(value: unknown, stack: string, at: string): PlanLine {
  const l = object(value, at);
  if (string(l.stack, `${at}.stack`) !== stack)
    throw new Error(`${at}.stack is not the stack it is listed under`);
  const severity = string(l.severity, `${at}.severity`);
  if (severity !== "warning" && severity !== "info") throw new Error(`${at}.severity is not warning or info`);
  const action = string(l.action, `${at}.action`);
  if (!(PLAN_ACTIONS as readonly string[]).includes(action))
    throw new Error(`${at}.action is not a plan action`);
  return {
    stack,
    severity,
    sensitive: boolean(l.sensitive, `${at}.sensitive`),
    action: action as PlanAction,
    text: string(l.text, `${at}.text`),
    ...(l.items !== undefined && {
      items: list(l.items, `${at}.items`).map((item, i) => string(item, `${at}.items[${i}]`)),
    }),
    addresses: list(l.addresses, `${at}.addresses`).map((a, i) => string(a, `${at}.addresses[${i}]`)),
  };
}

function resourceOf(value: unknown, at: string): ResourceSummary {
  const r = object(value, at);
  const action = string(r.action, `${at}.action`);
  if (!(PLAN_ACTIONS as readonly string[]).includes(action))
    throw new Error(`${at}.action is not a plan action`);
  const replaceOrder = optionalString(r.replaceOrder, `${at}.replaceOrder`);
  if (replaceOrder !== undefined && !REPLACE_ORDERS.includes(replaceOrder))
    throw new Error(`${at}.replaceOrder is not a replacement order`);
  return {
    address: string(r.address, `${at}.address`),
    action: action as PlanAction,
    reason: optionalString(r.reason, `${at}.reason`),
    replaceOrder: replaceOrder as ResourceSummary["replaceOrder"],
    forcedBy: list(r.forcedBy, `${at}.forcedBy`).map((p, i) => string(p, `${at}.forcedBy[${i}]`)),
    previousAddress: optionalString(r.previousAddress, `${at}.previousAddress`),
    importId: optionalString(r.importId, `${at}.importId`),
    alsoUpdates: boolean(r.alsoUpdates, `${at}.alsoUpdates`),
    changes: list(r.changes, `${at}.changes`).map((c, i) => changeOf(c, `${at}.changes[${i}]`)),
  };
}

function changeOf(value: unknown, at: string): AttributeChange {
  const c = object(value, at);
  return {
    path: string(c.path, `${at}.path`),
    before: optionalString(c.before, `${at}.before`),
    after: optionalString(c.after, `${at}.after`),
    forcesReplacement: boolean(c.forcesReplacement, `${at}.forcesReplacement`),
  };
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${at} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${at} is not a list`);
  return value;
}

function string(value: unknown, at: string): string {
  if (typeof value !== "string") throw new Error(`${at} is not a string`);
  return value;
}

function optionalString(value: unknown, at: string): string | undefined {
  return value === undefined ? undefined : string(value, at);
}

function boolean(value: unknown, at: string): boolean {
  if (typeof value !== "boolean") throw new Error(`${at} is not true or false`);
  return value;
}

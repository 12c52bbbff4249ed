import { isRecord } from "../../runtime/values";
import { type AttributeChange as SharedAttributeChange, UNKNOWN } from "../change/model";
import type { Change, JsonValue, PathStep } from "./plan-json";
import { SENSITIVE, SENSITIVE_KEY, Secrets } from "./secrets";

export { SENSITIVE } from "./secrets";
export { UNKNOWN };

/** One attribute leaf on one side of a change. */
interface Leaf {
  /** What to print: a JSON literal, SENSITIVE or UNKNOWN. */
  readonly text: string;
  readonly kind: "value" | "sensitive" | "unknown";
  /** Raw value for comparison only; never printed, so a masked value cannot leak. */
  readonly raw: string;
  /** Where the leaf sits in the value. */
  readonly steps: readonly PathStep[];
  /** Terraform marked it sensitive (rather than it holding a secret marked elsewhere). */
  readonly marked?: boolean;
}

/**
 * One changed (or, for creates and deletes, present) attribute of the shared model, and whether it
 * forces the replacement: what only a plan knows. Raw values never leave this module.
 */
export interface AttributeChange extends SharedAttributeChange {
  /** This attribute is one of the plan's `replace_paths`, or lies under one. */
  readonly forcesReplacement: boolean;
}

/**
 * `a.b[0]["odd key"]`, the way Terraform prints attribute paths. A key that holds one of `secrets`
 * prints as `[(sensitive key)]`.
 */
export function formatPath(steps: readonly PathStep[], secrets: Secrets = Secrets.NONE): string {
  return steps.map((step, i) => formatStep(step, i === 0, secrets)).join("");
}

function formatStep(step: PathStep, first: boolean, secrets: Secrets = Secrets.NONE): string {
  if (typeof step === "number") return `[${step}]`;
  if (secrets.contains(step)) return `[${SENSITIVE_KEY}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) return first ? step : `.${step}`;
  return `[${JSON.stringify(step)}]`;
}

/**
 * The attribute rows of a change: for updates and replacements the leaves that differ, for creates
 * and reads every known or unknown leaf of `after`, for deletes every leaf of `before`. Null and
 * absent leaves are left out of creates and deletes (they say nothing).
 */
export function attributeChanges(change: Change, secrets: Secrets = Secrets.NONE): AttributeChange[] {
  const before = leaves(change.before, change.before_sensitive, undefined, secrets);
  const after = leaves(change.after, change.after_sensitive, change.after_unknown, secrets);
  // A value that becomes unknown or masked as a whole is compared as a whole, not leaf by leaf.
  collapseUnder(after, before, change.before, secrets);
  collapseUnder(before, after, change.after, secrets);
  const forcing = (change.replace_paths ?? []).map((steps) => formatPath(steps));
  const forces = (path: string) => forcing.some((p) => path === p || isUnder(path, p));

  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const rows: AttributeChange[] = [];
  for (const path of paths) {
    const b = before.get(path);
    const a = after.get(path);
    const changed = b?.raw !== a?.raw || b?.kind !== a?.kind || a?.kind === "unknown";
    if (!changed) continue;
    const steps = b?.steps ?? a?.steps ?? [];
    // As Terraform does: a value marked sensitive on one side is masked on both.
    const hidden = b?.marked === true || a?.marked === true;
    const show = (leaf: Leaf | undefined) => (hidden && leaf?.kind === "value" ? SENSITIVE : leaf?.text);
    rows.push({
      path: formatPath(steps, secrets) || "(value)",
      before: show(b),
      after: show(a),
      forcesReplacement: forces(path),
    });
  }
  return rows;
}

function isUnder(path: string, parent: string): boolean {
  return path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/**
 * Where `whole` has an unknown or sensitive leaf at P but `parts` has leaves below P, replaces those
 * with one leaf for P: the subtree of `value` at P, masked if any part of it was.
 */
function collapseUnder(
  whole: Map<string, Leaf>,
  parts: Map<string, Leaf>,
  value: JsonValue | undefined,
  secrets: Secrets,
): void {
  // Each part by every path above it, so each lookup is one step (not a scan of all parts).
  const under = new Map<string, string[]>();
  for (const [path, leaf] of parts) {
    let ancestor = "";
    for (const [i, step] of leaf.steps.entries()) {
      const list = under.get(ancestor);
      if (list) list.push(path);
      else under.set(ancestor, [path]);
      ancestor += formatStep(step, i === 0);
    }
  }
  for (const [path, leaf] of whole) {
    if (leaf.kind === "value") continue;
    const below = (under.get(formatPath(leaf.steps)) ?? []).filter((p) => parts.has(p));
    if (below.length === 0) continue;
    const marked = leaf.marked === true || below.some((p) => parts.get(p)?.marked === true);
    const hidden = below.some((p) => parts.get(p)?.kind === "sensitive");
    for (const p of below) parts.delete(p);
    const subtree = valueAt(value, leaf.steps);
    const json = JSON.stringify(subtree ?? null);
    parts.set(
      path,
      marked || hidden || secrets.holds(subtree)
        ? masked(subtree, leaf.steps, marked)
        : literal(json, leaf.steps),
    );
  }
}

function valueAt(value: JsonValue | undefined, steps: readonly PathStep[]): JsonValue | undefined {
  let node = value;
  for (const step of steps) {
    if (typeof step === "number") node = Array.isArray(node) ? node[step] : undefined;
    else node = isRecord<JsonValue>(node) ? node[step] : undefined;
  }
  return node;
}

const masked = (value: JsonValue | undefined, steps: readonly PathStep[], marked = false): Leaf => ({
  text: SENSITIVE,
  kind: "sensitive",
  raw: `sensitive:${JSON.stringify(value ?? null)}`,
  steps,
  marked,
});
const literal = (json: string, steps: readonly PathStep[]): Leaf => ({
  text: json,
  kind: "value",
  raw: json,
  steps,
});
const unknownLeaf = (steps: readonly PathStep[]): Leaf => ({
  text: UNKNOWN,
  kind: "unknown",
  raw: "unknown",
  steps,
});

/** Flattens a value into printable leaves keyed by path, applying sensitive and unknown marks. */
function leaves(
  value: JsonValue | undefined,
  sensitive: JsonValue | undefined,
  unknown: JsonValue | undefined,
  secrets: Secrets,
): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (
    v: JsonValue | undefined,
    s: JsonValue | undefined,
    u: JsonValue | undefined,
    path: PathStep[],
  ) => {
    const key = formatPath(path) || "(value)";
    if (s === true) return void out.set(key, masked(v, path, true));
    if (u === true) return void out.set(key, unknownLeaf(path));
    // A list of plain values reads best whole (["bob","dave"]) unless some element is marked.
    if (Array.isArray(v) && v.every(isPlain) && !hasTrueMark(s) && !hasTrueMark(u)) {
      const json = JSON.stringify(v);
      return void out.set(key, secrets.holds(v) ? masked(v, path) : literal(json, path));
    }
    if (Array.isArray(v) || Array.isArray(u)) {
      const list = Array.isArray(v) ? v : [];
      const length = Math.max(list.length, Array.isArray(u) ? u.length : 0);
      if (length === 0) out.set(key, literal("[]", path));
      for (let i = 0; i < length; i++) walk(list[i], childMark(s, i), childMark(u, i), [...path, i]);
      return;
    }
    if (isRecord<JsonValue>(v) || isRecord<JsonValue>(u)) {
      const object = isRecord<JsonValue>(v) ? v : {};
      const unknownKeys = isRecord<JsonValue>(u) ? Object.keys(u).filter((k) => hasTrueMark(u[k])) : [];
      const keys = [...new Set([...Object.keys(object), ...unknownKeys])];
      if (keys.length === 0 && path.length > 0) out.set(key, literal("{}", path));
      for (const k of keys) {
        // A key that holds a secret masks the whole value under it (and prints masked itself).
        if (secrets.contains(k)) out.set(formatPath([...path, k]), masked(object[k], [...path, k]));
        else walk(object[k], childMark(s, k), childMark(u, k), [...path, k]);
      }
      return;
    }
    if (v === undefined || v === null) return;
    out.set(key, secrets.holds(v) ? masked(v, path) : literal(JSON.stringify(v), path));
  };
  walk(value, sensitive, unknown, []);
  return out;
}

function childMark(marks: JsonValue | undefined, step: PathStep): JsonValue | undefined {
  if (marks === true) return true;
  if (typeof step === "number") return Array.isArray(marks) ? marks[step] : undefined;
  return isRecord<JsonValue>(marks) ? marks[step] : undefined;
}

/** True if any node of a mark tree is `true`. */
function hasTrueMark(marks: JsonValue | undefined): boolean {
  if (marks === true) return true;
  if (Array.isArray(marks)) return marks.some(hasTrueMark);
  if (isRecord<JsonValue>(marks)) return Object.values(marks).some(hasTrueMark);
  return false;
}

function isPlain(value: JsonValue): boolean {
  return value === null || typeof value !== "object";
}

import { isRecord } from "../../runtime/values";
import type { Change, JsonValue, PathStep } from "./plan-json";

/** How Terraform itself prints a masked value and a value computed during apply. */
export const SENSITIVE = "(sensitive value)";
export const UNKNOWN = "(known after apply)";

/** One attribute leaf on one side of a change. */
interface Leaf {
  /** What to print: a JSON literal, SENSITIVE or UNKNOWN. */
  readonly text: string;
  readonly kind: "value" | "sensitive" | "unknown";
  /** Raw value for comparison only; never printed, so a masked value cannot leak. */
  readonly raw: string;
  /** Where the leaf sits in the value. */
  readonly steps: readonly PathStep[];
}

/**
 * One changed (or, for creates and deletes, present) attribute: before → after, as printable text
 * (a JSON literal, SENSITIVE or UNKNOWN). Raw values never leave this module.
 */
export interface AttributeChange {
  readonly path: string;
  /** Undefined when the attribute is absent or null on that side. */
  readonly before?: string;
  readonly after?: string;
  /** This attribute is one of the plan's `replace_paths`, or lies under one. */
  readonly forcesReplacement: boolean;
}

/** `a.b[0]["odd key"]`, the way Terraform prints attribute paths. */
export function formatPath(steps: readonly PathStep[]): string {
  return steps
    .map((step, i) => {
      if (typeof step === "number") return `[${step}]`;
      if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) return i === 0 ? step : `.${step}`;
      return `[${JSON.stringify(step)}]`;
    })
    .join("");
}

/**
 * Every string Terraform marked sensitive anywhere in `changes`. Providers do not always carry the
 * mark over to attributes derived from a sensitive one (terraform_data's `output` mirrors its
 * `input`), so such copies are masked too: stricter than Terraform, never looser.
 */
export function sensitiveStrings(changes: readonly Change[]): Set<string> {
  const found = new Set<string>();
  const collect = (value: JsonValue | undefined, marks: JsonValue | undefined, inside: boolean): void => {
    const masked = inside || marks === true;
    if (typeof value === "string") {
      if (masked && value.length > 0) found.add(value);
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) collect(v, childMark(marks, i), masked);
    } else if (isRecord<JsonValue>(value)) {
      for (const [k, v] of Object.entries(value)) collect(v, childMark(marks, k), masked);
    }
  };
  for (const change of changes) {
    collect(change.before, change.before_sensitive, false);
    collect(change.after, change.after_sensitive, false);
  }
  return found;
}

/**
 * The attribute rows of a change: for updates and replacements the leaves that differ, for creates
 * and reads every known or unknown leaf of `after`, for deletes every leaf of `before`. Null and
 * absent leaves are left out of creates and deletes (they say nothing).
 */
export function attributeChanges(change: Change, secrets: ReadonlySet<string>): AttributeChange[] {
  const before = leaves(change.before, change.before_sensitive, undefined, secrets);
  const after = leaves(change.after, change.after_sensitive, change.after_unknown, secrets);
  // A value that becomes unknown or masked as a whole is compared as a whole, not leaf by leaf.
  collapseUnder(after, before, change.before, secrets);
  collapseUnder(before, after, change.after, secrets);
  const forcing = (change.replace_paths ?? []).map(formatPath);
  const forces = (path: string) => forcing.some((p) => path === p || isUnder(path, p));

  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const rows: AttributeChange[] = [];
  for (const path of paths) {
    const b = before.get(path);
    const a = after.get(path);
    const changed = b?.raw !== a?.raw || b?.kind !== a?.kind || a?.kind === "unknown";
    if (!changed) continue;
    rows.push({ path, before: b?.text, after: a?.text, forcesReplacement: forces(path) });
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
  secrets: ReadonlySet<string>,
): void {
  for (const [path, leaf] of whole) {
    if (leaf.kind === "value") continue;
    const below = [...parts.keys()].filter((p) => isUnder(p, path));
    if (below.length === 0) continue;
    const hidden = below.some((p) => parts.get(p)?.kind === "sensitive");
    for (const p of below) parts.delete(p);
    const subtree = valueAt(value, leaf.steps);
    const json = JSON.stringify(subtree ?? null);
    parts.set(
      path,
      hidden || containsSecret(subtree, secrets) ? masked(subtree, leaf.steps) : literal(json, leaf.steps),
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

function containsSecret(value: JsonValue | undefined, secrets: ReadonlySet<string>): boolean {
  if (typeof value === "string") return secrets.has(value);
  if (Array.isArray(value)) return value.some((v) => containsSecret(v, secrets));
  if (isRecord<JsonValue>(value)) return Object.values(value).some((v) => containsSecret(v, secrets));
  return false;
}

const masked = (value: JsonValue | undefined, steps: readonly PathStep[]): Leaf => ({
  text: SENSITIVE,
  kind: "sensitive",
  raw: `sensitive:${JSON.stringify(value ?? null)}`,
  steps,
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
  secrets: ReadonlySet<string>,
): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (
    v: JsonValue | undefined,
    s: JsonValue | undefined,
    u: JsonValue | undefined,
    path: PathStep[],
  ) => {
    const key = formatPath(path) || "(value)";
    if (s === true) return void out.set(key, masked(v, path));
    if (u === true) return void out.set(key, unknownLeaf(path));
    // A list of plain values reads best whole (["bob","dave"]) unless some element is marked.
    if (Array.isArray(v) && v.every(isPlain) && !hasTrueMark(s) && !hasTrueMark(u)) {
      const json = JSON.stringify(v);
      return void out.set(key, containsSecret(v, secrets) ? masked(v, path) : literal(json, path));
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
      for (const k of keys) walk(object[k], childMark(s, k), childMark(u, k), [...path, k]);
      return;
    }
    if (v === undefined || v === null) return;
    out.set(key, containsSecret(v, secrets) ? masked(v, path) : literal(JSON.stringify(v), path));
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

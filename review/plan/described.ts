import { isRecord } from "../../runtime/values";
import type { OutputView } from "../change/describers/shared";
import { type Body, SENSITIVE, UNKNOWN } from "../change/model";
import type { JsonValue, PlanJson } from "./plan-json";
import type { Secrets } from "./secrets";

/**
 * A plan's objects as the shared describers read them. Two things differ from a synthesized stack,
 * and are undone here so that both say the same sentences:
 *
 * - **Masked.** Every value Terraform marks sensitive, or that holds a secret however encoded, is
 *   {@link SENSITIVE}; a value known only after apply is {@link UNKNOWN}. No describer ever sees a
 *   raw secret, so no sentence can print one.
 * - **References, not ids.** Where the configuration wrote a reference (`team_id =
 *   github_team.team_core.id`), a plan holds its value (`"4242"`). Such an attribute reads as the
 *   reference again (`${github_team.team_core.id}`) when the configuration's `references` name the
 *   object and its value is that object's, or not yet known; an object the configuration no longer
 *   has refers by the id of exactly one other object of the prior state. So a sentence names the
 *   team, not its number.
 */

/** Both sides of one stack's plan: the prior state (before) and the planned values (after). */
export interface PlanSides {
  readonly base: OutputView;
  readonly head: OutputView;
  /** The body of a change's side, masked, with references restored. */
  describe(address: string, side: "base" | "head", value: unknown, marks: unknown, unknown?: unknown): Body;
  /** The attributes the configuration sets on the object at `address`; undefined when it has no entry. */
  configured(address: string): ReadonlySet<string> | undefined;
}

/** One object of `prior_state` or `planned_values`. */
interface StateObject {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
  readonly sensitive: unknown;
}

/**
 * Per configured object, each attribute the configuration sets, with the first reference that
 * names another managed object (or none, for a constant).
 */
type References = ReadonlyMap<string, ReadonlyMap<string, string | undefined>>;

export function planSides(plan: PlanJson, secrets: Secrets): PlanSides {
  const references = configuredReferences(plan.configuration);
  const sides = {
    base: objectsOf(isRecord(plan.prior_state) ? plan.prior_state.values : undefined),
    head: objectsOf(plan.planned_values),
  };
  const ids = { base: idsOf(sides.base), head: idsOf(sides.head) };
  const describe: PlanSides["describe"] = (address, side, value, marks, unknown) => {
    const masked = mask(value, marks, unknown, secrets);
    if (!isRecord(masked)) return {};
    const own = references.get(configAddress(address));
    const restored: Record<string, unknown> = { ...masked };
    for (const [attribute, current] of Object.entries(masked)) {
      const reference = own?.get(attribute) ?? (own ? undefined : byId(current, address, ids[side]));
      if (reference === undefined) continue;
      const target = valueAt(sides[side], reference);
      if (
        current === UNKNOWN ||
        (target !== undefined && sameValue(current, mask(target, undefined, undefined, secrets)))
      )
        restored[attribute] = `\${${reference}}`;
    }
    return restored;
  };
  const view = (side: "base" | "head"): OutputView => {
    const described = new Map<string, Body>();
    const bodyOf = (o: StateObject) => {
      const known = described.get(o.address);
      if (known) return known;
      const body = describe(o.address, side, o.values, o.sensitive);
      described.set(o.address, body);
      return body;
    };
    return {
      resource: (address) => {
        const o = sides[side].get(address);
        return o && bodyOf(o);
      },
      resourcesOf: (type) => [...sides[side].values()].filter((o) => o.type === type).map(bodyOf),
    };
  };
  const configured = (address: string) => {
    const own = references.get(configAddress(address));
    return own && new Set(own.keys());
  };
  return { base: view("base"), head: view("head"), describe, configured };
}

/** `module.x.type.name[key]` → `module.x.type.name`: the configuration holds one entry per block. */
const configAddress = (address: string) => address.replace(/\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\]/g, "");

/** Objects whose addresses are not references (`var.x`, `each.key`) or are not of this module. */
const NOT_OBJECTS = /^(var|local|each|count|path|terraform|self|module|data)\./;

function configuredReferences(configuration: unknown): References {
  const found = new Map<string, Map<string, string | undefined>>();
  const walk = (module: unknown, prefix: string) => {
    if (!isRecord(module)) return;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (!isRecord(resource) || typeof resource.address !== "string" || !isRecord(resource.expressions))
        continue;
      const attributes = new Map<string, string | undefined>();
      for (const [attribute, expression] of Object.entries(resource.expressions)) {
        const list =
          isRecord(expression) && Array.isArray(expression.references) ? expression.references : [];
        const first = list.find((r): r is string => typeof r === "string");
        const names = first && !NOT_OBJECTS.test(first) && /^[^.]+\.[^.]+\.[^.]/.test(first);
        attributes.set(attribute, names ? `${prefix}${first}` : undefined);
      }
      found.set(`${prefix}${resource.address}`, attributes);
    }
    if (isRecord(module.module_calls))
      for (const [name, call] of Object.entries(module.module_calls))
        if (isRecord(call)) walk(call.module, `${prefix}module.${name}.`);
  };
  walk(isRecord(configuration) ? configuration.root_module : undefined, "");
  return found;
}

/** Every object of a values document (`planned_values`, `prior_state.values`), by address. */
function objectsOf(values: unknown): Map<string, StateObject> {
  const objects = new Map<string, StateObject>();
  const walk = (module: unknown) => {
    if (!isRecord(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (!isRecord(r) || typeof r.address !== "string" || r.mode === "data") continue;
      objects.set(r.address, {
        address: r.address,
        type: typeof r.type === "string" ? r.type : "",
        values: isRecord(r.values) ? r.values : {},
        sensitive: r.sensitive_values,
      });
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) walk(child);
  };
  walk(isRecord(values) ? values.root_module : undefined);
  return objects;
}

/** Objects by their `id`, for objects the configuration no longer names. */
function idsOf(objects: ReadonlyMap<string, StateObject>): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const o of objects.values())
    if (typeof o.values.id === "string" && o.values.id !== "") {
      const same = ids.get(o.values.id);
      if (same) same.push(o.address);
      else ids.set(o.values.id, [o.address]);
    }
  return ids;
}

/** `${address}.id` when `value` is the id of exactly one other object. */
function byId(value: unknown, self: string, ids: Map<string, string[]>): string | undefined {
  if (typeof value !== "string") return undefined;
  const owners = (ids.get(value) ?? []).filter((a) => a !== self);
  return owners.length === 1 ? `${owners[0]}.id` : undefined;
}

/** `module.m.type.name["key"]` and the attribute path after it. */
const OBJECT_AND_PATH =
  /^((?:module\.[A-Za-z0-9_-]+\.)*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[(?:"(?:[^"\\]|\\.)*"|[0-9]+)\])?)\.(.+)$/;

/** The value at `type.name.path.to` on one side, or undefined. */
function valueAt(objects: ReadonlyMap<string, StateObject>, reference: string): unknown {
  const [, address, path] = OBJECT_AND_PATH.exec(reference) ?? [];
  const object = address === undefined ? undefined : objects.get(address);
  let node: unknown = object?.values;
  for (const step of path?.split(".") ?? []) node = isRecord(node) ? node[step] : undefined;
  return object ? node : undefined;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * `value` with every marked leaf {@link SENSITIVE}, every leaf or key holding a secret masked too
 * (a key as `(sensitive key)`, with its whole value), and every unknown leaf {@link UNKNOWN}.
 */
function mask(value: unknown, marks: unknown, unknown: unknown, secrets: Secrets): unknown {
  if (marks === true) return SENSITIVE;
  if (unknown === true) return UNKNOWN;
  if (Array.isArray(value) || Array.isArray(unknown)) {
    const list = Array.isArray(value) ? value : [];
    const length = Math.max(list.length, Array.isArray(unknown) ? unknown.length : 0);
    return Array.from({ length }, (_, i) => mask(list[i], child(marks, i), child(unknown, i), secrets));
  }
  if (isRecord(value) || isRecord(unknown)) {
    const object = isRecord(value) ? value : {};
    const keys = new Set([...Object.keys(object), ...Object.keys(isRecord(unknown) ? unknown : {})]);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (secrets.contains(key)) out["(sensitive key)"] = SENSITIVE;
      else if (object[key] !== undefined || child(unknown, key) === true)
        out[key] = mask(object[key], child(marks, key), child(unknown, key), secrets);
    }
    return out;
  }
  if (typeof value === "string" || typeof value === "number")
    return secrets.contains(String(value)) ? SENSITIVE : value;
  return value;
}

function child(marks: unknown, step: string | number): unknown {
  if (marks === true) return true;
  if (typeof step === "number") return Array.isArray(marks) ? (marks as JsonValue[])[step] : undefined;
  return isRecord(marks) ? marks[step] : undefined;
}

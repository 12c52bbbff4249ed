import { DataError } from "../../runtime/diagnostics";
import { parseInputJson } from "../../runtime/input-file";
import { isRecord, shorten } from "../../runtime/values";

/**
 * The parts of Terraform's machine-readable plan (`terraform show -json <planfile>`, format 1.x)
 * the summary reads. Reference: https://developer.hashicorp.com/terraform/internals/json-format
 */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  /** Changes made outside Terraform since the last apply, detected during refresh. */
  readonly resource_drift?: readonly ResourceChange[];
  readonly errored?: boolean;
  readonly complete?: boolean;
  /** Read only for the values they mark sensitive; see secrets.ts. */
  readonly output_changes?: { readonly [name: string]: Change };
  readonly planned_values?: unknown;
  readonly prior_state?: unknown;
  readonly variables?: unknown;
  readonly configuration?: unknown;
}

export interface ResourceChange {
  readonly address: string;
  /** Set when a `moved` block (or a rename) gave the object a new address. */
  readonly previous_address?: string;
  readonly mode: "managed" | "data";
  readonly type: string;
  readonly name: string;
  /** Set for a deposed object of a create-before-destroy replacement. */
  readonly deposed?: string;
  readonly change: Change;
  readonly action_reason?: string;
}

/** A value in the plan, or a mark tree shadowing one (`true` marks the whole subtree). */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** One step of an attribute path: attribute or map key, or list index. */
export type PathStep = string | number;

export interface Change {
  readonly actions: readonly string[];
  readonly before?: JsonValue;
  readonly after?: JsonValue;
  readonly after_unknown?: JsonValue;
  readonly before_sensitive?: JsonValue;
  readonly after_sensitive?: JsonValue;
  /** Attribute paths whose change forces the replacement. */
  readonly replace_paths?: readonly (readonly PathStep[])[];
  /** Present when the change imports an existing object (Terraform 1.5+ `import` blocks). */
  readonly importing?: { readonly id?: string };
}

const SUPPORTED_MAJOR = "1";

/**
 * Parses plan JSON text (already read through the safe reader) and checks its shape: every part
 * the summary reads, and every part it collects sensitive values from, must have the type
 * Terraform gives it. The first problem found is reported as one DataError against `file`,
 * `<file>: (file): <where> is <what> (expected <what>)`; values are never quoted in it.
 */
export function parsePlanJson(text: string, file: string): PlanJson {
  const data = parseInputJson(text, file);
  try {
    checkPlan(data);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    throw new DataError([
      { file, line: 0, col: 0, field: "(file)", message: error.message, severity: "error" },
    ]);
  }
  return data as PlanJson;
}

/** A shape problem; becomes the one diagnostic of its file. */
class Malformed extends Error {}

function fail(where: string, value: unknown, expected: string): never {
  throw new Malformed(`${where} is ${describe(value)} (expected ${expected})`);
}

/** What a value is, in words, without quoting it (it may be a secret). */
function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  if (typeof value === "boolean") return value ? "true" : "false";
  return `a ${typeof value}`;
}

/** `where.key`, or `where["odd key"]` (shortened) for keys that are not plain names. */
function at(where: string, key: string | number): string {
  if (typeof key === "number") return `${where}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(key)) return where ? `${where}.${key}` : key;
  return `${where}[${JSON.stringify(shorten(key, 40))}]`;
}

function checkPlan(data: unknown): void {
  if (!isRecord(data) || !("planned_values" in data || "resource_changes" in data))
    throw new Malformed("is not a Terraform plan (expected the output of terraform show -json <planfile>)");
  const version = data.format_version;
  if (typeof version !== "string") fail("format_version", version, 'a version string such as "1.2"');
  if (version.split(".")[0] !== SUPPORTED_MAJOR) {
    const shown = /^[0-9][0-9.]{0,15}$/.test(version) ? version : "an unknown version";
    throw new Malformed(
      `format_version is ${shown} (expected ${SUPPORTED_MAJOR}.x, the format of Terraform 1.x)`,
    );
  }
  optional(data, "", "terraform_version", "string", "a version string");
  for (const key of ["errored", "complete", "applyable"]) optional(data, "", key, "boolean", "true or false");
  for (const key of ["resource_changes", "resource_drift"]) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(key, list, "a list of resource changes");
    for (const [i, rc] of list.entries()) checkResourceChange(rc, at(key, i));
  }
  if (data.output_changes !== undefined) {
    const changes = record(data.output_changes, "output_changes", "an object of output changes");
    for (const [name, change] of Object.entries(changes)) checkChange(change, at("output_changes", name));
  }
  if (data.planned_values !== undefined) checkValues(data.planned_values, "planned_values");
  if (data.prior_state !== undefined) {
    const state = record(data.prior_state, "prior_state", "a state object");
    if (state.values !== undefined) checkValues(state.values, "prior_state.values");
  }
  if (data.variables !== undefined) {
    const variables = record(data.variables, "variables", "an object of input variables");
    for (const [name, variable] of Object.entries(variables))
      record(variable, at("variables", name), "an object with the variable's value");
  }
  if (data.configuration !== undefined) {
    const configuration = record(data.configuration, "configuration", "an object");
    if (configuration.root_module !== undefined)
      checkModuleConfig(configuration.root_module, "configuration.root_module");
  }
}

function checkResourceChange(rc: unknown, where: string): void {
  const object = record(rc, where, "a resource change object");
  if (typeof object.address !== "string") fail(at(where, "address"), object.address, "a resource address");
  if (object.mode !== "managed" && object.mode !== "data")
    fail(at(where, "mode"), object.mode, '"managed" or "data"');
  for (const key of ["type", "name"]) {
    if (typeof object[key] !== "string") fail(at(where, key), object[key], "a string");
  }
  for (const key of ["previous_address", "deposed", "action_reason"])
    optional(object, where, key, "string", "a string");
  const change = at(where, "change");
  if (object.change === undefined) fail(change, undefined, "an object with the planned actions");
  checkChange(object.change, change);
}

function checkChange(value: unknown, where: string): void {
  const change = record(value, where, "an object with the planned actions");
  const actions = change.actions;
  if (!Array.isArray(actions) || actions.length === 0)
    fail(at(where, "actions"), actions, 'a list of action names such as ["create"]');
  actions.forEach((action, i) => {
    if (typeof action !== "string" || action === "")
      fail(at(at(where, "actions"), i), action, 'an action name such as "create"');
  });
  for (const key of ["after_unknown", "before_sensitive", "after_sensitive"]) {
    if (change[key] !== undefined) checkMarks(change[key], at(where, key));
  }
  if (change.replace_paths !== undefined) {
    const paths = change.replace_paths;
    const field = at(where, "replace_paths");
    if (!Array.isArray(paths)) fail(field, paths, "a list of attribute paths");
    paths.forEach((path, i) => {
      if (!Array.isArray(path) || path.length === 0)
        fail(at(field, i), path, "an attribute path: a list of attribute names and list indices");
      path.forEach((step, j) => {
        const isIndex = typeof step === "number" && Number.isSafeInteger(step) && step >= 0;
        if (typeof step !== "string" && !isIndex)
          fail(at(at(field, i), j), step, "an attribute name or a list index");
      });
    });
  }
  if (change.importing !== undefined) {
    const importing = record(change.importing, at(where, "importing"), "an object");
    optional(importing, at(where, "importing"), "id", "string", "a string");
  }
}

/** A mark tree: `true`/`false`, or a list or object of mark trees shadowing a value. */
function checkMarks(marks: unknown, where: string): void {
  if (typeof marks === "boolean") return;
  if (Array.isArray(marks)) for (const [i, m] of marks.entries()) checkMarks(m, at(where, i));
  else if (isRecord(marks)) for (const [key, m] of Object.entries(marks)) checkMarks(m, at(where, key));
  else fail(where, marks, "true, false, or a list or object of those");
}

/** `planned_values` and `prior_state.values`: outputs and the module tree. */
function checkValues(value: unknown, where: string): void {
  const values = record(value, where, "an object with outputs and root_module");
  if (values.outputs !== undefined) {
    const outputs = record(values.outputs, at(where, "outputs"), "an object of outputs");
    for (const [name, output] of Object.entries(outputs)) {
      const o = record(output, at(at(where, "outputs"), name), "an output object");
      optional(o, at(at(where, "outputs"), name), "sensitive", "boolean", "true or false");
    }
  }
  if (values.root_module !== undefined) checkModule(values.root_module, at(where, "root_module"));
}

function checkModule(value: unknown, where: string): void {
  const module = record(value, where, "a module object");
  if (module.resources !== undefined) {
    const resources = module.resources;
    if (!Array.isArray(resources)) fail(at(where, "resources"), resources, "a list of resources");
    resources.forEach((r, i) => {
      const resource = record(r, at(at(where, "resources"), i), "a resource object");
      const here = at(at(where, "resources"), i);
      if (typeof resource.address !== "string")
        fail(at(here, "address"), resource.address, "a resource address");
      if (resource.values !== undefined)
        record(resource.values, at(here, "values"), "an object of attribute values");
      if (resource.sensitive_values !== undefined)
        checkMarks(resource.sensitive_values, at(here, "sensitive_values"));
    });
  }
  if (module.child_modules !== undefined) {
    const children = module.child_modules;
    if (!Array.isArray(children)) fail(at(where, "child_modules"), children, "a list of modules");
    for (const [i, child] of children.entries()) checkModule(child, at(at(where, "child_modules"), i));
  }
}

function checkModuleConfig(value: unknown, where: string): void {
  const module = record(value, where, "a module configuration object");
  if (module.variables !== undefined) {
    const variables = record(module.variables, at(where, "variables"), "an object of variable declarations");
    for (const [name, variable] of Object.entries(variables)) {
      const v = record(variable, at(at(where, "variables"), name), "a variable declaration");
      optional(v, at(at(where, "variables"), name), "sensitive", "boolean", "true or false");
    }
  }
  if (module.module_calls !== undefined) {
    const calls = record(module.module_calls, at(where, "module_calls"), "an object of module calls");
    for (const [name, call] of Object.entries(calls)) {
      const c = record(call, at(at(where, "module_calls"), name), "a module call object");
      if (c.module !== undefined)
        checkModuleConfig(c.module, at(at(at(where, "module_calls"), name), "module"));
    }
  }
}

function record(value: unknown, where: string, expected: string): Record<string, unknown> {
  if (!isRecord(value)) fail(where, value, expected);
  return value;
}

function optional(
  object: Record<string, unknown>,
  where: string,
  key: string,
  type: "string" | "boolean",
  expected: string,
): void {
  const value = object[key];
  if (value !== undefined && typeof value !== type) fail(at(where, key), value, expected);
}

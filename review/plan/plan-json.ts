import { DataError, type Diagnostic } from "../../runtime/diagnostics";
import { isRecord } from "../../runtime/values";

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
 * Parses plan JSON text, reporting every problem as a Diagnostic against `file`: invalid JSON (with
 * its line and column), a document that is not a plan, an unsupported format version, and
 * malformed resource changes.
 */
export function parsePlanJson(text: string, file: string): PlanJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { message } = error as Error;
    const { line, col } = jsonErrorPosition(text, message);
    // Node versions word the position differently; line:col is reported in the diagnostic instead.
    const what = message.replace(/ in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "");
    throw new DataError([
      problem(
        file,
        line,
        col,
        "(file)",
        `is not valid JSON: ${what} (expected the output of terraform show -json)`,
      ),
    ]);
  }
  const diagnostics: Diagnostic[] = [];
  if (
    !isRecord(data) ||
    typeof data.format_version !== "string" ||
    !("planned_values" in data || "resource_changes" in data)
  ) {
    throw new DataError([
      problem(
        file,
        0,
        0,
        "(file)",
        "is not a Terraform plan (expected the output of terraform show -json <planfile>)",
      ),
    ]);
  }
  if (data.format_version.split(".")[0] !== SUPPORTED_MAJOR) {
    diagnostics.push(
      problem(
        file,
        0,
        0,
        "format_version",
        `is ${data.format_version} (expected ${SUPPORTED_MAJOR}.x, the format of Terraform 1.x)`,
      ),
    );
  }
  for (const key of ["resource_changes", "resource_drift"] as const) {
    const list = data[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      diagnostics.push(problem(file, 0, 0, key, "is not a list (expected an array of resource changes)"));
      continue;
    }
    list.forEach((rc, i) => {
      const field = `${key}[${i}]`;
      if (!isRecord(rc) || typeof rc.address !== "string") {
        diagnostics.push(problem(file, 0, 0, field, "has no address (expected a resource change object)"));
      } else if (!isRecord(rc.change) || !Array.isArray(rc.change.actions)) {
        diagnostics.push(
          problem(
            file,
            0,
            0,
            `${field}.change.actions`,
            `is missing for ${rc.address} (expected a list of actions)`,
          ),
        );
      }
    });
  }
  if (diagnostics.length > 0) throw new DataError(diagnostics);
  return data as unknown as PlanJson;
}

function problem(file: string, line: number, col: number, field: string, message: string): Diagnostic {
  return { file, line, col, field, message, severity: "error" };
}

/** Node reports JSON syntax errors by character offset ("at position N"); editors want line:col. */
function jsonErrorPosition(text: string, message: string): { line: number; col: number } {
  const offset = Number(message.match(/position (\d+)/)?.[1]);
  if (!Number.isFinite(offset)) return { line: 0, col: 0 };
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - before.lastIndexOf("\n") };
}

/**
 * The one place that turns DNS names into canonical forms. Every other file asks here; none
 * normalizes a name itself.
 *
 * Canonical forms:
 * - zone name: lower case, no trailing dot (`example.org`);
 * - record name: relative to the zone, lower case, `@` for the apex (`www`, `*.s`, `@`);
 * - target (CNAME/MX/SRV value): absolute with a trailing dot (`host.example.org.`).
 */
import { createHash } from "node:crypto";
import { Token } from "../cdktf";
import { logicalId } from "../terraform/logical-id";
import type { RecordSet } from "./backend";
import type { DnsRecord } from "./record";

// In a file of their own, free of the CDK runtime, for commands that bundle no cdktf (the inventory).
export { absoluteName, withoutTrailingDot } from "./absolute-name";

/** A name that resolved, or the rule it broke. */
export type NameResult = { readonly name: string } | { readonly problem: string };

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;
const MAX_NAME_LENGTH = 253;

/** `example.org.` / `Example.org` → `example.org`; the problem when it is not a domain name. */
export function canonicalZoneName(zoneName: string): NameResult {
  const name = zoneName.toLowerCase().replace(/\.$/, "");
  const bad = name.split(".").find((label) => !LABEL.test(label));
  if (name === "" || bad !== undefined) {
    return {
      problem: `zone name "${zoneName}" is not a domain name (expected labels of letters, digits, "-", "_")`,
    };
  }
  return { name };
}

/**
 * Converts a record name to its zone-relative form. Accepted inputs: `@` (apex), a relative name
 * (`www`, `web1.hosts`), an absolute name with a trailing dot (`www.example.org.`), or a name that
 * already ends with the zone name (`www.example.org`, treated as absolute, as aws-cdk does, so a
 * forgotten trailing dot cannot silently create `www.example.org.example.org`).
 */
export function relativeName(zoneName: string, name: string): NameResult {
  const lower = name.toLowerCase();
  if (lower === "") return { problem: `record name is empty (expected "@" for the apex or a relative name)` };
  if (/\s/.test(lower)) return { problem: `record name "${name}" contains whitespace` };
  let relative: string;
  if (lower === "@" || lower === zoneName || lower === `${zoneName}.`) {
    relative = "@";
  } else if (lower.endsWith(`.${zoneName}.`)) {
    relative = lower.slice(0, -(zoneName.length + 2));
  } else if (lower.endsWith(".")) {
    return {
      problem: `record name "${name}" is outside the zone ${zoneName} (expected a name ending in .${zoneName}.)`,
    };
  } else if (lower.endsWith(`.${zoneName}`)) {
    relative = lower.slice(0, -(zoneName.length + 1));
  } else {
    relative = lower;
  }
  if (relative === "@") return { name: relative };
  const labels = relative.split(".");
  for (const [i, label] of labels.entries()) {
    if (label === "*" && i === 0) continue;
    if (!LABEL.test(label)) {
      return {
        problem: `record name "${name}" has an invalid label "${label}" (expected 1-63 letters, digits, "-" or "_", or "*" as the first label)`,
      };
    }
  }
  if (relative.length + zoneName.length + 1 > MAX_NAME_LENGTH) {
    return { problem: `record name "${name}" is longer than ${MAX_NAME_LENGTH} characters in full` };
  }
  return { name: relative };
}

/**
 * Checks a record target (CNAME, MX, SRV): absolute, trailing dot, valid labels. Unresolved tokens
 * (e.g. an attribute of another resource) are accepted as they are.
 */
export function targetProblem(target: string): string | undefined {
  if (Token.isUnresolved(target)) return undefined;
  if (!target.endsWith(".")) {
    return `target "${target}" is not absolute (expected a fully qualified name with a trailing dot, e.g. "${target}.")`;
  }
  const labels = target.toLowerCase().slice(0, -1).split(".");
  if (labels.some((label) => !LABEL.test(label))) {
    return `target "${target}" is not a valid domain name (expected labels of letters, digits, "-", "_")`;
  }
  return undefined;
}

/** Whether `name` (relative) lies under `parent` (relative, `@` for the apex) by exactly one label. */
export function isDirectChild(name: string, parent: string): boolean {
  if (name === "@") return false;
  const labels = name.split(".");
  const parentOfName = labels.slice(1).join(".") || "@";
  return parentOfName === parent;
}

/**
 * A Terraform logical id built from DNS data: lower case, `@` spelled `apex` and `*` spelled
 * `wildcard`, then sanitized by the shared {@link logicalId} rule.
 */
export function terraformId(...parts: readonly string[]): string {
  return logicalId(
    ...parts.map((part) => (part === "@" ? "apex" : part.toLowerCase().replace(/\*/g, "wildcard"))),
  );
}

/** The logical id of a set's resource (providers with record sets): `<prefix>_<name>_<type>`. */
export function setId(prefix: string, set: Pick<RecordSet, "name" | "type">): string {
  return terraformId(prefix, set.name, set.type);
}

/**
 * The logical id of one value's resource (providers without record sets): the set's id, plus the
 * value's key unless the set is exclusive. Keys never depend on the other values, so adding a
 * value to a set never renames one that is already there.
 */
export function recordId(prefix: string, set: RecordSet, record: DnsRecord): string {
  return set.exclusive ? setId(prefix, set) : terraformId(prefix, set.name, set.type, record.key);
}

/**
 * A short, stable key for a value: the value itself when it reads well and survives lower-casing
 * (logical ids are lower case), else a digest of it.
 */
export function valueKey(value: string): string {
  const plain = value.replace(/\.$/, "");
  return /^[a-z0-9._:-]{1,48}$/.test(plain)
    ? plain
    : `h${createHash("sha256").update(value).digest("hex").slice(0, 12)}`;
}

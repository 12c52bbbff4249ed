import type { Change, PlanJson, ResourceChange } from "./plan-json";
import { SENSITIVE, SENSITIVE_KEY, Secrets, sensitiveLiterals } from "./secrets";
import { type AttributeChange, attributeChanges, formatPath, UNKNOWN } from "./values";

/**
 * What happens to one resource instance, in review order: destructive actions first. `move` is a
 * no-op under a new address; `import` adopts an existing object (possibly with an update).
 */
export const PLAN_ACTIONS = [
  "delete",
  "replace",
  "create",
  "update",
  "import",
  "read",
  "move",
  "forget",
] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** Actions that destroy a real object: listed first, under a warning. */
export const DESTRUCTIVE_ACTIONS: readonly PlanAction[] = ["delete", "replace"];

/** The everyday actions, destructive first: every count table has a column for each. */
export const TABLE_ACTIONS: readonly PlanAction[] = ["delete", "replace", "create", "update"];

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

export interface StackSummary {
  readonly stack: string;
  /** The plan file, as given on the command line. */
  readonly source: string;
  readonly terraformVersion?: string;
  /** The plan stopped on an error; what it lists is incomplete. */
  readonly errored: boolean;
  readonly counts: Readonly<Record<PlanAction, number>>;
  /** Resources with an action (no-ops hidden), destructive first, then by action and address. */
  readonly resources: readonly ResourceSummary[];
  /** Addresses Terraform found changed outside Terraform since the last apply. */
  readonly drift: readonly string[];
}

const REASONS: Readonly<Record<string, string>> = {
  replace_because_tainted: "the object is tainted",
  replace_because_cannot_update: "some changed attributes cannot be updated in place",
  replace_by_request: "replacement requested with -replace",
  replace_by_triggers: "a replace_triggered_by reference changed",
  delete_because_no_resource_config: "no longer in the configuration",
  delete_because_no_module: "its module is no longer in the configuration",
  delete_because_wrong_repetition: "count / for_each changed how the resource is repeated",
  delete_because_count_index: "its count index no longer exists",
  delete_because_each_key: "its for_each key no longer exists",
  delete_because_no_move_target: "its moved target does not exist",
  read_because_config_unknown: "its configuration depends on values known only after apply",
  read_because_dependency_pending: "it depends on a resource with pending changes",
  read_because_check_nested: "it belongs to a check block",
};

/** Addresses in natural order (`r2` before `r10`); one collator, not one per comparison. */
const BY_ADDRESS = new Intl.Collator("en", { numeric: true });

/**
 * Turns one stack's plan into a review summary. No-op resources are left out. Every string of the
 * summary that holds one of `secrets` (by default, the literals this plan marks sensitive; give the
 * literals of every plan shown together) is masked: values whole, keys in paths and addresses.
 */
export function summarizePlan(
  plan: PlanJson,
  stack: string,
  source: string,
  secrets: Secrets = new Secrets(sensitiveLiterals(plan)),
): StackSummary {
  const changes = plan.resource_changes ?? [];
  const resources = changes
    .map((rc) => summarizeResource(rc, secrets))
    .filter((r): r is ResourceSummary => r !== undefined)
    .sort(
      (a, b) =>
        PLAN_ACTIONS.indexOf(a.action) - PLAN_ACTIONS.indexOf(b.action) ||
        BY_ADDRESS.compare(a.address, b.address),
    );
  const counts = Object.fromEntries(PLAN_ACTIONS.map((a) => [a, 0])) as Record<PlanAction, number>;
  for (const r of resources) counts[r.action]++;
  return {
    stack,
    source,
    terraformVersion: maskWhole(plan.terraform_version, secrets),
    errored: plan.errored === true,
    counts,
    resources,
    drift: (plan.resource_drift ?? []).map((rc) => maskAddress(rc.address, secrets)).sort(BY_ADDRESS.compare),
  };
}

/** True when a stack's plan destroys something. */
export function isDestructive(summary: StackSummary): boolean {
  return DESTRUCTIVE_ACTIONS.some((a) => summary.counts[a] > 0);
}

function summarizeResource(rc: ResourceChange, secrets: Secrets): ResourceSummary | undefined {
  const { change } = rc;
  const action = classify(rc);
  if (action === undefined) return undefined;
  const address = maskAddress(
    rc.deposed ? `${rc.address} (deposed object ${rc.deposed})` : rc.address,
    secrets,
  );
  const actions = change.actions.join(",");
  const showAttributes = action !== "move" && action !== "forget";
  const reason = rc.action_reason ? (REASONS[rc.action_reason] ?? rc.action_reason) : undefined;
  const changes = showAttributes ? attributeChanges(change, secrets) : [];
  return {
    address,
    action,
    reason: reason === rc.action_reason ? maskWhole(reason, secrets) : reason,
    replaceOrder:
      action === "replace"
        ? actions === "create,delete"
          ? "create before destroy"
          : "destroy before create"
        : undefined,
    forcedBy: (change.replace_paths ?? []).map((steps) => maskAddress(formatPath(steps, secrets), secrets)),
    previousAddress:
      rc.previous_address === undefined ? undefined : maskAddress(rc.previous_address, secrets),
    importId: maskWhole(change.importing?.id, secrets),
    alsoUpdates: action === "import" && actions === "update",
    // The values were masked leaf by leaf; this catches a secret spread over a rendered literal.
    changes: changes.map((c) => ({
      ...c,
      path: maskAddress(c.path, secrets),
      before: maskWhole(c.before, secrets),
      after: maskWhole(c.after, secrets),
    })),
  };
}

/** `text`, or SENSITIVE when it holds a secret. */
function maskWhole<T extends string | undefined>(text: T, secrets: Secrets): T | typeof SENSITIVE {
  if (text === undefined || text === SENSITIVE || text === UNKNOWN) return text;
  return secrets.contains(text) ? SENSITIVE : text;
}

/**
 * An address or attribute path with every instance key or map key that holds a secret printed as
 * `[(sensitive key)]`, and any other part that does masked in place.
 */
function maskAddress(address: string, secrets: Secrets): string {
  if (!secrets.contains(address)) return address;
  const keyed = address.replace(/\["(?:[^"\\]|\\.)*"\]/g, (key) =>
    secrets.contains(key) || secrets.contains(unquote(key)) ? `[${SENSITIVE_KEY}]` : key,
  );
  return secrets.redact(keyed);
}

/** The text of a `["key"]` step (JSON string syntax, as Terraform prints it). */
function unquote(step: string): string {
  try {
    return String(JSON.parse(step.slice(1, -1)));
  } catch {
    return step;
  }
}

function classify({ change, previous_address }: ResourceChange): PlanAction | undefined {
  const actions = change.actions.join(",");
  if (isImport(change)) return "import";
  switch (actions) {
    case "create":
      return "create";
    case "read":
      return "read";
    case "delete":
      return "delete";
    case "forget":
      return "forget";
    case "delete,create":
    case "create,delete":
      return "replace";
    case "update":
      return "update";
    case "no-op":
      return previous_address ? "move" : undefined;
    default:
      // A combination newer than this tool: show it rather than hide it, as the heaviest reading.
      return actions.includes("delete") ? "delete" : "update";
  }
}

function isImport(change: Change): boolean {
  return (
    change.importing !== undefined && (change.actions.includes("no-op") || change.actions.includes("update"))
  );
}

import type { ReviewContext } from "../change/context";
import { describeChanges } from "../change/describe";
import type { Change as DescribedChange } from "../change/model";
import { planSides } from "./described";
import {
  noActions,
  PLAN_ACTIONS,
  type PlanAction,
  type PlanLine,
  type ResourceSummary,
  type StackSummary,
} from "./model";
import type { Change, PlanJson, ResourceChange } from "./plan-json";
import { SENSITIVE, SENSITIVE_KEY, Secrets, sensitiveLiterals } from "./secrets";
import { attributeChanges, formatPath, UNKNOWN } from "./values";

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
 * literals of every plan shown together) is masked: values whole, keys in paths and addresses,
 * words in sentences. `review` names people and powerful teams, as in the review diff.
 */
export function summarizePlan(
  plan: PlanJson,
  stack: string,
  source: string,
  secrets: Secrets = new Secrets(sensitiveLiterals(plan)),
  review: ReviewContext = {},
): StackSummary {
  const sides = planSides(plan, secrets);
  const described = (rc: ResourceChange, summary: ResourceSummary): DescribedChange => {
    const { change } = rc;
    return {
      stack,
      kind: rc.mode === "data" ? "data" : "resource",
      type: rc.type,
      name: rc.name,
      address: summary.address,
      action: summary.action,
      ...(summary.previousAddress !== undefined && { previousAddress: summary.previousAddress }),
      ...(summary.importId !== undefined && { importId: summary.importId }),
      ...(change.before != null && {
        before: sides.describe(rc.address, "base", change.before, change.before_sensitive),
      }),
      ...(change.after != null && {
        after: sides.describe(rc.address, "head", change.after, change.after_sensitive, change.after_unknown),
      }),
      attributes: configuredChanges(summary, sides.configured(rc.address)),
    };
  };
  const summarized = (plan.resource_changes ?? [])
    .map((rc) => {
      const summary = summarizeResource(rc, secrets);
      return summary && { summary, change: described(rc, summary) };
    })
    .filter((r) => r !== undefined)
    .sort(
      (a, b) =>
        PLAN_ACTIONS.indexOf(a.summary.action) - PLAN_ACTIONS.indexOf(b.summary.action) ||
        BY_ADDRESS.compare(a.summary.address, b.summary.address),
    );
  const resources = summarized.map((r) => r.summary);
  const counts = noActions();
  for (const r of resources) counts[r.action]++;
  const drifted = (plan.resource_drift ?? []).flatMap((rc) => {
    const summary = summarizeResource(rc, secrets);
    return summary ? [described(rc, summary)] : [];
  });
  const sentences = (changes: DescribedChange[]) =>
    describeChanges(changes, { base: () => sides.base, head: () => sides.head }, review).map(
      ({ ruleDiff: _diff, people: _people, ...line }): PlanLine => ({
        ...line,
        text: secrets.redact(line.text),
        ...(line.items && { items: line.items.map((item) => secrets.redact(item)) }),
      }),
    );
  return {
    stack,
    source,
    terraformVersion: maskWhole(plan.terraform_version, secrets),
    errored: plan.errored === true,
    counts,
    resources,
    lines: sentences(summarized.map((r) => r.change)),
    drift: (plan.resource_drift ?? []).map((rc) => maskAddress(rc.address, secrets)).sort(BY_ADDRESS.compare),
    driftLines: sentences(drifted),
  };
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

/**
 * The attribute changes the describers read: those of the configuration, as a synthesized stack
 * has them. A computed attribute that only becomes unknown (`id` on a replacement, `output` of
 * terraform_data) is what applying does, not what the change says; the plan layer still shows it.
 */
function configuredChanges(
  summary: ResourceSummary,
  configured: ReadonlySet<string> | undefined,
): ResourceSummary["changes"] {
  if (!configured) return summary.changes;
  return summary.changes.filter(
    (c) => c.after !== UNKNOWN || configured.has(c.path.split(/[.[]/)[0] ?? c.path),
  );
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

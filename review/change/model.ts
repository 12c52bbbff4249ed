/**
 * One model of a change, whatever it is read from: the review diff (two synthesized outputs: the
 * stacks and the generated artifacts) and the plan summary (`terraform show -json`) both turn what
 * they read into {@link Change}s, and one set of describers (describe.ts) turns those into the
 * sentences both comments print. What only a plan knows (replacement order, forcing attributes,
 * drift, masking) is a layer over this model in `review/plan/`.
 */

/**
 * What happens to one object, in review order: destructive first. `replace`, `read` and drift come
 * from plans only; `import`, `move` and `forget` also from the `import`, `moved` and `removed`
 * blocks of a synthesized stack.
 */
export const ACTIONS = ["delete", "replace", "create", "update", "import", "read", "move", "forget"] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions that destroy a real object. */
export const DESTRUCTIVE_ACTIONS: readonly Action[] = ["delete", "replace"];

/** How Terraform itself prints a masked value; values holding a secret print so too. */
export const SENSITIVE = "(sensitive value)";
/** How Terraform itself prints a value computed during apply. */
export const UNKNOWN = "(known after apply)";

/**
 * Which part of an output a change is about: a block of a stack's configuration, or an entry of a
 * generated artifact (a person of NetAuth's import, a mirror of the mirror list).
 */
export type BlockKind =
  | "resource"
  | "data"
  | "module"
  | "provider"
  | "backend"
  | "required_provider"
  | "output"
  | "variable"
  | "artifact";

/** Kinds counted in summaries: what `terraform apply` creates or destroys, and artifact entries. */
const COUNTED_KINDS: readonly BlockKind[] = ["resource", "module", "artifact"];

/** A block's or an entry's attributes, as read (plans: masked, unknown values as {@link UNKNOWN}). */
export type Body = Readonly<Record<string, unknown>>;

/**
 * One attribute that differs (for creations and deletions: that is present), as printable text: a
 * JSON literal, {@link SENSITIVE} or {@link UNKNOWN}; absent on a side where it is absent or null.
 */
export interface AttributeChange {
  /** Nested path, as Terraform prints it: `pages.source.branch`, `topics[1]`, `input["odd key"]`. */
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
}

export interface Change {
  /** The output it belongs to: a stack's name, or an artifact's path (`netauth/access.json`). */
  readonly stack: string;
  readonly kind: BlockKind;
  /** Resource or data type (`github_team`), entry type of an artifact, provider name, or the kind. */
  readonly type: string;
  /** Logical id, module name, provider alias, output name, or an artifact entry's key. */
  readonly name: string;
  /** Terraform address (`github_team.team_void-ops`, `module.x`, `terraform.backend`), or the entry's. */
  readonly address: string;
  readonly action: Action;
  /** The address it had before a move (`moved` block, or a plan's `previous_address`). */
  readonly previousAddress?: string;
  /** The id of the object an import adopts, as written (it may be a reference). */
  readonly importId?: string;
  /** Attributes on the base side (configuration or prior state); absent when created. */
  readonly before?: Body;
  /** Attributes on the head side (configuration or planned values); absent when deleted. */
  readonly after?: Body;
  readonly attributes: readonly AttributeChange[];
}

type LineSeverity = "warning" | "info";

/** A sentence a reviewer reads, e.g. "adds @alice to pkg-committers (member)". */
export interface HumanLine {
  /** The output, as in {@link Change.stack}. */
  readonly stack: string;
  /** `warning` for deletions, removals and grants of power: listed first, with a marker. */
  readonly severity: LineSeverity;
  /** A grant of power (owners, maintainers, operators, host logins, admin, policies): before deletions. */
  readonly sensitive: boolean;
  readonly action: Action;
  readonly text: string;
  /** What a grouped line stands for, e.g. each DNS record of "removes 2 DNS records". */
  readonly items?: readonly string[];
  /** A small unified diff of policy rules, without file headers. */
  readonly ruleDiff?: string;
  /** The addresses the line describes. */
  readonly addresses: readonly string[];
  /** Lower-cased logins of the people it is about: a person's file that no line names reached no output. */
  readonly people?: readonly string[];
}

/** How many objects of one output each action touches. */
export interface OutputSummary {
  readonly stack: string;
  readonly counts: Readonly<Record<Action, number>>;
}

/** Zero of every action. */
export function noActions(): Record<Action, number> {
  return Object.fromEntries(ACTIONS.map((a) => [a, 0])) as Record<Action, number>;
}

/** Per output (in order of first appearance), how many counted objects each action touches. */
export function summarize(changes: readonly Change[]): OutputSummary[] {
  const byOutput = new Map<string, Record<Action, number>>();
  for (const change of changes) {
    const counts = byOutput.get(change.stack) ?? noActions();
    byOutput.set(change.stack, counts);
    if (COUNTED_KINDS.includes(change.kind)) counts[change.action]++;
  }
  return [...byOutput].map(([stack, counts]) => ({ stack, counts }));
}

/** The counts of several outputs added up. */
export function totalsOf(summaries: readonly OutputSummary[]): Record<Action, number> {
  const totals = noActions();
  for (const s of summaries) for (const a of ACTIONS) totals[a] += s.counts[a];
  return totals;
}

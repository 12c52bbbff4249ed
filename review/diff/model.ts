/**
 * The review diff's data: what changed between two synthesized outputs, per stack, and the human
 * sentences derived from it. Markdown and `--format json` are two renderings of the same report.
 */

/** One stack's synthesized Terraform JSON (`cdktf.out/stacks/<name>/cdk.tf.json`). */
export type StackJson = Record<string, unknown>;

/** Every stack of one synthesized output, by stack name. */
export type SynthOutput = ReadonlyMap<string, StackJson>;

export type Action = "create" | "update" | "delete";

/**
 * Which part of the configuration a change is about. Only resources and modules are counted in the
 * summary (they are what `terraform apply` creates or destroys); the rest is configuration.
 */
export type BlockKind =
  | "resource"
  | "data"
  | "module"
  | "provider"
  | "backend"
  | "required_provider"
  | "output"
  | "variable";

/** One attribute that differs; `before`/`after` are absent when the attribute is absent. */
export interface AttributeChange {
  /** Nested path, e.g. `pages.source.branch` or `topics[1]`. */
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface Change {
  readonly stack: string;
  readonly kind: BlockKind;
  /** Resource or data type (`github_team`), provider name, or the block kind itself. */
  readonly type: string;
  /** Logical id, module name, provider alias or output name. */
  readonly name: string;
  /** Terraform address, e.g. `github_team.team_void-ops`, `module.x`, `terraform.backend`. */
  readonly address: string;
  readonly action: Action;
  /** Body in the base output (without cdktf's `//` metadata); absent when created. */
  readonly before?: Readonly<Record<string, unknown>>;
  /** Body in the head output; absent when deleted. */
  readonly after?: Readonly<Record<string, unknown>>;
  readonly attributes: readonly AttributeChange[];
}

type LineSeverity = "warning" | "info";

/** A sentence a reviewer reads, e.g. "adds @alice to pkg-committers (member)". */
export interface HumanLine {
  readonly stack: string;
  /** `warning` for deletions and sensitive grants: printed first, with a marker. */
  readonly severity: LineSeverity;
  /** Owner, admin, policy or role grants: shown before plain deletions. */
  readonly sensitive: boolean;
  readonly action: Action;
  readonly text: string;
  /** What a grouped line stands for, e.g. each DNS record of "removes 2 DNS records". */
  readonly items?: readonly string[];
  /** A small unified diff of policy rules, without file headers. */
  readonly ruleDiff?: string;
  /** The addresses the line describes. */
  readonly addresses: readonly string[];
}

export interface StackSummary {
  readonly stack: string;
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

export interface DiffReport {
  /** One row per stack with changes, by stack name. */
  readonly summary: readonly StackSummary[];
  /** Warnings first, then the rest. */
  readonly lines: readonly HumanLine[];
  readonly changes: readonly Change[];
}

import type { IConstruct } from "../cdktf";
import { didYouMean } from "../core";

/**
 * Names that constructs declare in an app, by kind (the Terraform resource type that creates them,
 * e.g. `vault_policy`). Constructs that take a reference by name check it against these at synth,
 * so a name that nothing in the app creates fails before Terraform ever runs.
 */
export interface Declaration {
  /** Terraform resource type of the declared object, e.g. `nomad_acl_policy`. */
  readonly kind: string;
  /** The object's name as the product knows it. */
  readonly name: string;
}

const DECLARATIONS = Symbol.for("infra-constructs/declarations");

interface Declaring {
  [DECLARATIONS]?: Declaration[];
}

/** Records that `construct` creates `name` of `kind`. */
export function declare(construct: IConstruct, kind: string, name: string): void {
  const holder = construct as Declaring;
  holder[DECLARATIONS] ??= [];
  holder[DECLARATIONS].push({ kind, name });
}

/** Every name of `kind` declared anywhere in the app that contains `scope`, with its declarer's path. */
function declaredNames(scope: IConstruct, kind: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const construct of scope.node.root.node.findAll()) {
    for (const d of (construct as Declaring)[DECLARATIONS] ?? []) {
      if (d.kind === kind && !names.has(d.name)) names.set(d.name, construct.node.path);
    }
  }
  return names;
}

/**
 * The problem with a reference to `name` of `kind`, or undefined when the app declares it.
 * `field` says where the reference sits, e.g. `policies`.
 */
export function checkDeclared(
  scope: IConstruct,
  field: string,
  kind: string,
  name: string,
): string | undefined {
  const names = declaredNames(scope, kind);
  if (names.has(name)) return undefined;
  const known = [...names.keys()].sort();
  const listed = known.length > 0 ? known.map((n) => `"${n}"`).join(", ") : "none";
  return `${field}: ${kind} "${name}" is not declared in this app${suggestion(name, known)} (expected one of: ${listed})`;
}

/** A close spelling, else a name with the same words in another order (`a-b-c` for `b-a-c`). */
function suggestion(name: string, known: readonly string[]): string {
  const close = didYouMean(name, known);
  if (close) return close;
  const words = (n: string) => n.toLowerCase().split(/[-_.]/).sort().join(" ");
  const reordered = known.find((k) => words(k) === words(name));
  return reordered ? ` (did you mean "${reordered}"?)` : "";
}

import { type Construct, type ITerraformDependable, TerraformModule } from "../cdktf";
import { check } from "../core";
import { declare } from "./declarations";
import { logicalId } from "./logical-id";

const REGISTRY_SOURCE = /^[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*$/;
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

export interface RegistryModuleProps {
  /** Terraform registry address `<namespace>/<name>/<provider>`, e.g. `resinstack/base/vault`. */
  readonly source: string;
  /** Exact module version; ranges are refused so a plan never changes under a fixed commit. */
  readonly version: string;
  /** Input variables by their Terraform names. @default none (the module's defaults apply) */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /**
   * Named objects the module creates, keyed by Terraform resource type, e.g.
   * `{ vault_policy: ["resin-root"] }`; they count as declared for reference checks. @default none
   */
  readonly provides?: Readonly<Record<string, readonly string[]>>;
  /** Explicit ordering edges. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/** A named object created inside a module, usable wherever a reference by name is checked. */
export interface ModuleProvided {
  /** The object's name. */
  readonly name: string;
  /** The module; depend on it to order after the object exists. */
  readonly module: RegistryModule;
}

/**
 * A module call to a Terraform registry module, addressed `module.<id>` (the construct id, so it
 * matches existing state). Inputs are passed through unchanged under their Terraform names.
 */
export class RegistryModule extends TerraformModule {
  private readonly inputs: Readonly<Record<string, unknown>>;
  private readonly provides: Readonly<Record<string, readonly string[]>>;

  constructor(scope: Construct, id: string, props: RegistryModuleProps) {
    super(scope, id, { source: props.source, version: props.version, dependsOn: props.dependsOn });
    check(this, REGISTRY_SOURCE.test(props.source), () => {
      return `source "${props.source}" is not a registry address (expected <namespace>/<name>/<provider>)`;
    });
    check(this, EXACT_VERSION.test(props.version), () => {
      return `version "${props.version}" is not an exact version (expected e.g. 1.2.3; ranges are not allowed)`;
    });
    this.overrideLogicalId(logicalId(id));
    this.inputs = props.inputs ?? {};
    this.provides = props.provides ?? {};
    for (const [kind, names] of Object.entries(this.provides)) {
      for (const name of names) declare(this, kind, name);
    }
  }

  /** A reference to an object the module creates; throws unless listed in `provides`. */
  provided(kind: string, name: string): ModuleProvided {
    const names = this.provides[kind] ?? [];
    check(this, names.includes(name), () => {
      const listed = names.length > 0 ? names.map((n) => `"${n}"`).join(", ") : "none";
      return `module does not provide ${kind} "${name}" (its provides lists: ${listed})`;
    });
    return { name, module: this };
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { ...this.inputs };
  }
}

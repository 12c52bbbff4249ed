import type { Construct, TerraformMetaArguments } from "../../runtime/cdktf";
import { BoundResource } from "../base";
import { NOMAD_GENERATOR_METADATA } from "./provider";

export interface VariableConfig extends TerraformMetaArguments {
  /** Variable path, e.g. `nomad/jobs/<job>` (readable by that job's tasks). */
  readonly path: string;
  /** Namespace of the variable; provider default `default`. */
  readonly namespace?: string;
  /**
   * Items to store. The provider marks the whole map sensitive: plans never show it, but it is
   * kept in state, so pass references to other resources' attributes, never literals.
   */
  readonly items: Readonly<Record<string, string>>;
}

/**
 * `nomad_variable`: a Nomad variable (encrypted key/value items at a path).
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/nomad/2.5.2/docs/resources/variable
 */
export class Variable extends BoundResource<VariableConfig> {
  static readonly tfResourceType = "nomad_variable";

  constructor(scope: Construct, id: string, config: VariableConfig) {
    super(scope, id, Variable.tfResourceType, NOMAD_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { path: this.config.path, namespace: this.config.namespace, items: this.config.items };
  }
}

import type { Construct, TerraformMetaArguments } from "../../runtime/cdktf";
import { BoundResource } from "../base";
import { NOMAD_GENERATOR_METADATA } from "./provider";

/** Task drivers and network modes jobs in the namespace may use. */
export interface NamespaceCapabilities {
  /** Only these task drivers are allowed; default: all. */
  readonly enabledTaskDrivers?: readonly string[];
  /** These task drivers are refused; default: none. */
  readonly disabledTaskDrivers?: readonly string[];
  /** Only these network modes are allowed; default: all. */
  readonly enabledNetworkModes?: readonly string[];
  /** These network modes are refused; default: none. */
  readonly disabledNetworkModes?: readonly string[];
}

/** Node pools jobs in the namespace may use. */
export interface NamespaceNodePoolConfig {
  /** Node pool used when a job names none; default `default`. */
  readonly default?: string;
  /** Node pools jobs may use (glob patterns); default: all. */
  readonly allowed?: readonly string[];
  /** Node pools jobs may not use (glob patterns); default: none. */
  readonly denied?: readonly string[];
}

export interface NamespaceConfig extends TerraformMetaArguments {
  /** Unique namespace name; changing it replaces the namespace. */
  readonly name: string;
  /** Human-readable description; default empty. */
  readonly description?: string;
  /** Resource quota to attach (Enterprise); default none. */
  readonly quota?: string;
  /** Free-form metadata; default none. */
  readonly meta?: Readonly<Record<string, string>>;
  /** Driver and network restrictions; default none. */
  readonly capabilities?: NamespaceCapabilities;
  /** Node pool restrictions; default none. */
  readonly nodePoolConfig?: NamespaceNodePoolConfig;
}

/**
 * `nomad_namespace`: a Nomad namespace.
 *
 * Docs: https://registry.terraform.io/providers/hashicorp/nomad/2.5.2/docs/resources/namespace
 */
export class Namespace extends BoundResource<NamespaceConfig> {
  static readonly tfResourceType = "nomad_namespace";

  constructor(scope: Construct, id: string, config: NamespaceConfig) {
    super(scope, id, Namespace.tfResourceType, NOMAD_GENERATOR_METADATA, config);
  }

  get name(): string {
    return this.getStringAttribute("name");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const { capabilities: c, nodePoolConfig: n } = this.config;
    return {
      name: this.config.name,
      description: this.config.description,
      quota: this.config.quota,
      meta: this.config.meta,
      capabilities: c && {
        enabled_task_drivers: c.enabledTaskDrivers,
        disabled_task_drivers: c.disabledTaskDrivers,
        enabled_network_modes: c.enabledNetworkModes,
        disabled_network_modes: c.disabledNetworkModes,
      },
      node_pool_config: n && { default: n.default, allowed: n.allowed, denied: n.denied },
    };
  }
}

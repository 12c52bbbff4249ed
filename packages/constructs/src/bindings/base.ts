import type { Construct, TerraformMetaArguments, TerraformProviderGeneratorMetadata } from "../cdktf";
import { TerraformProvider, TerraformResource } from "../cdktf";

/** Generator metadata that pins one exact provider release in `required_providers`. */
export function pinnedRelease(providerName: string, version: string): TerraformProviderGeneratorMetadata {
  return { providerName, providerVersion: version, providerVersionConstraint: version };
}

/**
 * Base of the hand-written resource bindings, in the shape cdktf's generated ones have: the
 * meta-arguments (provider, depends_on, count, lifecycle, for_each) pass through, and the typed
 * config stays available to `synthesizeAttributes`.
 */
export abstract class BoundResource<Config extends TerraformMetaArguments> extends TerraformResource {
  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    terraformGeneratorMetadata: TerraformProviderGeneratorMetadata,
    protected readonly config: Config,
  ) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
  }

  /** The id the provider assigns, as a reference. */
  get id(): string {
    return this.getStringAttribute("id");
  }
}

/** Base of the hand-written provider bindings; the provider's alias comes from its config. */
export abstract class BoundProvider<Config extends { readonly alias?: string }> extends TerraformProvider {
  protected constructor(
    scope: Construct,
    id: string,
    terraformResourceType: string,
    terraformProviderSource: string,
    terraformGeneratorMetadata: TerraformProviderGeneratorMetadata,
    protected readonly config: Config,
  ) {
    super(scope, id, { terraformResourceType, terraformProviderSource, terraformGeneratorMetadata });
  }

  override get alias(): string | undefined {
    return this.config.alias;
  }
}

import {
  type Construct,
  TerraformProvider,
  type TerraformProviderGeneratorMetadata,
} from "../../constructs/cdktf";

/**
 * The fastly/fastly provider release these bindings follow. It is the version Void's `fastly` root
 * has locked since 2023 (state written by it needs no upgrade); the exact pin lands in
 * `required_providers`. Attributes added after 3.0.4 (http3, keepalive_time, product_enablement,
 * the `certainly` CA, ...) are deliberately not modelled.
 */
export const FASTLY_PROVIDER_VERSION = "3.0.4";

/** Shared by every fastly binding so all of them pin the same provider release. */
export const FASTLY_GENERATOR_METADATA: TerraformProviderGeneratorMetadata = {
  providerName: "fastly",
  providerVersion: FASTLY_PROVIDER_VERSION,
  providerVersionConstraint: FASTLY_PROVIDER_VERSION,
};

export interface FastlyProviderConfig {
  /** Fastly API endpoint; default: `FASTLY_API_URL` from the environment, else the public API. */
  readonly baseUrl?: string;
  /** Only for configurations that read unauthenticated data sources; default false. */
  readonly noAuth?: boolean;
  /** Disable the HTTP/1.x fallback towards api.fastly.com; default false. */
  readonly forceHttp2?: boolean;
  /** Provider alias, for a second Fastly account in one stack; default none. */
  readonly alias?: string;
}

/**
 * The `fastly` provider block. There is intentionally no `apiKey` field: the key is a credential and
 * comes from `FASTLY_API_KEY` in the environment only, so it can never reach the synthesized JSON.
 *
 * Docs: https://registry.terraform.io/providers/fastly/fastly/3.0.4/docs
 */
export class FastlyProvider extends TerraformProvider {
  static readonly tfResourceType = "fastly";
  private readonly config: FastlyProviderConfig;

  constructor(scope: Construct, id: string, config: FastlyProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: FastlyProvider.tfResourceType,
      terraformGeneratorMetadata: FASTLY_GENERATOR_METADATA,
      terraformProviderSource: "fastly/fastly",
    });
    this.config = config;
  }

  override get alias(): string | undefined {
    return this.config.alias;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return {
      base_url: this.config.baseUrl,
      no_auth: this.config.noAuth,
      force_http2: this.config.forceHttp2,
      alias: this.config.alias,
    };
  }
}

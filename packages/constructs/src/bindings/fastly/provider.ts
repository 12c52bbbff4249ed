import type { Construct } from "../../cdktf";
import { BoundProvider, pinnedRelease } from "../base";

/**
 * The fastly/fastly provider release these bindings follow; the exact pin lands in
 * `required_providers`. Attributes added after 3.0.4 (http3, keepalive_time, product_enablement,
 * the `certainly` CA, ...) are deliberately not modelled.
 */
export const FASTLY_PROVIDER_VERSION = "3.0.4";

/** Shared by every fastly binding so all of them pin the same provider release. */
export const FASTLY_GENERATOR_METADATA = pinnedRelease("fastly", FASTLY_PROVIDER_VERSION);

export interface FastlyProviderConfig {
  /** Fastly API endpoint. @default `FASTLY_API_URL` from the environment, else the public API */
  readonly baseUrl?: string;
  /** Only for configurations that read unauthenticated data sources. @default false */
  readonly noAuth?: boolean;
  /** Disable the HTTP/1.x fallback towards api.fastly.com. @default false */
  readonly forceHttp2?: boolean;
  /** Provider alias, for a second Fastly account in one stack. @default none */
  readonly alias?: string;
}

/**
 * The `fastly` provider block. There is intentionally no `apiKey` field: the key is a credential and
 * comes from `FASTLY_API_KEY` in the environment only, so it can never reach the synthesized JSON.
 *
 * Docs: https://registry.terraform.io/providers/fastly/fastly/3.0.4/docs
 */
export class FastlyProvider extends BoundProvider<FastlyProviderConfig> {
  static readonly tfResourceType = "fastly";

  constructor(scope: Construct, id: string, config: FastlyProviderConfig = {}) {
    super(scope, id, FastlyProvider.tfResourceType, "fastly/fastly", FASTLY_GENERATOR_METADATA, config);
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

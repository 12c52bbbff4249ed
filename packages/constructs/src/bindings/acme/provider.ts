import type { Construct } from "../../cdktf";
import { BoundProvider, pinnedRelease } from "../base";

/** The vancluever/acme provider release these bindings follow, pinned exactly in `required_providers`. */
export const ACME_PROVIDER_VERSION = "2.41.0";

/** Shared by every acme binding so all of them pin the same provider release. */
export const ACME_GENERATOR_METADATA = pinnedRelease("acme", ACME_PROVIDER_VERSION);

/** Let's Encrypt's production ACME v2 directory. */
export const LETS_ENCRYPT_PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";
/** Let's Encrypt's staging directory: untrusted certificates, generous rate limits, for trials. */
export const LETS_ENCRYPT_STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";

export interface AcmeProviderConfig {
  /** ACME directory URL of the CA; accounts and certificates live in that CA. */
  readonly serverUrl: string;
  /** Provider alias, for a second CA in one stack. @default none */
  readonly alias?: string;
}

/**
 * The `acme` provider block.
 *
 * Docs: https://registry.terraform.io/providers/vancluever/acme/2.41.0/docs
 */
export class AcmeProvider extends BoundProvider<AcmeProviderConfig> {
  static readonly tfResourceType = "acme";

  constructor(scope: Construct, id: string, config: AcmeProviderConfig) {
    super(scope, id, AcmeProvider.tfResourceType, "vancluever/acme", ACME_GENERATOR_METADATA, config);
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { server_url: this.config.serverUrl, alias: this.config.alias };
  }
}

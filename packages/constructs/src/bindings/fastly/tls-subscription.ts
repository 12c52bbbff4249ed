import { type Construct, Fn, propertyAccess, type TerraformMetaArguments, Token } from "../../cdktf";
import { BoundResource } from "../base";
import { FASTLY_GENERATOR_METADATA } from "./provider";

/** Certificate authorities fastly/fastly 3.0.4 accepts (`certainly` arrived in 3.2.0). */
export type TlsCertificateAuthority = "lets-encrypt" | "globalsign";

export interface TlsSubscriptionConfig extends TerraformMetaArguments {
  /** Domains the managed certificate covers; each must be a domain of a Fastly service. */
  readonly domains: readonly string[];
  /** Issuer of the certificate. */
  readonly certificateAuthority: TlsCertificateAuthority;
  /** TLS configuration (IP pool and protocols) the domains use. @default the account's default */
  readonly configurationId?: string;
  /** Update even while domains are active (can disrupt traffic). @default false */
  readonly forceUpdate?: boolean;
  /** Delete even while domains are active (can disrupt traffic). @default false */
  readonly forceDestroy?: boolean;
}

/**
 * Typed binding of `fastly_tls_subscription` (fastly/fastly 3.0.4): a Fastly-managed TLS
 * certificate for some service domains, validated by ACME DNS challenges.
 *
 * Docs: https://registry.terraform.io/providers/fastly/fastly/3.0.4/docs/resources/tls_subscription
 */
export class TlsSubscription extends BoundResource<TlsSubscriptionConfig> {
  static readonly tfResourceType = "fastly_tls_subscription";

  constructor(scope: Construct, id: string, config: TlsSubscriptionConfig) {
    super(scope, id, TlsSubscription.tfResourceType, FASTLY_GENERATOR_METADATA, config);
  }

  /** The id of the certificate issued for the subscription. */
  get certificateId(): string {
    return this.getStringAttribute("certificate_id");
  }

  /** `pending`, `processing`, `issued` or `renewing`. */
  get state(): string {
    return this.getStringAttribute("state");
  }

  /**
   * The `record_value` of the managed DNS challenge named `recordName` (e.g.
   * `_acme-challenge.cdn.example.org`), as a Terraform expression over `managed_dns_challenges`
   * (a set, so it is indexed by name rather than position). Known only after apply.
   */
  dnsChallengeValue(recordName: string): string {
    const challenges = this.interpolationForAttribute("managed_dns_challenges");
    const names = Token.asList(propertyAccess(challenges, ["*", "record_name"]));
    const values = Token.asList(propertyAccess(challenges, ["*", "record_value"]));
    return Token.asString(Fn.lookup(Fn.zipmap(names, values), recordName));
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return {
      domains: c.domains,
      certificate_authority: c.certificateAuthority,
      configuration_id: c.configurationId,
      force_update: c.forceUpdate,
      force_destroy: c.forceDestroy,
    };
  }
}

import type { Construct, TerraformMetaArguments } from "../../cdktf";
import { BoundResource } from "../base";
import { ACME_GENERATOR_METADATA } from "./provider";

/** A DNS-01 solver (one of lego's DNS providers). */
export interface CertificateDnsChallenge {
  /** lego DNS provider name, e.g. `digitalocean`, `route53`. */
  readonly provider: string;
  /**
   * Provider settings (`<PROVIDER>_*` keys). Credentials belong in the environment (e.g.
   * `DO_AUTH_TOKEN`), so only non-secret settings go here.
   * @default none: every setting is read from the environment
   */
  readonly config?: Readonly<Record<string, string>>;
}

/** Key types the provider can generate for the certificate (`P256`/`P384` ECDSA, or RSA bits). */
export type CertificateKeyType = "P256" | "P384" | "2048" | "4096" | "8192";

export interface CertificateConfig extends TerraformMetaArguments {
  /** The account's private key; pass `acme_registration.account_key_pem` so the account exists first. */
  readonly accountKeyPem: string;
  /** Primary domain. @default none, and then `certificateRequestPem` is required */
  readonly commonName?: string;
  /** Further domains on the certificate. @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** Key type of the generated certificate key. @default `2048` (RSA) (the provider's) */
  readonly keyType?: CertificateKeyType;
  /** External CSR in PEM instead of `commonName`/`keyType`. @default none */
  readonly certificateRequestPem?: string;
  /** DNS-01 solvers, one per DNS provider. @default none, which the provider refuses: give at least one */
  readonly dnsChallenge?: readonly CertificateDnsChallenge[];
  /** Resolvers (`host:port`) for the propagation check. @default the system's */
  readonly recursiveNameservers?: readonly string[];
  /** Skip the authoritative-nameserver propagation check. @default false (the provider's) */
  readonly disableCompletePropagation?: boolean;
  /** Seconds to wait after each challenge record before validation. @default 0 (the provider's) */
  readonly preCheckDelay?: number;
  /** Renew when fewer days remain (negative: never). @default 30 (the provider's) */
  readonly minDaysRemaining?: number;
  /** Request the OCSP must-staple extension. @default false (the provider's) */
  readonly mustStaple?: boolean;
  /** Common name of the preferred root of an alternate chain. @default the CA's default chain */
  readonly preferredChain?: string;
  /** Revoke on destroy or replacement. @default true (the provider's) */
  readonly revokeCertificateOnDestroy?: boolean;
  /** Seconds to wait for issuance after the challenges pass. @default 30 (the provider's) */
  readonly certTimeout?: number;
}

/**
 * `acme_certificate`: a certificate issued by the provider's ACME CA, renewed on apply once fewer
 * than `min_days_remaining` days are left. `private_key_pem` is sensitive in the provider schema.
 *
 * Docs: https://registry.terraform.io/providers/vancluever/acme/2.41.0/docs/resources/certificate
 */
export class Certificate extends BoundResource<CertificateConfig> {
  static readonly tfResourceType = "acme_certificate";

  constructor(scope: Construct, id: string, config: CertificateConfig) {
    super(scope, id, Certificate.tfResourceType, ACME_GENERATOR_METADATA, config);
  }

  /** The leaf certificate in PEM, without the issuer chain. */
  get certificatePem(): string {
    return this.getStringAttribute("certificate_pem");
  }

  /** The intermediate certificates in PEM; append to `certificatePem` for a full chain. */
  get issuerPem(): string {
    return this.getStringAttribute("issuer_pem");
  }

  /** The certificate's private key in PEM (sensitive). */
  get privateKeyPem(): string {
    return this.getStringAttribute("private_key_pem");
  }

  /** Expiry in RFC 3339. */
  get certificateNotAfter(): string {
    return this.getStringAttribute("certificate_not_after");
  }

  get certificateUrl(): string {
    return this.getStringAttribute("certificate_url");
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    const c = this.config;
    return {
      account_key_pem: c.accountKeyPem,
      common_name: c.commonName,
      subject_alternative_names: c.subjectAlternativeNames,
      key_type: c.keyType,
      certificate_request_pem: c.certificateRequestPem,
      dns_challenge: c.dnsChallenge?.map((d) => ({ provider: d.provider, config: d.config })),
      recursive_nameservers: c.recursiveNameservers,
      disable_complete_propagation: c.disableCompletePropagation,
      pre_check_delay: c.preCheckDelay,
      min_days_remaining: c.minDaysRemaining,
      must_staple: c.mustStaple,
      preferred_chain: c.preferredChain,
      revoke_certificate_on_destroy: c.revokeCertificateOnDestroy,
      cert_timeout: c.certTimeout,
    };
  }
}

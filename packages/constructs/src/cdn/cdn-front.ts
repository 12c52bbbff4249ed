import {
  ServiceVcl,
  type ServiceVclBackend,
  type ServiceVclCacheSetting,
  type ServiceVclSnippet,
  type TlsCertificateAuthority,
  TlsSubscription,
} from "../bindings/fastly";
import { Construct, type TerraformProvider } from "../cdktf";
import { check, checkUnique, didYouMean, ValidationError } from "../core";
import { targetProblem } from "../dns/names";
import type { IDnsZone } from "../dns/zone";
import { claimLogicalId, logicalId } from "../terraform/logical-id";
import { acmeChallengeName, type CdnDnsRecord, cdnDnsRecords } from "./dns-records";
import { alternationInCharacterClass } from "./vcl-lint";

/** A hostname the CDN answers. */
export interface CdnDomain {
  /** Hostname without trailing dot, e.g. `cdn.example.org`. */
  readonly name: string;
  /** Free-text comment shown in Fastly. @default none */
  readonly comment?: string;
}

/** An origin the CDN fetches from. */
export interface CdnOrigin {
  /** Unique name within the service, e.g. `primary-origin`. */
  readonly name: string;
  /** Hostname or IP address of the origin. */
  readonly address: string;
  /** Origin port. @default 443 */
  readonly port?: number;
  /** Fetch over TLS. @default true */
  readonly tls?: boolean;
  /** Shield POP code, e.g. `hel-helsinki-fi`. @default no shielding */
  readonly shield?: string;
  /** Host header sent to the origin. @default the client's */
  readonly overrideHost?: string;
  /** Hostname the origin certificate is verified against. @default Fastly's behaviour */
  readonly sslCertHostname?: string;
  /** SNI hostname sent to the origin. @default none */
  readonly sslSniHostname?: string;
}

export interface CdnFrontProps {
  /** Service name in the Fastly account; also the Terraform name of the service. */
  readonly serviceName: string;
  /** Hostnames served; at least one. All are covered by one managed TLS certificate. */
  readonly domains: readonly CdnDomain[];
  /** Origins; at least one. */
  readonly origins: readonly CdnOrigin[];
  /** VCL snippets. @default none. Regexes are checked for character classes meant as alternations */
  readonly snippets?: readonly ServiceVclSnippet[];
  /** Cache settings (TTL overrides). @default none */
  readonly cacheSettings?: readonly ServiceVclCacheSetting[];
  /** Edge hostname the domains CNAME to (from the account's TLS configuration), absolute with trailing dot. */
  readonly edgeTarget: string;
  /** Issuer of the managed certificate. @default `lets-encrypt` */
  readonly certificateAuthority?: TlsCertificateAuthority;
  /**
   * ACME challenge CNAME target per domain, as Fastly shows it, absolute with trailing dot.
   * @default read from the subscription's `managed_dns_challenges` at apply time (only usable by a
   * zone in the same stack)
   */
  readonly challengeTargets?: Readonly<Record<string, string>>;
  /** Zone to publish the CNAMEs into. @default none (publish `dnsRecords` from the stack owning the zone) */
  readonly zone?: IDnsZone;
  /** Fastly provider to use. @default the stack's default `fastly` provider */
  readonly provider?: TerraformProvider;
}

/** RFC 1123 hostname: dot-separated labels of letters, digits and inner hyphens, lower case. */
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A site behind the Fastly CDN: the VCL service (domains, origins, snippets, cache settings), the
 * managed TLS subscription for its domains, and the DNS records that route the domains to the edge
 * and answer the CA's ACME challenge. The records go into `zone` when given, and are always exposed
 * as `dnsRecords` so a stack that owns the zone elsewhere can publish them.
 *
 * Terraform names follow the data: the service is `fastly_service_vcl.<serviceName>` and the
 * subscription `fastly_tls_subscription.tls_<serviceName>`.
 */
export class CdnFront extends Construct {
  readonly service: ServiceVcl;
  readonly tlsSubscription: TlsSubscription;
  /** The CNAMEs this front needs (traffic and ACME challenge per domain), absolute names. */
  readonly dnsRecords: readonly CdnDnsRecord[];
  readonly domainNames: readonly string[];

  constructor(scope: Construct, id: string, props: CdnFrontProps) {
    super(scope, id);
    this.domainNames = props.domains.map((d) => d.name);
    this.validate(props);

    this.service = new ServiceVcl(this, "service", {
      name: props.serviceName,
      domain: props.domains.map((d) => ({ name: d.name, comment: d.comment })),
      backend: props.origins.map(originToBackend),
      snippet: props.snippets,
      cacheSetting: props.cacheSettings,
      provider: props.provider,
    });
    claimLogicalId(this.service, logicalId(props.serviceName));

    // The certificate can only be issued for domains a service already serves.
    this.tlsSubscription = new TlsSubscription(this, "tls", {
      domains: this.domainNames,
      certificateAuthority: props.certificateAuthority ?? "lets-encrypt",
      dependsOn: [this.service],
      provider: props.provider,
    });
    claimLogicalId(this.tlsSubscription, logicalId("tls", props.serviceName));

    const given = props.challengeTargets;
    this.dnsRecords = cdnDnsRecords({
      domains: this.domainNames,
      edgeTarget: props.edgeTarget,
      challengeTarget: (domain) =>
        given?.[domain] ?? `${this.tlsSubscription.dnsChallengeValue(acmeChallengeName(domain))}.`,
    });
    if (props.zone) this.publishTo(props.zone);
  }

  /** Adds this front's CNAMEs to `zone`. Every domain must lie inside the zone. */
  publishTo(zone: IDnsZone): this {
    const outside = this.domainNames.filter((d) => d !== zone.zoneName && !d.endsWith(`.${zone.zoneName}`));
    check(
      this,
      outside.length === 0,
      () =>
        `domain ${outside.join(", ")} is not inside zone ${zone.zoneName} (expected names ending in .${zone.zoneName})`,
    );
    for (const record of this.dnsRecords) zone.cname(record.name, record.target);
    return this;
  }

  private validate(props: CdnFrontProps): void {
    check(
      this,
      props.serviceName.trim().length > 0,
      "serviceName is empty (expected the Fastly service name)",
    );
    check(this, props.domains.length > 0, "no domains (expected at least one hostname to serve)");
    for (const name of this.domainNames) {
      check(
        this,
        HOSTNAME.test(name),
        `domain "${name}" is not a hostname (expected lower-case labels like cdn.example.org, no trailing dot)`,
      );
    }
    checkUnique(this, "domain", this.domainNames);

    check(this, props.origins.length > 0, "no origins (expected at least one origin to fetch from)");
    checkUnique(
      this,
      "origin",
      props.origins.map((o) => o.name),
    );
    for (const origin of props.origins) {
      const port = origin.port ?? 443;
      check(
        this,
        Number.isInteger(port) && port >= 1 && port <= 65535,
        `origin "${origin.name}" has port ${port} (expected an integer from 1 to 65535)`,
      );
    }

    const snippets = props.snippets ?? [];
    checkUnique(
      this,
      "snippet",
      snippets.map((s) => s.name),
    );
    for (const snippet of snippets) {
      check(
        this,
        snippet.content.trim().length > 0,
        `snippet "${snippet.name}" has no content (expected VCL code)`,
      );
      if (snippet.priority !== undefined) {
        check(
          this,
          Number.isInteger(snippet.priority) && snippet.priority >= 0,
          `snippet "${snippet.name}" has priority ${snippet.priority} (expected a non-negative integer)`,
        );
      }
      for (const problem of alternationInCharacterClass(snippet.content)) {
        throw new ValidationError(this, `snippet "${snippet.name}": ${problem}`);
      }
    }

    const cacheSettings = props.cacheSettings ?? [];
    checkUnique(
      this,
      "cache setting",
      cacheSettings.map((s) => s.name),
    );
    for (const setting of cacheSettings) {
      for (const [field, value] of [
        ["ttl", setting.ttl],
        ["staleTtl", setting.staleTtl],
      ] as const) {
        check(
          this,
          value === undefined || (Number.isInteger(value) && value >= 0),
          `cache setting "${setting.name}" has ${field} ${value} (expected a non-negative whole number of seconds)`,
        );
      }
    }

    checkAbsolute(this, "edgeTarget", props.edgeTarget);
    for (const [domain, target] of Object.entries(props.challengeTargets ?? {})) {
      check(
        this,
        this.domainNames.includes(domain),
        () =>
          `challengeTargets has "${domain}", which is not a domain of this front${didYouMean(domain, this.domainNames)}`,
      );
      checkAbsolute(this, `challengeTargets["${domain}"]`, target);
    }
    if (props.challengeTargets) {
      const missing = this.domainNames.filter((d) => !(d in (props.challengeTargets ?? {})));
      check(
        this,
        missing.length === 0,
        () =>
          `challengeTargets has no entry for ${missing.join(", ")} (expected one per domain, or omit it entirely)`,
      );
    }
  }
}

function originToBackend(origin: CdnOrigin): ServiceVclBackend {
  return {
    name: origin.name,
    address: origin.address,
    port: origin.port ?? 443,
    useSsl: origin.tls ?? true,
    shield: origin.shield,
    overrideHost: origin.overrideHost,
    sslCertHostname: origin.sslCertHostname,
    sslSniHostname: origin.sslSniHostname,
  };
}

/** DNS targets follow the zone's rule (absolute, trailing dot), checked here to name the field. */
function checkAbsolute(scope: Construct, field: string, target: string): void {
  const problem = targetProblem(target);
  check(scope, problem === undefined, () => `${field}: ${problem}`);
}

/** Why a CDN front needs a DNS record. */
export type CdnRecordPurpose = "traffic" | "acme-challenge";

/** One DNS record a CDN front needs, in absolute form, ready for `zone.cname(name, target)`. */
export interface CdnDnsRecord {
  /** Absolute owner name with trailing dot, e.g. `cdn.example.org.`. */
  readonly name: string;
  readonly type: "CNAME";
  /** Absolute target with trailing dot (or a Terraform token that resolves to one). */
  readonly target: string;
  readonly purpose: CdnRecordPurpose;
}

export interface CdnDnsRecordsInput {
  /** Hostnames the CDN serves, without trailing dot. */
  readonly domains: readonly string[];
  /** Edge hostname every domain points at, absolute with trailing dot. */
  readonly edgeTarget: string;
  /** ACME challenge target per domain, absolute with trailing dot. */
  readonly challengeTarget: (domain: string) => string;
}

/** Label the CA's DNS-01 validation looks up under each domain (RFC 8555 section 8.4). */
export const ACME_CHALLENGE_LABEL = "_acme-challenge";

/** The name of the ACME DNS-01 challenge record of `domain` (no trailing dot). */
export function acmeChallengeName(domain: string): string {
  return `${ACME_CHALLENGE_LABEL}.${domain}`;
}

/**
 * The records that route a CDN's domains to the edge and let the CA validate them: per domain, a
 * CNAME to the edge and a CNAME of `_acme-challenge.<domain>` to the challenge target. Pure data, so
 * a stack that owns the zone can publish them without creating the CDN resources itself.
 */
export function cdnDnsRecords(input: CdnDnsRecordsInput): CdnDnsRecord[] {
  return input.domains.flatMap((domain) => [
    { name: `${domain}.`, type: "CNAME" as const, target: input.edgeTarget, purpose: "traffic" as const },
    {
      name: `${acmeChallengeName(domain)}.`,
      type: "CNAME" as const,
      target: input.challengeTarget(domain),
      purpose: "acme-challenge" as const,
    },
  ]);
}

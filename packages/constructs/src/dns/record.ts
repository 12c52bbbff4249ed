/** Record types a {@link DnsZone} can hold. */
export type RecordType = "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "SRV" | "CAA";

/** Something with an absolute name to point at: a literal `host.example.org.` or an object with `fqdn`. */
export type DnsTarget = string | { readonly fqdn: string };

/** Options shared by every record method. */
export interface RecordOptions {
  /** Time to live in seconds, 30..604800. @default the provider's (DigitalOcean), 300 (Route53, Cloud DNS) */
  readonly ttl?: number;
  /**
   * Names this value inside its set, in its Terraform logical id. Give one to a value known only
   * after apply (a token), or to keep an id when the value changes (a proxy tier keys its members
   * by host name).
   * @default the value itself (or a digest of a long one)
   */
  readonly key?: string;
  /**
   * The set holds exactly this one value: its id carries no key, so changing the value updates the
   * record in place, and adding a second value is an error. CNAMEs are always exclusive. @default false
   */
  readonly exclusive?: boolean;
}

/** One mail exchanger. */
export interface MxValue {
  /** Preference, 0..65535, lower is preferred. */
  readonly priority: number;
  /** Mail host, absolute. */
  readonly target: DnsTarget;
}

/** One SRV target (RFC 2782). */
export interface SrvValue {
  /** 0..65535, lower is preferred. */
  readonly priority: number;
  /** 0..65535, relative weight among equal priorities. */
  readonly weight: number;
  /** 0..65535. */
  readonly port: number;
  /** Host, absolute. */
  readonly target: DnsTarget;
}

/** CAA property tags (RFC 8659). */
export type CaaTag = "issue" | "issuewild" | "iodef";

/** One CAA record (RFC 8659). */
export interface CaaValue {
  /** Flags byte (128 = issuer critical). @default 0 */
  readonly flags?: number;
  /** Property tag. */
  readonly tag: CaaTag;
  /** CA domain (`letsencrypt.org`) for issue/issuewild, a URL for iodef. */
  readonly value: string;
}

/** One record value as the zone stores it, before a provider renders it. */
export interface DnsRecord {
  /** Relative to the zone, `@` for the apex. */
  readonly name: string;
  /** Record type. */
  readonly type: RecordType;
  /** Address (A/AAAA), absolute target (CNAME/MX/SRV), the whole unsplit text (TXT), or the CA value (CAA). */
  readonly value: string;
  /** Priority, for MX and SRV. @default none (other types) */
  readonly priority?: number;
  /** Weight, for SRV. @default none (other types) */
  readonly weight?: number;
  /** Port, for SRV. @default none (other types) */
  readonly port?: number;
  /** Flags byte, for CAA. @default none (other types) */
  readonly flags?: number;
  /** Property tag, for CAA. @default none (other types) */
  readonly tag?: CaaTag;
  /** Time to live in seconds. @default the provider's */
  readonly ttl?: number;
  /** Distinguishes this value within its set in logical ids. */
  readonly key: string;
}

/** TTL bounds: 30 s is DigitalOcean's minimum; a week is the ceiling RFC 8767 recommends for caches. */
export const MIN_TTL = 30;
export const MAX_TTL = 604_800;

/** Longest single character-string in a TXT record (RFC 1035 section 3.3). */
const TXT_CHUNK = 255;

/** Splits text into RFC 1035 character-strings of at most 255 characters. */
export function txtChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += TXT_CHUNK) chunks.push(text.slice(i, i + TXT_CHUNK));
  return chunks.length > 0 ? chunks : [""];
}

/** Presentation-format rdata (`10 mx.example.org.`) used by providers that take whole record strings. */
export function rdata(record: DnsRecord): string {
  switch (record.type) {
    case "MX":
      return `${record.priority} ${record.value}`;
    case "SRV":
      return `${record.priority} ${record.weight} ${record.port} ${record.value}`;
    case "CAA":
      return `${record.flags ?? 0} ${record.tag} "${record.value}"`;
    default:
      return record.value;
  }
}

import type { DnsRecord, RecordType } from "./record";

/** All values of one name and type: a round-robin set (A/AAAA) or a single value (CNAME). */
export interface RecordSet {
  /** Relative to the zone, `@` for the apex. */
  readonly name: string;
  readonly type: RecordType;
  /** Every value added so far, in insertion order. */
  readonly records: readonly DnsRecord[];
  /** Shared TTL of the set; undefined = provider default. */
  readonly ttl: number | undefined;
}

/** How one DNS provider turns the zone's records into Terraform resources. */
export interface ZoneBackend {
  /** Called after `record` joined `set` (already contained in `set.records`). */
  recordAdded(set: RecordSet, record: DnsRecord): void;
  /** DigitalOcean URN of the domain, when the provider has one and the zone is managed here. */
  readonly urn: string | undefined;
}

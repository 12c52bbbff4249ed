import type { Construct, TerraformResource } from "../../runtime/cdktf";
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
  /** The set holds exactly one value, whose id carries no key (CNAMEs, a host's own address). */
  readonly exclusive: boolean;
}

/** What a backend is told about the zone it serves. */
export interface ZoneContext {
  /** The zone construct: the scope of every resource the backend creates. */
  readonly zone: Construct;
  /** Canonical zone name, lower case, no trailing dot. */
  readonly zoneName: string;
  /** Prefix of the records' logical ids. */
  readonly idPrefix: string;
}

/**
 * How one DNS provider turns a zone's records into Terraform resources. A new provider is a new
 * backend (and a factory), never an edit of the zone.
 */
export interface ZoneBackend {
  /** Called after `record` joined `set`; returns the resource that publishes the record. */
  recordAdded(set: RecordSet, record: DnsRecord): TerraformResource;
}

/** Creates a zone's backend; `DnsZoneProps.backend` takes one, e.g. `digitalOceanDns()`. */
export type ZoneBackendFactory<B extends ZoneBackend = ZoneBackend> = (context: ZoneContext) => B;

import { type Construct, Lazy, type TerraformResource } from "../cdktf";
import { claimLogicalId } from "../terraform/logical-id";
import { setId } from "./names";
import type { DnsRecord, RecordType } from "./record";

/** All values of one name and type: a round-robin set (A/AAAA) or a single value (CNAME). */
export interface RecordSet {
  /** Relative to the zone, `@` for the apex. */
  readonly name: string;
  /** Record type of every value in the set. */
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

/**
 * A backend for a provider with record sets (Route53, Cloud DNS): one resource per name and type,
 * created with the set's first value and listing every value lazily, sorted, so the order values
 * were added never shows. Its logical id is {@link setId}.
 */
export abstract class RecordSetBackend<R extends TerraformResource> implements ZoneBackend {
  private readonly sets = new Map<RecordSet, R>();

  constructor(protected readonly context: ZoneContext) {}

  recordAdded(set: RecordSet): R {
    const known = this.sets.get(set);
    if (known) return known; // the set's resource lists every value lazily
    const values = Lazy.listValue({ produce: () => set.records.map((r) => this.value(r)).sort() });
    const resource = this.newSet(set, values);
    claimLogicalId(resource, setId(this.context.idPrefix, set));
    this.sets.set(set, resource);
    return resource;
  }

  /** The set's resource, in the zone's scope, holding `values`. */
  protected abstract newSet(set: RecordSet, values: string[]): R;

  /** One value as the provider writes it. */
  protected abstract value(record: DnsRecord): string;
}

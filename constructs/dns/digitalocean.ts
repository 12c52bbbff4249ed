import { Domain } from "@cdktf/provider-digitalocean/lib/domain";
import { Record as DoRecord } from "@cdktf/provider-digitalocean/lib/record";
import type { Construct } from "../cdktf";
import { claimLogicalId, releaseLogicalId } from "../terraform/logical-id";
import type { RecordSet, ZoneBackend } from "./backend";
import { terraformId } from "./names";
import type { DnsRecord } from "./record";

/**
 * DigitalOcean domain records: one `digitalocean_record` per value (the API has no record sets),
 * relative names, `@` for the apex. TXT text is passed whole: the DigitalOcean API splits values
 * longer than 255 characters into character-strings itself.
 */
export class DigitalOceanZoneBackend implements ZoneBackend {
  private readonly domainName: string;
  private readonly domain: Domain | undefined;
  private readonly resources = new Map<DnsRecord, { resource: DoRecord; id: string }>();

  constructor(
    private readonly zone: Construct,
    zoneName: string,
    private readonly idPrefix: string,
    existing: boolean,
  ) {
    if (existing) {
      this.domainName = zoneName;
    } else {
      this.domain = new Domain(zone, "domain", { name: zoneName });
      claimLogicalId(this.domain, terraformId("zone", zoneName), { owner: zone, what: `zone ${zoneName}` });
      this.domainName = this.domain.name;
    }
  }

  get urn(): string | undefined {
    return this.domain?.urn;
  }

  recordAdded(set: RecordSet, record: DnsRecord): void {
    // Construct ids never reach the output (logical ids are overridden below); the key may be a token.
    const resource = new DoRecord(this.zone, `${record.name}|${record.type}|${set.records.length}`, {
      domain: this.domainName,
      name: record.name,
      type: record.type,
      value: record.value,
      priority: record.priority,
      weight: record.weight,
      port: record.port,
      flags: record.flags,
      tag: record.tag,
      ttl: record.ttl,
    });
    // A lone unkeyed value is `<prefix>_<name>_<type>`; members of a round-robin set and keyed values
    // add their key, so ids depend only on the final data, never on the order values were added in.
    const first = set.records[0];
    if (set.records.length === 2 && first && !first.keyed) this.rename(first, this.idOf(first, true));
    const id = this.idOf(record, record.keyed || set.records.length > 1);
    this.resources.set(record, { resource, id });
    claimLogicalId(resource, id, { owner: this.zone, what: describe(record) });
  }

  private idOf(record: DnsRecord, inSet: boolean): string {
    return inSet
      ? terraformId(this.idPrefix, record.name, record.type, record.key)
      : terraformId(this.idPrefix, record.name, record.type);
  }

  private rename(record: DnsRecord, id: string): void {
    const entry = this.resources.get(record);
    if (!entry) return;
    releaseLogicalId(entry.resource, entry.id);
    entry.id = id;
    claimLogicalId(entry.resource, id, { owner: this.zone, what: describe(record) });
  }
}

function describe(record: DnsRecord): string {
  return `record ${record.name} ${record.type} ${record.key}`;
}

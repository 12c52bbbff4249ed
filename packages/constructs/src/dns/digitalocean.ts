import { Domain } from "@cdktf/provider-digitalocean/lib/domain";
import { Record as DoRecord } from "@cdktf/provider-digitalocean/lib/record";
import type { TerraformResource } from "../cdktf";
import { claimLogicalId } from "../terraform/logical-id";
import type { RecordSet, ZoneBackend, ZoneBackendFactory, ZoneContext } from "./backend";
import { recordId, terraformId } from "./names";
import type { DnsRecord } from "./record";

export interface DigitalOceanDnsOptions {
  /** The domain exists and is managed elsewhere; only records are written here. @default false */
  readonly existing?: boolean;
}

/** DigitalOcean DNS for a zone: the domain (unless it exists) and one `digitalocean_record` per value. */
export function digitalOceanDns(
  options: DigitalOceanDnsOptions = {},
): ZoneBackendFactory<DigitalOceanZoneBackend> {
  return (context) => new DigitalOceanZoneBackend(context, options);
}

/**
 * DigitalOcean domain records: one `digitalocean_record` per value (the API has no record sets),
 * relative names, `@` for the apex. TXT text is passed whole: the DigitalOcean API splits values
 * longer than 255 characters into character-strings itself.
 */
export class DigitalOceanZoneBackend implements ZoneBackend {
  /** The domain resource; undefined for an existing domain. Its `urn` joins a project. */
  readonly domain: Domain | undefined;
  private readonly domainName: string;

  constructor(
    private readonly context: ZoneContext,
    options: DigitalOceanDnsOptions,
  ) {
    if (options.existing) {
      this.domainName = context.zoneName;
    } else {
      this.domain = new Domain(context.zone, "domain", { name: context.zoneName });
      claimLogicalId(this.domain, terraformId("zone", context.zoneName));
      this.domainName = this.domain.name;
    }
  }

  recordAdded(set: RecordSet, record: DnsRecord): TerraformResource {
    // The construct id keeps the raw name, type and key, so two values whose logical ids sanitize
    // alike reach claimLogicalId, which names both.
    const resource = new DoRecord(this.context.zone, `${set.name}|${set.type}|${record.key}`, {
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
    claimLogicalId(resource, recordId(this.context.idPrefix, set, record));
    return resource;
  }
}

import { DnsManagedZone } from "@cdktf/provider-google/lib/dns-managed-zone";
import { DnsRecordSet } from "@cdktf/provider-google/lib/dns-record-set";
import { Lazy, type TerraformResource } from "../../runtime/cdktf";
import { claimLogicalId } from "../terraform/logical-id";
import type { RecordSet, ZoneBackend, ZoneBackendFactory, ZoneContext } from "./backend";
import { absoluteName, setId, terraformId } from "./names";
import { type DnsRecord, rdata, txtChunks } from "./record";

/** Cloud DNS default TTL when none is given. */
export const GOOGLE_DEFAULT_TTL = 300;

export interface CloudDnsOptions {
  /** The managed zone exists and is managed elsewhere; only records are written here. @default false */
  readonly existing?: boolean;
  /** Cloud DNS managed zone name; default the zone name with dots turned into dashes. */
  readonly managedZoneName?: string;
  /** GCP project; default the provider's project. */
  readonly project?: string;
  /** Managed zone description; default the provider's ("Managed by Terraform"). */
  readonly description?: string;
}

/** Google Cloud DNS for a zone: the managed zone (unless it exists) and one record set per name and type. */
export function cloudDns(options: CloudDnsOptions = {}): ZoneBackendFactory<GoogleZoneBackend> {
  return (context) => new GoogleZoneBackend(context, options);
}

/**
 * Google Cloud DNS: one `google_dns_record_set` per name and type, absolute names with a trailing
 * dot. TXT rdata is written in Cloud DNS's canonical form: each character-string of at most 255
 * characters in double quotes, separated by spaces, so plans show no diff after apply.
 */
export class GoogleZoneBackend implements ZoneBackend {
  /** The managed zone resource; undefined for an existing zone. */
  readonly managedZone: DnsManagedZone | undefined;
  private readonly managedZoneName: string;
  private readonly sets = new Map<RecordSet, DnsRecordSet>();

  constructor(
    private readonly context: ZoneContext,
    private readonly options: CloudDnsOptions,
  ) {
    const name = options.managedZoneName ?? context.zoneName.replace(/\./g, "-");
    if (options.existing) {
      this.managedZoneName = name;
    } else {
      this.managedZone = new DnsManagedZone(context.zone, "managed-zone", {
        name,
        dnsName: `${context.zoneName}.`,
        project: options.project,
        description: options.description,
      });
      claimLogicalId(this.managedZone, terraformId("zone", context.zoneName));
      this.managedZoneName = this.managedZone.name;
    }
  }

  recordAdded(set: RecordSet): TerraformResource {
    const known = this.sets.get(set);
    if (known) return known; // the set's resource lists every value lazily
    const { zoneName, zone, idPrefix } = this.context;
    const resource = new DnsRecordSet(zone, `${set.name}|${set.type}`, {
      managedZone: this.managedZoneName,
      project: this.options.project,
      name: absoluteName(zoneName, set.name),
      type: set.type,
      ttl: set.ttl ?? GOOGLE_DEFAULT_TTL,
      rrdatas: Lazy.listValue({ produce: () => set.records.map(googleValue).sort() }),
    });
    claimLogicalId(resource, setId(idPrefix, set));
    this.sets.set(set, resource);
    return resource;
  }
}

function googleValue(record: DnsRecord): string {
  if (record.type !== "TXT") return rdata(record);
  return txtChunks(record.value)
    .map((chunk) => `"${chunk.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)
    .join(" ");
}

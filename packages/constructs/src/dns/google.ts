import { DnsManagedZone } from "@cdktf/provider-google/lib/dns-managed-zone";
import { DnsRecordSet } from "@cdktf/provider-google/lib/dns-record-set";
import { claimLogicalId } from "../terraform/logical-id";
import { type RecordSet, RecordSetBackend, type ZoneBackendFactory, type ZoneContext } from "./backend";
import { absoluteName, terraformId } from "./names";
import { type DnsRecord, rdata, txtChunks } from "./record";

/** Cloud DNS default TTL when none is given. */
export const GOOGLE_DEFAULT_TTL = 300;

export interface CloudDnsOptions {
  /** The managed zone exists and is managed elsewhere; only records are written here. @default false */
  readonly existing?: boolean;
  /** Cloud DNS managed zone name. @default the zone name with dots turned into dashes */
  readonly managedZoneName?: string;
  /** GCP project. @default the provider's project */
  readonly project?: string;
  /** Managed zone description. @default the provider's ("Managed by Terraform") */
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
export class GoogleZoneBackend extends RecordSetBackend<DnsRecordSet> {
  /** The managed zone resource; undefined for an existing zone. */
  readonly managedZone: DnsManagedZone | undefined;
  private readonly managedZoneName: string;

  constructor(
    context: ZoneContext,
    private readonly options: CloudDnsOptions,
  ) {
    super(context);
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

  protected newSet(set: RecordSet, rrdatas: string[]): DnsRecordSet {
    return new DnsRecordSet(this.context.zone, `${set.name}|${set.type}`, {
      managedZone: this.managedZoneName,
      project: this.options.project,
      name: absoluteName(this.context.zoneName, set.name),
      type: set.type,
      ttl: set.ttl ?? GOOGLE_DEFAULT_TTL,
      rrdatas,
    });
  }

  protected value(record: DnsRecord): string {
    if (record.type !== "TXT") return rdata(record);
    return txtChunks(record.value)
      .map((chunk) => `"${chunk.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)
      .join(" ");
  }
}

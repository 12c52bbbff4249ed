import { DnsManagedZone } from "@cdktf/provider-google/lib/dns-managed-zone";
import { DnsRecordSet } from "@cdktf/provider-google/lib/dns-record-set";
import { type Construct, Lazy } from "../cdktf";
import { claimLogicalId } from "../terraform/logical-id";
import type { RecordSet, ZoneBackend } from "./backend";
import { absoluteName, terraformId } from "./names";
import { type DnsRecord, rdata, txtChunks } from "./record";

/** Cloud DNS default TTL when none is given. */
export const GOOGLE_DEFAULT_TTL = 300;

/**
 * Google Cloud DNS: one `google_dns_record_set` per name and type, absolute names with a trailing
 * dot. TXT rdata is written in Cloud DNS's canonical form: each character-string of at most 255
 * characters in double quotes, separated by spaces, so plans show no diff after apply.
 */
export class GoogleZoneBackend implements ZoneBackend {
  private readonly managedZone: string;
  private readonly project: string | undefined;
  readonly urn = undefined;

  constructor(
    private readonly zone: Construct,
    private readonly zoneName: string,
    private readonly idPrefix: string,
    settings: { existing: boolean; managedZoneName: string; project?: string; description?: string },
  ) {
    this.project = settings.project;
    if (settings.existing) {
      this.managedZone = settings.managedZoneName;
    } else {
      const managed = new DnsManagedZone(zone, "managed-zone", {
        name: settings.managedZoneName,
        dnsName: `${zoneName}.`,
        project: settings.project,
        description: settings.description,
      });
      claimLogicalId(managed, terraformId("zone", zoneName), { owner: zone, what: `zone ${zoneName}` });
      this.managedZone = managed.name;
    }
  }

  recordAdded(set: RecordSet): void {
    if (set.records.length > 1) return; // the set's resource already lists every value lazily
    const resource = new DnsRecordSet(this.zone, `${set.name}|${set.type}`, {
      managedZone: this.managedZone,
      project: this.project,
      name: absoluteName(this.zoneName, set.name),
      type: set.type,
      ttl: set.ttl ?? GOOGLE_DEFAULT_TTL,
      rrdatas: Lazy.listValue({ produce: () => set.records.map(googleValue).sort() }),
    });
    claimLogicalId(resource, terraformId(this.idPrefix, set.name, set.type), {
      owner: this.zone,
      what: `set ${set.name} ${set.type}`,
    });
  }
}

function googleValue(record: DnsRecord): string {
  if (record.type !== "TXT") return rdata(record);
  return txtChunks(record.value)
    .map((chunk) => `"${chunk.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)
    .join(" ");
}

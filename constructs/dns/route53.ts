import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { type Construct, Lazy } from "../cdktf";
import { claimLogicalId } from "../terraform/logical-id";
import type { RecordSet, ZoneBackend } from "./backend";
import { terraformId, withoutTrailingDot } from "./names";
import { type DnsRecord, rdata, txtChunks } from "./record";

/** Route53's TTL is required for plain records; this is the console's default. */
export const ROUTE53_DEFAULT_TTL = 300;

/**
 * AWS Route53: one `aws_route53_record` per name and type holding every value. The provider
 * quotes TXT values itself; text longer than 255 characters is split by inserting `""` between
 * character-strings, as the provider documents.
 */
export class Route53ZoneBackend implements ZoneBackend {
  private readonly zoneId: string;
  readonly urn = undefined;

  constructor(
    private readonly zone: Construct,
    private readonly zoneName: string,
    private readonly idPrefix: string,
    existingZoneId: string | undefined,
    comment: string | undefined,
  ) {
    if (existingZoneId !== undefined) {
      this.zoneId = existingZoneId;
    } else {
      const hostedZone = new Route53Zone(zone, "hosted-zone", { name: zoneName, comment });
      claimLogicalId(hostedZone, terraformId("zone", zoneName), { owner: zone, what: `zone ${zoneName}` });
      this.zoneId = hostedZone.zoneId;
    }
  }

  recordAdded(set: RecordSet): void {
    if (set.records.length > 1) return; // the set's resource already lists every value lazily
    const name = set.name === "@" ? this.zoneName : `${set.name}.${this.zoneName}`;
    const resource = new Route53Record(this.zone, `${set.name}|${set.type}`, {
      zoneId: this.zoneId,
      name: withoutTrailingDot(name),
      type: set.type,
      ttl: set.ttl ?? ROUTE53_DEFAULT_TTL,
      records: Lazy.listValue({ produce: () => set.records.map(route53Value).sort() }),
    });
    claimLogicalId(resource, terraformId(this.idPrefix, set.name, set.type), {
      owner: this.zone,
      what: `set ${set.name} ${set.type}`,
    });
  }
}

function route53Value(record: DnsRecord): string {
  if (record.type !== "TXT") return rdata(record);
  return txtChunks(record.value)
    .map((chunk) => chunk.replace(/\\/g, "\\\\").replace(/"/g, '\\"'))
    .join('""');
}

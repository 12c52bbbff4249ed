import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { claimLogicalId } from "../terraform/logical-id";
import { type RecordSet, RecordSetBackend, type ZoneBackendFactory, type ZoneContext } from "./backend";
import { absoluteName, terraformId, withoutTrailingDot } from "./names";
import { type DnsRecord, rdata, txtChunks } from "./record";

/** Route53's TTL is required for plain records; this is the console's default. */
export const ROUTE53_DEFAULT_TTL = 300;

export interface Route53DnsOptions {
  /** Id of a hosted zone that exists and is managed elsewhere. @default create the hosted zone */
  readonly existingZoneId?: string;
  /** Hosted zone comment. @default none */
  readonly comment?: string;
}

/** AWS Route53 for a zone: the hosted zone (unless it exists) and one record set per name and type. */
export function route53Dns(options: Route53DnsOptions = {}): ZoneBackendFactory<Route53ZoneBackend> {
  return (context) => new Route53ZoneBackend(context, options);
}

/**
 * AWS Route53: one `aws_route53_record` per name and type holding every value. The provider
 * quotes TXT values itself; text longer than 255 characters is split by inserting `""` between
 * character-strings, as the provider documents.
 */
export class Route53ZoneBackend extends RecordSetBackend<Route53Record> {
  /** The hosted zone resource; undefined for an existing zone. */
  readonly hostedZone: Route53Zone | undefined;
  private readonly zoneId: string;

  constructor(context: ZoneContext, options: Route53DnsOptions) {
    super(context);
    if (options.existingZoneId !== undefined) {
      this.zoneId = options.existingZoneId;
    } else {
      this.hostedZone = new Route53Zone(context.zone, "hosted-zone", {
        name: context.zoneName,
        comment: options.comment,
      });
      claimLogicalId(this.hostedZone, terraformId("zone", context.zoneName));
      this.zoneId = this.hostedZone.zoneId;
    }
  }

  protected newSet(set: RecordSet, records: string[]): Route53Record {
    return new Route53Record(this.context.zone, `${set.name}|${set.type}`, {
      zoneId: this.zoneId,
      name: withoutTrailingDot(absoluteName(this.context.zoneName, set.name)),
      type: set.type,
      ttl: set.ttl ?? ROUTE53_DEFAULT_TTL,
      records,
    });
  }

  protected value(record: DnsRecord): string {
    if (record.type !== "TXT") return rdata(record);
    return txtChunks(record.value)
      .map((chunk) => chunk.replace(/\\/g, "\\\\").replace(/"/g, '\\"'))
      .join('""');
  }
}

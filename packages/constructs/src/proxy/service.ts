import { Construct } from "../cdktf";
import { check } from "../core";
import type { IHost } from "../host/host";
import type { IProxyTier } from "./tier";

export interface PublishedServiceProps {
  /** Proxy tier that serves the names. */
  readonly tier: IProxyTier;
  /** Names the service answers to, relative to the tier's zone or absolute. */
  readonly names: readonly string[];
  /** Point the names at this member of the tier instead of the whole tier. @default none */
  readonly pinnedTo?: IHost;
  /** Write CNAMEs even where a wildcard of the tier already covers a name. @default false */
  readonly explicit?: boolean;
}

/**
 * Gives a service its names in front of a proxy tier. A name a tier wildcard covers needs no
 * record; any other name gets a CNAME to the tier (or to the pinned member).
 */
export class PublishedService extends Construct {
  /** Zone-relative names, as given. */
  readonly names: readonly string[];
  /** Absolute names with a trailing dot. */
  readonly fqdns: readonly string[];
  /** Names that got an explicit CNAME. */
  readonly cnames: readonly string[];
  /** Names answered by a tier wildcard. */
  readonly viaWildcard: readonly string[];

  constructor(scope: Construct, id: string, props: PublishedServiceProps) {
    super(scope, id);
    const { tier } = props;
    check(this, props.names.length > 0, "a published service needs at least one name");
    if (props.pinnedTo) {
      const host = props.pinnedTo;
      check(
        this,
        tier.members.includes(host),
        () =>
          `pinned host ${host.name} is not a member of proxy tier ${tier.name} (expected one of ${tier.members.map((m) => m.name).join(", ")})`,
      );
    }
    this.names = props.names.map((name) => tier.zone.relative(name));
    this.fqdns = this.names.map((name) => tier.zone.absolute(name));
    const cnames: string[] = [];
    const viaWildcard: string[] = [];
    for (const name of this.names) {
      if (!props.pinnedTo && !props.explicit && tier.covers(name)) {
        viaWildcard.push(name);
        continue;
      }
      tier.zone.cname(name, props.pinnedTo ?? tier);
      cnames.push(name);
    }
    this.cnames = cnames;
    this.viaWildcard = viaWildcard;
  }
}

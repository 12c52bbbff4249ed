import { Annotations, Construct } from "../cdktf";
import { check, ValidationError } from "../core";
import { targetProblem, withoutTrailingDot } from "../dns/names";
import type { IDnsZone } from "../dns/zone";
import type { IHost } from "../host/host";
import { MIRROR_REGIONS, type MirrorRegion } from "./region";

export interface MirrorProps {
  /** Zone the mirror's name lives in. */
  readonly zone: IDnsZone;
  /** The mirror's name in the zone, relative or absolute, e.g. `mirror-fi`. */
  readonly name: string;
  /** What the name points at: a host, or a CDN's absolute name (`x.cdn.example.net.`). */
  readonly target: IHost | string;
  /** Region the mirror is listed under. */
  readonly region: MirrorRegion;
  /** Free-text location as listed, e.g. `Helsinki, Finland`. */
  readonly location: string;
  /** Whether clients are offered the mirror. */
  readonly enabled: boolean;
  /**
   * ISO 3166-1 alpha-2 code of the country the mirror is listed in (any case); a host target must
   * declare the same `country`. @default not checked
   */
  readonly country?: string;
  /** Hosts the repository is synchronised to; when given, a host target must be one of them. @default not checked */
  readonly syncedHosts?: readonly IHost[];
}

/**
 * A first-tier package mirror: a name in the zone as a CNAME to a host or a CDN name, with the listing
 * data (region, location, enabled). A host target whose country differs from the declared one, or
 * that the repository is not synchronised to, is an error for an enabled mirror (clients would be
 * sent there) and a warning for a disabled one (nobody is sent there, but the record misleads).
 */
export class Mirror extends Construct {
  /** Zone-relative name, e.g. `mirror-fi`. */
  readonly name: string;
  /** Absolute name with a trailing dot. */
  readonly fqdn: string;
  /** `https://<name>/`, as mirror lists give it. */
  readonly baseUrl: string;
  readonly region: MirrorRegion;
  readonly location: string;
  readonly enabled: boolean;
  readonly country: string | undefined;
  readonly target: IHost | string;
  private readonly zone: IDnsZone;

  constructor(scope: Construct, id: string, props: MirrorProps) {
    super(scope, id);
    check(
      this,
      MIRROR_REGIONS.includes(props.region),
      () => `region "${props.region}" is not a mirror region (expected one of ${MIRROR_REGIONS.join(", ")})`,
    );
    this.zone = props.zone;
    this.name = props.zone.relative(props.name);
    this.fqdn = props.zone.absolute(this.name);
    this.baseUrl = `https://${withoutTrailingDot(this.fqdn)}/`;
    this.region = props.region;
    this.location = props.location;
    this.enabled = props.enabled;
    this.target = props.target;
    this.country = props.country?.toLowerCase();
    if (typeof props.target === "string") {
      const why = targetProblem(props.target);
      if (why) throw new ValidationError(this, `mirror ${this.name}: ${why}`);
    } else {
      this.checkHost(props.target, props.syncedHosts);
    }
    props.zone.cname(this.name, props.target);
  }

  /** Adds `name` as a CNAME to this mirror (a repointable alias such as `mirror-default`). */
  addAlias(name: string): this {
    this.zone.cname(name, this.fqdn);
    return this;
  }

  private checkHost(host: IHost, synced: readonly IHost[] | undefined): void {
    const problems: string[] = [];
    if (this.country !== undefined && host.country !== this.country) {
      const where = host.country === undefined ? "no declared country" : `"${host.country}"`;
      problems.push(
        `declares country "${this.country}" (${this.location}) but points at host ${host.name} in ${where} (expected a host in the declared country)`,
      );
    }
    if (synced !== undefined && !synced.includes(host)) {
      problems.push(
        `points at host ${host.name}, which the repository is not synchronised to (expected one of ${synced.map((h) => h.name).join(", ")})`,
      );
    }
    for (const problem of problems) {
      const message = `mirror ${this.name} ${problem}`;
      if (this.enabled) throw new ValidationError(this, message);
      Annotations.of(this).addWarning(`${message}; the mirror is disabled, so this is a warning`);
    }
  }
}

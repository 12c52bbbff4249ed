import { Construct } from "../cdktf";
import { check } from "../core";
import { isDirectChild } from "../dns/names";
import type { IDnsZone } from "../dns/zone";
import type { IHost } from "../host/host";

export interface ProxyTierProps {
  /** Zone the tier's round-robin name is published in. */
  readonly zone: IDnsZone;
  /** Relative (or absolute) name of the round-robin set, e.g. `proxy`. */
  readonly name: string;
  /** Hosts in rotation; remove one from this list to take it out of rotation. */
  readonly members: readonly IHost[];
  /** Publish AAAA records for members that have IPv6. @default true */
  readonly ipv6?: boolean;
  /**
   * Parents whose otherwise undefined children all go to this tier via a wildcard CNAME
   * (`s` → `*.s`, `@` → `*`). @default none
   */
  readonly wildcards?: readonly string[];
}

/** What published services need from a proxy tier. */
export interface IProxyTier {
  /** Zone the tier is published in. */
  readonly zone: IDnsZone;
  /** Zone-relative name of the round-robin set. */
  readonly name: string;
  /** Absolute name with a trailing dot; CNAMEs point here. */
  readonly fqdn: string;
  /** Hosts in rotation. */
  readonly members: readonly IHost[];
  /** Whether a wildcard of this tier answers for `name`. */
  covers(name: string): boolean;
}

/**
 * A tier of reverse proxies behind one round-robin name: an A (and AAAA) record per member, keyed
 * by the member's name so taking a host out of rotation removes exactly its records.
 */
export class ProxyTier extends Construct implements IProxyTier {
  readonly zone: IDnsZone;
  /** Zone-relative name of the round-robin set. */
  readonly name: string;
  /** Absolute name with a trailing dot; CNAMEs point here. */
  readonly fqdn: string;
  private readonly ipv6: boolean;
  private readonly memberList: IHost[] = [];
  private readonly wildcardParents: string[] = [];

  constructor(scope: Construct, id: string, props: ProxyTierProps) {
    super(scope, id);
    this.zone = props.zone;
    this.name = props.zone.relative(props.name);
    this.fqdn = props.zone.absolute(this.name);
    this.ipv6 = props.ipv6 ?? true;
    check(
      this,
      props.members.length > 0,
      `proxy tier ${this.name} has no members (expected at least one host in rotation)`,
    );
    for (const host of props.members) this.addMember(host);
    for (const parent of props.wildcards ?? []) this.addWildcard(parent);
  }

  /** Hosts in rotation, in the order they were added. */
  get members(): readonly IHost[] {
    return this.memberList;
  }

  /** Zone-relative parents that have a wildcard CNAME to this tier. */
  get wildcards(): readonly string[] {
    return this.wildcardParents;
  }

  /** Puts `host` into rotation. */
  addMember(host: IHost): this {
    check(
      this,
      !this.memberList.includes(host),
      `host ${host.name} is already a member of proxy tier ${this.name}`,
    );
    check(
      this,
      host.ipv4 !== undefined || (this.ipv6 && host.ipv6 !== undefined),
      () =>
        `host ${host.name} has no address this tier publishes (expected ipv4${this.ipv6 ? " or ipv6" : ""})`,
    );
    this.memberList.push(host);
    if (host.ipv4 !== undefined) this.zone.a(this.name, host.ipv4, { key: host.name });
    if (this.ipv6 && host.ipv6 !== undefined) this.zone.aaaa(this.name, host.ipv6, { key: host.name });
    return this;
  }

  /** Sends every otherwise undefined child of `parent` (`@` for the apex) to this tier: `*.<parent>` CNAME. */
  addWildcard(parent: string): this {
    const relative = this.zone.relative(parent);
    this.zone.cname(relative === "@" ? "*" : `*.${relative}`, this.fqdn);
    this.wildcardParents.push(relative);
    return this;
  }

  /** Whether a wildcard of this tier answers for `name` (one label below a wildcard parent). */
  covers(name: string): boolean {
    const relative = this.zone.relative(name);
    return this.wildcardParents.some((parent) => isDirectChild(relative, parent));
  }
}

import { Construct, type TerraformResource } from "../cdktf";
import { check, ValidationError } from "../core";
import { ipv4Problem, ipv6Problem } from "../dns/address";
import type { IDnsZone } from "../dns/zone";
import { existingMachine, type MachineFactory } from "./machine";
import { ANY_LABEL, GUEST_LABEL, type HostNamingConvention } from "./naming";

/** What other constructs (proxy tiers, mirrors, records) need from a host. */
export interface IHost {
  /** Machine name, e.g. `web1` or `vm3.web1`. */
  readonly name: string;
  /** Absolute name with a trailing dot. */
  readonly fqdn: string;
  /** Public IPv4 (a reference for created machines); undefined when it has none. */
  readonly ipv4: string | undefined;
  /** Public IPv6 (a reference for created machines); undefined when it has none. */
  readonly ipv6: string | undefined;
  /** Site (a data centre, a city), as declared; undefined when none is. */
  readonly site: string | undefined;
  /** ISO 3166-1 alpha-2 code of the country the machine is in, lower case, as declared; undefined when none is. */
  readonly country: string | undefined;
  /** Free-form roles (inventory groups). */
  readonly roles: readonly string[];
}

/** Addresses and roles of a guest (e.g. a VM) running on a host. */
export interface GuestProps {
  /** Public IPv4 of the guest. @default none */
  readonly ipv4?: string;
  /** Public IPv6 of the guest. @default none */
  readonly ipv6?: string;
  /** Free-form roles (inventory groups). @default none */
  readonly roles?: readonly string[];
  /** Address on the private mesh (e.g. WireGuard). @default none */
  readonly meshAddress?: string;
}

export interface HostProps {
  /** Zone that receives the host's A/AAAA records. */
  readonly zone: IDnsZone;
  /** Machine name (for a guest: its label, e.g. `vm3`). */
  readonly name: string;
  /** How the machine comes to exist: `existingMachine({ ipv4 })`, `digitalOceanDroplet({...})`, ... */
  readonly machine: MachineFactory;
  /** Zone-relative name the machine names live under (`hosts` → `web1.hosts.example.org`). @default the apex */
  readonly subdomain?: string;
  /** Free-form roles (inventory groups). @default none */
  readonly roles?: readonly string[];
  /** Address on the private mesh (e.g. WireGuard). @default none */
  readonly meshAddress?: string;
  /**
   * ISO 3166-1 alpha-2 code of the country the machine is in, e.g. `fi` (any case). A mirror that
   * declares a country checks a host target against it. A guest is where its parent is.
   * @default none (a mirror declaring a country cannot point at the host)
   */
  readonly country?: string;
  /** Site the machine is at (a data centre, a city), e.g. `hel`; a guest's is its parent's. @default none */
  readonly site?: string;
  /** Naming convention the name must follow. @default any DNS label */
  readonly naming?: HostNamingConvention;
  /** Machine this one runs on; the name is then `<label>.<parent name>`. @default none */
  readonly parent?: Host;
}

/**
 * A machine with a name, addresses, roles and its own A/AAAA records. For machines Terraform
 * creates, the records refer to the resource's address attribute rather than a literal; each record
 * set holds the host's one address, so a new address updates the record in place.
 */
export class Host extends Construct implements IHost {
  readonly name: string;
  readonly fqdn: string;
  /** Zone-relative record name, e.g. `web1.hosts`. */
  readonly recordName: string;
  readonly site: string | undefined;
  readonly country: string | undefined;
  readonly roles: readonly string[];
  readonly ipv4: string | undefined;
  readonly ipv6: string | undefined;
  readonly meshAddress: string | undefined;
  /** The Terraform resource that creates the machine; undefined for existing machines. */
  readonly machine: TerraformResource | undefined;
  private readonly zone: IDnsZone;
  private readonly subdomain: string | undefined;

  constructor(scope: Construct, id: string, props: HostProps) {
    super(scope, id);
    this.zone = props.zone;
    this.subdomain = props.subdomain;
    if (props.parent) {
      check(
        this,
        GUEST_LABEL.test(props.name),
        () =>
          `guest label "${props.name}" is not valid (expected a lower-case letter, then letters, digits or "-")`,
      );
      this.name = `${props.name}.${props.parent.name}`;
      this.site = props.parent.site;
      this.country = props.parent.country;
    } else {
      const naming = props.naming ?? ANY_LABEL;
      check(
        this,
        wholeName(this, naming.pattern).test(props.name),
        () =>
          `host name "${props.name}" does not follow the naming convention (expected ${naming.description})`,
      );
      this.name = props.name;
      this.site = props.site;
      check(
        this,
        props.country === undefined || /^[A-Za-z]{2}$/.test(props.country),
        () => `country "${props.country}" is not an ISO 3166-1 alpha-2 code (expected two letters, e.g. fi)`,
      );
      this.country = props.country?.toLowerCase();
    }
    this.recordName = props.subdomain === undefined ? this.name : `${this.name}.${props.subdomain}`;
    this.fqdn = this.zone.absolute(this.recordName);
    this.roles = [...(props.roles ?? [])];
    if (props.meshAddress !== undefined) {
      const why = ipv4Problem(props.meshAddress) && ipv6Problem(props.meshAddress);
      check(this, !why, () => `meshAddress "${props.meshAddress}" is not an IPv4 or IPv6 address`);
    }
    this.meshAddress = props.meshAddress;

    const created = props.machine({ scope: this, name: this.name, fqdn: this.fqdn });
    this.machine = created.resource;
    this.ipv4 = created.ipv4;
    this.ipv6 = created.ipv6;
    if (this.ipv4 !== undefined) this.checkAddress("ipv4", ipv4Problem(this.ipv4));
    if (this.ipv6 !== undefined) this.checkAddress("ipv6", ipv6Problem(this.ipv6));
    check(
      this,
      this.ipv4 !== undefined || this.ipv6 !== undefined,
      `host ${this.name} has no address (expected ipv4 or ipv6 for an existing machine)`,
    );
    if (this.ipv4 !== undefined) this.zone.a(this.recordName, this.ipv4, { exclusive: true });
    if (this.ipv6 !== undefined) this.zone.aaaa(this.recordName, this.ipv6, { exclusive: true });
  }

  /** Whether the host has `role`. */
  hasRole(role: string): boolean {
    return this.roles.includes(role);
  }

  /** Adds a guest machine (e.g. a VM) named `<label>.<this name>`, with its own records. */
  addGuest(label: string, props: GuestProps): Host {
    return new Host(this.node.scope as Construct, `${label}.${this.node.id}`, {
      zone: this.zone,
      name: label,
      machine: existingMachine({ ipv4: props.ipv4, ipv6: props.ipv6 }),
      subdomain: this.subdomain,
      roles: props.roles,
      meshAddress: props.meshAddress,
      parent: this,
    });
  }

  private checkAddress(field: string, problem: string | undefined): void {
    if (problem) throw new ValidationError(this, `${field}: ${problem}`);
  }
}

/** The convention's pattern, matching whole names only; a pattern that does not compile is a ValidationError. */
function wholeName(scope: Construct, pattern: RegExp | string): RegExp {
  const source = typeof pattern === "string" ? pattern : pattern.source;
  try {
    return new RegExp(`^(?:${source})$`, typeof pattern === "string" ? "" : pattern.flags);
  } catch (error) {
    throw new ValidationError(
      scope,
      `naming pattern ${source} is not a regular expression (${(error as Error).message})`,
    );
  }
}

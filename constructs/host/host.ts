import { Instance } from "@cdktf/provider-aws/lib/instance";
import { Droplet } from "@cdktf/provider-digitalocean/lib/droplet";
import { ComputeInstance } from "@cdktf/provider-google/lib/compute-instance";
import { Construct, Fn, type TerraformResource, Token } from "../cdktf";
import { type IDnsZone, ipv4Problem, ipv6Problem, terraformId, withoutTrailingDot } from "../dns";
import { claimLogicalId } from "../terraform/logical-id";
import { check, ValidationError } from "../validation";
import {
  type DigitalOceanProject,
  type DigitalOceanSshKey,
  type DigitalOceanVpc,
  type DropletImage,
  dropletImage,
} from "./digitalocean";
import { GUEST_LABEL, type HostNamingConvention, LETTER_SITE_COUNTRY } from "./naming";

/** A machine that exists already; its addresses are given. */
export interface ExistingMachine {
  readonly kind: "existing";
  /** Public IPv4 address; default none. */
  readonly ipv4?: string;
  /** Public IPv6 address; default none. */
  readonly ipv6?: string;
}

/** A DigitalOcean droplet created by Terraform. */
export interface DigitalOceanMachine {
  readonly kind: "digitalocean";
  /** Region slug, e.g. `sfo3`; must match the VPC's region. */
  readonly region: string;
  /** Size slug, e.g. `s-1vcpu-1gb`. */
  readonly size: string;
  readonly image: DropletImage;
  /** Default: the region's default VPC. */
  readonly vpc?: DigitalOceanVpc;
  /** Keys installed for root; default none. */
  readonly sshKeys?: readonly DigitalOceanSshKey[];
  /** Project the droplet joins; default none (the account's default project). */
  readonly project?: DigitalOceanProject;
  /** Enable public IPv6 and publish an AAAA record; default false. */
  readonly ipv6?: boolean;
}

/** A Google Compute Engine instance created by Terraform. */
export interface GoogleMachine {
  readonly kind: "google";
  /** Zone, e.g. `europe-north1-a`. */
  readonly zone: string;
  /** Machine type, e.g. `e2-small`. */
  readonly machineType: string;
  /** Boot image, e.g. `debian-cloud/debian-12`. */
  readonly image: string;
  /** VPC network; default `default`. */
  readonly network?: string;
  /** GCP project; default the provider's project. */
  readonly project?: string;
  /** Dual-stack interface with an external IPv6 address and an AAAA record; default false. */
  readonly ipv6?: boolean;
}

/** An AWS EC2 instance created by Terraform. */
export interface AwsMachine {
  readonly kind: "aws";
  /** AMI id. */
  readonly ami: string;
  /** Instance type, e.g. `t3.small`. */
  readonly instanceType: string;
  /** Default: the default VPC's subnet for the availability zone AWS picks. */
  readonly subnetId?: string;
  /** EC2 key pair name; default none. */
  readonly keyName?: string;
  /** Assign one IPv6 address and publish an AAAA record; default false. */
  readonly ipv6?: boolean;
}

/** How a host comes to exist: one typed choice. */
export type HostMachine = ExistingMachine | DigitalOceanMachine | GoogleMachine | AwsMachine;

/** Addresses and roles of a guest (e.g. a VM) running on a host. */
export interface GuestProps {
  /** Default none. */
  readonly ipv4?: string;
  /** Default none. */
  readonly ipv6?: string;
  /** Default none. */
  readonly roles?: readonly string[];
  /** Default none. */
  readonly meshAddress?: string;
}

export interface HostProps {
  /** Zone that receives the host's A/AAAA records. */
  readonly zone: IDnsZone;
  /** Machine name following `naming` (for a guest: its label, e.g. `vm3`). */
  readonly name: string;
  /** Existing machine or one Terraform creates, and where. */
  readonly provider: HostMachine;
  /** Zone-relative name the machine names live under (`m` → `a-hel-fi.m.example.org`); default the apex. */
  readonly subdomain?: string;
  /** Free-form roles (inventory groups); default none. */
  readonly roles?: readonly string[];
  /** Address on the private mesh (e.g. WireGuard); default none. */
  readonly meshAddress?: string;
  /** Naming convention the name must follow; default {@link LETTER_SITE_COUNTRY}. */
  readonly naming?: HostNamingConvention;
  /** Machine this one runs on; the name is then `<label>.<parent name>`; default none. */
  readonly parent?: Host;
}

/**
 * A machine with a conventional name, addresses, roles and its own A/AAAA records. For machines
 * Terraform creates, the records refer to the resource's address attribute rather than a literal.
 */
export class Host extends Construct {
  /** Machine name, e.g. `a-hel-fi` or `vm3.a-lej-de`. */
  readonly name: string;
  /** Absolute name with a trailing dot, e.g. `a-hel-fi.m.example.org.`. */
  readonly fqdn: string;
  /** Zone-relative record name, e.g. `a-hel-fi.m`. */
  readonly recordName: string;
  readonly site: string;
  /** ISO 3166 alpha-2 code, lower case. */
  readonly countryCode: string;
  readonly roles: readonly string[];
  /** Public IPv4 (a token for created machines); undefined when it has none. */
  readonly ipv4: string | undefined;
  /** Public IPv6 (a token for created machines); undefined when it has none. */
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
      check(this, props.provider.kind === "existing", "a guest on another host must be an existing machine");
      this.name = `${props.name}.${props.parent.name}`;
      this.site = props.parent.site;
      this.countryCode = props.parent.countryCode;
    } else {
      const naming = props.naming ?? LETTER_SITE_COUNTRY;
      const groups = naming.pattern.exec(props.name)?.groups;
      check(
        this,
        groups?.site && groups.cc,
        () =>
          `host name "${props.name}" does not follow the naming convention (expected ${naming.description})`,
      );
      this.name = props.name;
      this.site = groups.site;
      this.countryCode = groups.cc;
    }
    this.recordName = props.subdomain === undefined ? this.name : `${this.name}.${props.subdomain}`;
    this.fqdn = this.zone.absolute(this.recordName);
    this.roles = [...(props.roles ?? [])];
    if (props.meshAddress !== undefined) {
      const why = ipv4Problem(props.meshAddress) && ipv6Problem(props.meshAddress);
      check(this, !why, () => `meshAddress "${props.meshAddress}" is not an IPv4 or IPv6 address`);
    }
    this.meshAddress = props.meshAddress;

    const created = this.createMachine(props.provider);
    this.machine = created.machine;
    this.ipv4 = created.ipv4;
    this.ipv6 = created.ipv6;
    if (this.ipv4 !== undefined) this.checkAddress("ipv4", ipv4Problem(this.ipv4));
    if (this.ipv6 !== undefined) this.checkAddress("ipv6", ipv6Problem(this.ipv6));
    check(
      this,
      this.ipv4 !== undefined || this.ipv6 !== undefined,
      `host ${this.name} has no address (expected ipv4 or ipv6 for an existing machine)`,
    );
    if (this.ipv4 !== undefined) this.zone.a(this.recordName, this.ipv4);
    if (this.ipv6 !== undefined) this.zone.aaaa(this.recordName, this.ipv6);
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
      provider: { kind: "existing", ipv4: props.ipv4, ipv6: props.ipv6 },
      subdomain: this.subdomain,
      roles: props.roles,
      meshAddress: props.meshAddress,
      parent: this,
    });
  }

  private checkAddress(field: string, problem: string | undefined): void {
    if (problem) throw new ValidationError(this, `${field}: ${problem}`);
  }

  private createMachine(machine: HostMachine): {
    machine?: TerraformResource;
    ipv4?: string;
    ipv6?: string;
  } {
    switch (machine.kind) {
      case "existing":
        return { ipv4: machine.ipv4, ipv6: machine.ipv6 };
      case "digitalocean": {
        check(
          this,
          !machine.vpc || machine.vpc.region === machine.region,
          () =>
            `droplet region ${machine.region} differs from its VPC's region ${machine.vpc?.region} (expected the same region)`,
        );
        const droplet = new Droplet(this, "droplet", {
          name: withoutTrailingDot(this.fqdn),
          region: machine.region,
          size: machine.size,
          image: dropletImage(this, machine.image),
          vpcUuid: machine.vpc?.id,
          sshKeys: machine.sshKeys?.map((key) => key.fingerprint),
          ipv6: machine.ipv6 ? true : undefined,
        });
        claimLogicalId(droplet, terraformId("droplet", this.name), {
          owner: this,
          what: `host ${this.name}`,
        });
        machine.project?.addResource(droplet.urn);
        return {
          machine: droplet,
          ipv4: droplet.ipv4Address,
          ipv6: machine.ipv6 ? droplet.ipv6Address : undefined,
        };
      }
      case "google": {
        const instance = new ComputeInstance(this, "instance", {
          name: this.name,
          zone: machine.zone,
          project: machine.project,
          machineType: machine.machineType,
          bootDisk: { initializeParams: { image: machine.image } },
          networkInterface: [
            {
              network: machine.network ?? "default",
              accessConfig: [{}],
              stackType: machine.ipv6 ? "IPV4_IPV6" : undefined,
              ipv6AccessConfig: machine.ipv6 ? [{ networkTier: "PREMIUM" }] : undefined,
            },
          ],
        });
        claimLogicalId(instance, terraformId("instance", this.name), {
          owner: this,
          what: `host ${this.name}`,
        });
        const nic = instance.networkInterface.get(0);
        return {
          machine: instance,
          ipv4: nic.accessConfig.get(0).natIp,
          ipv6: machine.ipv6 ? nic.ipv6AccessConfig.get(0).externalIpv6 : undefined,
        };
      }
      case "aws": {
        const instance = new Instance(this, "instance", {
          ami: machine.ami,
          instanceType: machine.instanceType,
          subnetId: machine.subnetId,
          keyName: machine.keyName,
          associatePublicIpAddress: true,
          ipv6AddressCount: machine.ipv6 ? 1 : undefined,
          tags: { Name: withoutTrailingDot(this.fqdn) },
        });
        claimLogicalId(instance, terraformId("instance", this.name), {
          owner: this,
          what: `host ${this.name}`,
        });
        return {
          machine: instance,
          ipv4: instance.publicIp,
          ipv6: machine.ipv6 ? Token.asString(Fn.element(instance.ipv6Addresses, 0)) : undefined,
        };
      }
    }
  }
}

/**
 * Void's machines (void-estate.md section 9): one entry per host. Names follow
 * `<letter>-<site>-<cc>`; records are published as `<name>.m.voidlinux.org`. Roles are the Ansible
 * inventory groups. Only a-sfo3-us is created by Terraform (a DigitalOcean droplet); every other
 * machine exists already and its addresses are given.
 */
import type {
  DigitalOceanProjectProps,
  DigitalOceanSshKeyProps,
  DigitalOceanVpcProps,
} from "../constructs/host/digitalocean";
import type { HostNamingConvention } from "../constructs/host/naming";

/** Ansible inventory groups, used as host roles. */
type VoidRole =
  | "buildworker"
  | "hashimaster"
  | "hashimirror"
  | "hashimx"
  | "hashiworker"
  | "musl"
  | "net_static"
  | "netauth"
  | "netlogon"
  | "prod"
  | "root_mirror"
  | "unmanaged";

/** Nomad datacenters a client can belong to. */
export type NomadDatacenter = "VOID" | "VOID-CONTROL" | "VOID-MIRROR" | "VOID-MX";

/** A droplet Terraform creates in the account's VPC, with its SSH keys, in its project. */
interface DropletSpec {
  readonly region: string;
  readonly size: string;
  /** Custom image looked up by name, or a public slug. */
  readonly image: { readonly name: string } | { readonly slug: string };
}

/** One machine: an existing one with its addresses, or a droplet Terraform creates. */
interface MachineSpec {
  /** Public IPv4 of an existing machine. */
  readonly ipv4?: string;
  /** Public IPv6 published as AAAA. */
  readonly ipv6?: string;
  /** Created by Terraform on DigitalOcean instead of existing; addresses then come from the droplet. */
  readonly droplet?: DropletSpec;
  /** WireGuard mesh address (void0, 192.168.99.0/24). */
  readonly mesh?: string;
  readonly nomadDatacenter?: string;
  /** Ansible inventory groups. */
  readonly roles: readonly string[];
  /** Guests (VMs) named `<label>.<host>`, with their addresses. */
  readonly guests?: Readonly<Record<string, { readonly ipv4?: string; readonly ipv6?: string }>>;
}

/** Void's vocabulary checked at compile time: roles and datacenters are closed sets. */
interface VoidMachine extends MachineSpec {
  readonly roles: readonly VoidRole[];
  readonly nomadDatacenter?: NomadDatacenter;
}

const VOID_HOSTS = {
  "a-hel-fi": {
    ipv4: "95.216.76.97",
    ipv6: "2a01:4f9:2b:c9e::2",
    mesh: "192.168.99.100",
    nomadDatacenter: "VOID",
    roles: ["buildworker", "netlogon", "hashiworker", "prod", "net_static"],
  },
  "b-hel-fi": {
    ipv4: "65.21.160.177",
    ipv6: "2a01:4f9:4b:42dc::d01",
    mesh: "192.168.99.113",
    nomadDatacenter: "VOID-MIRROR",
    roles: ["netlogon", "hashimirror", "prod", "musl", "net_static"],
  },
  "c-hel-fi": {
    ipv4: "95.217.132.25",
    ipv6: "2a01:4f9:c012:498a::2",
    mesh: "192.168.99.118",
    nomadDatacenter: "VOID-MX",
    roles: ["netlogon", "hashimx", "prod", "musl", "net_static"],
  },
  "d-hel-fi": {
    ipv4: "135.181.160.58",
    ipv6: "2a01:4f9:3a:17d7::2",
    mesh: "192.168.99.119",
    nomadDatacenter: "VOID-MIRROR",
    roles: ["netlogon", "hashimirror", "prod", "musl", "net_static"],
  },
  "e-hel-fi": {
    ipv4: "95.216.161.173",
    ipv6: "2a01:4f9:c010:ddfd::2",
    mesh: "192.168.99.120",
    nomadDatacenter: "VOID-CONTROL",
    roles: ["netlogon", "hashimaster", "prod", "net_static"],
  },
  "f-hel-fi": {
    ipv4: "65.21.149.215",
    ipv6: "2a01:4f9:c012:7a9e::2",
    mesh: "192.168.99.121",
    nomadDatacenter: "VOID-CONTROL",
    roles: ["netlogon", "hashimaster", "prod", "net_static"],
  },
  "g-hel-fi": {
    ipv4: "95.217.130.28",
    ipv6: "2a01:4f9:c012:65::2",
    mesh: "192.168.99.122",
    nomadDatacenter: "VOID-CONTROL",
    roles: ["netlogon", "hashimaster", "prod", "net_static"],
  },
  "h-hel-fi": {
    ipv4: "65.21.145.134",
    ipv6: "2a01:4f9:c012:8db::2",
    mesh: "192.168.99.123",
    nomadDatacenter: "VOID",
    roles: ["netlogon", "hashiworker", "prod", "net_static"],
  },
  "i-hel-fi": {
    ipv4: "95.216.191.60",
    ipv6: "2a01:4f9:c012:be3::2",
    mesh: "192.168.99.124",
    roles: ["netauth", "netlogon", "prod", "net_static"],
  },
  "j-hel-fi": {
    ipv4: "95.216.203.66",
    ipv6: "2a01:4f9:c013:c508::2",
    mesh: "192.168.99.125",
    nomadDatacenter: "VOID",
    roles: ["netlogon", "hashiworker", "prod", "musl", "net_static"],
  },
  "a-fra-de": {
    ipv4: "212.83.43.28",
    ipv6: "2a00:f48:2000:1031::3",
    mesh: "192.168.99.117",
    nomadDatacenter: "VOID-MIRROR",
    roles: ["netlogon", "hashimirror", "prod", "musl", "net_static"],
  },
  "a-fsn-de": {
    ipv4: "138.201.204.130",
    ipv6: "2a01:4f8:173:1481::2",
    mesh: "192.168.99.112",
    nomadDatacenter: "VOID",
    roles: ["buildworker", "root_mirror", "netlogon", "hashiworker", "prod", "net_static"],
  },
  "b-fsn-de": {
    ipv4: "168.119.90.174",
    ipv6: "2a01:4f8:251:5391:5054:ff:fe89:6714",
    mesh: "192.168.99.115",
    nomadDatacenter: "VOID",
    roles: ["buildworker", "netlogon", "hashiworker", "prod"],
  },
  "a-lej-de": {
    ipv4: "136.243.133.13",
    roles: ["unmanaged", "prod"],
    guests: { vm3: { ipv4: "148.251.199.113" } },
  },
  // host_vars also list 2a01:4f8:c17:da9::2, but DNS has never published it (known defect kept as is).
  "b-lej-de": {
    ipv4: "78.46.212.193",
    mesh: "192.168.99.101",
    nomadDatacenter: "VOID",
    roles: ["netlogon", "hashiworker", "prod", "net_static"],
  },
  "a-sfo3-us": {
    droplet: { region: "sfo3", size: "s-1vcpu-1gb", image: { name: "void-linux-20200730RC1" } },
    mesh: "192.168.99.103",
    roles: ["netauth", "netlogon", "prod"],
  },
  "a-sea-us": {
    ipv4: "199.255.18.172",
    mesh: "192.168.99.126",
    nomadDatacenter: "VOID",
    roles: ["netlogon", "hashiworker", "prod"],
  },
} as const satisfies Record<string, VoidMachine>;

export type VoidHostName = keyof typeof VOID_HOSTS;

/** The DigitalOcean account's shared pieces: VPC, SSH keys, project and the custom-image bucket. */
interface DigitalOceanAccountSpec {
  readonly vpc: DigitalOceanVpcProps;
  readonly sshKeys: readonly DigitalOceanSshKeyProps[];
  readonly project: DigitalOceanProjectProps;
  /** Spaces bucket the custom droplet images are uploaded to. */
  readonly imageBucket: { readonly name: string; readonly region: string };
}

export interface HostsEstate {
  /** How machines are named; hosts whose name breaks it fail synth. */
  readonly naming: HostNamingConvention;
  /** Zone-relative parent of every machine name (`m` → `a-hel-fi.m.voidlinux.org`). */
  readonly subdomain: string;
  readonly machines: Readonly<Record<string, MachineSpec>>;
  /** Hosts the Nomad `sync` job copies the repository to (void-estate.md section 8). */
  readonly mirrorSyncHosts: readonly string[];
  readonly digitalocean: DigitalOceanAccountSpec;
}

const DIGITALOCEAN: DigitalOceanAccountSpec = {
  vpc: { name: "void-prod", region: "sfo3", ipRange: "192.168.100.0/24" },
  sshKeys: [
    {
      name: "maldridge1",
      // Registered in 2020, before the 3072-bit rule; replacing it means re-keying the droplet.
      minRsaBits: 2048,
      publicKey:
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC9KC4FQ9SR0LOiZPAeNbiW2bpWHUdACkfMkmZoyuSGRdNazMwOFu3X5UR08if7uVIwbQItMDauxEP8H2zq/ChcOl5ZDbPO9EhIFZmnRCGHB2YtaMeT+w43zbLrnA9FC3Z3wNsNvqzerwaF2nmb1RNaJzLdzEj6dx+rqnPfk2FZj3v0Lgl+A2UAqK0W+uK+l/sS0vMTlWVdTKZuOgmu1nLt3ljeFVYOqWcaeqN+oIOargVA+4yas+N1YTAtNp6ShLqhIaNQS03kXSqHROFT6u5U4Aub7ryQPVyYasriW8dvxWQ41FZ26GcBPL1isMq348Ljgk7W5enGaDc7Xpmy8OMR maldridge@theGibson",
    },
  ],
  project: {
    name: "Production",
    description: "Production Infrastructure",
    purpose: "Host Void",
    environment: "Production",
    // Provider 2.71 writes is_default on every update; verify with `doctl projects list` (docs/adoption.md).
    isDefault: false,
  },
  imageBucket: { name: "void-prod-s3-images", region: "sfo2" },
};

export const HOSTS: HostsEstate = {
  // A letter counting up per site, the site (an IATA airport code or a data-centre name such as
  // sfo3), and the ISO 3166 country code: mirrors check their country against `cc`.
  naming: {
    pattern: "^(?<letter>[a-z])-(?<site>[a-z]{3}[0-9]*)-(?<cc>[a-z]{2})$",
    description: "<letter>-<site>-<cc>, e.g. a-hel-fi",
  },
  subdomain: "m",
  machines: VOID_HOSTS,
  mirrorSyncHosts: ["d-hel-fi", "a-fra-de"] satisfies VoidHostName[],
  digitalocean: DIGITALOCEAN,
};

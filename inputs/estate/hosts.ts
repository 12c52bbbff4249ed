import type { DigitalOceanEnvironment } from "@void-linux/infra-constructs/host/digitalocean";
import { z } from "zod";
import {
  ANSIBLE_ALL,
  ansibleGroup,
  ansibleGroupName,
  ansibleVariable,
  cidrv4,
  datacenterName,
  distinct,
  fields,
  ipv4,
  ipv6,
  machineName,
  name,
  relativeName,
  text,
} from "./fields";

/** `estate/hosts.yaml`: how machines are named and published, and the roles they may have. */
export const hostsSchema = fields({
  naming: fields({
    pattern: z
      .string()
      .refine(compiles, { error: "is not a regular expression (expected a JavaScript pattern)" })
      .describe(
        "Whole-name pattern; its named groups site and cc declare where a machine is (its site and ISO 3166 country).",
      ),
    description: text.describe(
      "The expected form, shown in messages, e.g. <letter>-<site>-<cc>, e.g. a-hel-fi.",
    ),
  }).describe("How machines are named; a machine whose file name breaks it is refused."),
  subdomain: relativeName.describe(
    "Zone-relative parent of every machine name (m: a-hel-fi.m.voidlinux.org).",
  ),
  roles: distinct(ansibleGroup)
    .min(1)
    .describe("The roles a machine may have: the Ansible inventory's groups."),
  mirrorSyncHosts: distinct(machineName)
    .default([])
    .describe("Machines the Nomad sync job copies the package repository to."),
  ansible: fields({
    children: z
      .record(ansibleGroup, distinct(ansibleGroupName).min(1))
      .default({})
      .describe("Groups of roles (Ansible's [group:children]): a play for the group runs on their machines."),
    meshMaps: z
      .record(ansibleVariable, ansibleGroupName)
      .default({})
      .describe(
        "Variables of group all, each host name -> mesh address of the named group's machines that have one (all: every machine).",
      ),
    meshLists: z
      .record(ansibleVariable, ansibleGroupName)
      .default({})
      .describe(
        "Variables of group all, each the mesh addresses of the named group's machines in name order; every one must have a mesh address.",
      ),
  })
    .default({ children: {}, meshMaps: {}, meshLists: {} })
    .describe(
      "The Ansible inventory made from the machines (ansible/inventory.cjs): groups beyond the roles, and variables made from mesh addresses.",
    ),
}).describe(
  "Void's machines as a whole: naming, DNS subdomain, roles. Each machine is a file in estate/machines/.",
);

export type HostsFile = z.output<typeof hostsSchema>;

/**
 * The Ansible groups a machine with these roles is in: `all`, its roles, and every group of roles
 * (`ansible.children`) that holds one of them. What the inventory and the rules on it agree on.
 */
export function inventoryGroupsOf(
  roles: readonly string[],
  children: Readonly<Record<string, readonly string[]>>,
): Set<string> {
  return new Set([
    ANSIBLE_ALL,
    ...roles,
    ...Object.entries(children).flatMap(([group, members]) =>
      members.some((role) => roles.includes(role)) ? [group] : [],
    ),
  ]);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

const addresses = {
  ipv4: ipv4.optional().describe("Public IPv4 address, published as A."),
  ipv6: ipv6.optional().describe("Public IPv6 address, published as AAAA."),
};

/** `estate/machines/<name>.yaml`: one machine, named by its file. */
export const machineSchema = fields({
  ...addresses,
  droplet: fields({
    region: name.describe("DigitalOcean region slug, e.g. sfo3."),
    size: name.describe("Droplet size slug, e.g. s-1vcpu-1gb."),
    image: z
      .union([
        fields({ name: z.string().min(1).describe("Custom image, looked up by name.") }),
        fields({ slug: name.describe("Public image slug.") }),
      ])
      .describe("The image: a custom one by name, or a public slug."),
  })
    .optional()
    .describe("Created by Terraform as a DigitalOcean droplet; its addresses then come from the droplet."),
  mesh: ipv4.optional().describe("WireGuard mesh address (void0)."),
  nomadDatacenter: datacenterName.optional().describe("The Nomad datacenter the machine's client joins."),
  roles: distinct(name).min(1).describe("Roles (Ansible inventory groups), from estate/hosts.yaml."),
  guests: z
    .record(
      z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, {
        error: "is not a guest label (expected a lower-case label such as vm3)",
      }),
      fields(addresses),
    )
    .optional()
    .describe("Guests (VMs) published as <label>.<machine>, with their addresses."),
}).describe("One machine; the file is named <machine>.yaml after the naming convention.");

export type MachineFile = z.output<typeof machineSchema>;

const ENVIRONMENTS = [
  "Development",
  "Staging",
  "Production",
] as const satisfies readonly DigitalOceanEnvironment[];

/** `estate/digitalocean.yaml`: the account's shared pieces that droplets use. */
export const digitalOceanSchema = fields({
  vpc: fields({
    name,
    region: name,
    ipRange: cidrv4.optional(),
    description: text.optional(),
  }).describe("The VPC droplets are created in."),
  sshKeys: z
    .array(
      fields({
        name,
        publicKey: z.string().min(1).describe("OpenSSH public key."),
        minRsaBits: z.int().min(1024).optional().describe("Accept an older RSA key of at least this size."),
      }),
    )
    .describe("SSH keys put on every droplet."),
  project: fields({
    name,
    description: text.optional(),
    purpose: text.optional(),
    environment: z.enum(ENVIRONMENTS).optional(),
    isDefault: z.boolean().optional(),
  }).describe("The project droplets and the zone belong to."),
  imageBucket: fields({ name, region: name }).describe(
    "Spaces bucket the custom droplet images are uploaded to.",
  ),
}).describe("Void's DigitalOcean account: VPC, SSH keys, project and image bucket.");

export type DigitalOceanFile = z.output<typeof digitalOceanSchema>;

/**
 * Where a machine is, as its name declares it under the naming convention: the pattern's named
 * groups `site` and `cc` (ISO 3166-1 alpha-2). Void's names carry both (`a-hel-fi`); what the
 * constructs are given is the country and site, never the name to read them from.
 */
export function machineLocation(
  name: string,
  naming: HostsFile["naming"],
): { readonly site: string | undefined; readonly country: string | undefined } {
  const groups = new RegExp(naming.pattern).exec(name)?.groups;
  return { site: groups?.site, country: groups?.cc };
}

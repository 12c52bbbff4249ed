import { absoluteName, withoutTrailingDot } from "@void-linux/infra-constructs/dns/absolute-name";
import type { Estate } from "../../inputs/estate";
import { inventoryGroupsOf } from "../../inputs/estate/hosts";

/** One group of a dynamic inventory's `--list`: its own hosts, its child groups, its variables. */
export interface InventoryGroup {
  readonly hosts?: readonly string[];
  readonly children?: readonly string[];
  readonly vars?: Readonly<Record<string, unknown>>;
}

/**
 * What an Ansible dynamic inventory prints for `--list`: every group by name, and `_meta.hostvars`,
 * which spares Ansible a `--host` call per host.
 */
export interface AnsibleInventory {
  readonly _meta: { readonly hostvars: Readonly<Record<string, Readonly<Record<string, unknown>>>> };
  readonly [group: string]: InventoryGroup | AnsibleInventory["_meta"];
}

/** A machine's inventory name, as Void's playbooks and SSH know it: `a-hel-fi.m.voidlinux.org`. */
export function inventoryHostName({ dns, hosts }: Pick<Estate, "dns" | "hosts">, machine: string): string {
  return withoutTrailingDot(absoluteName(dns.zone, `${machine}.${hosts.subdomain}`));
}

/**
 * Ansible's inventory of the machines (`estate/machines/`), grouped by their roles, with the groups
 * of roles and the mesh variables of `estate/hosts.yaml`: the one source of the machines for both
 * Terraform and Ansible. Pure and deterministic: groups in the order of `estate/hosts.yaml`, hosts
 * in name order.
 */
export function ansibleInventory(estate: Pick<Estate, "dns" | "hosts">): AnsibleInventory {
  const { roles, ansible, machines } = estate.hosts;
  const members = Object.entries(machines)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, machine]) => ({
      host: inventoryHostName(estate, name),
      mesh: machine.mesh,
      groups: inventoryGroupsOf(machine.roles, ansible.children),
    }));
  const of = (group: string) => members.filter((member) => member.groups.has(group));
  const vars: Record<string, unknown> = {};
  for (const [variable, group] of Object.entries(ansible.meshMaps))
    vars[variable] = Object.fromEntries(
      of(group).flatMap((m) => (m.mesh === undefined ? [] : [[m.host, m.mesh]])),
    );
  for (const [variable, group] of Object.entries(ansible.meshLists))
    vars[variable] = of(group).flatMap((m) => (m.mesh === undefined ? [] : [m.mesh]));
  const groups: Record<string, InventoryGroup> = {};
  for (const role of roles) groups[role] = { hosts: of(role).map((m) => m.host) };
  for (const [group, children] of Object.entries(ansible.children)) groups[group] = { children };
  return {
    _meta: { hostvars: Object.fromEntries(members.map((m) => [m.host, {}])) },
    ...(Object.keys(vars).length === 0 ? {} : { all: { vars } }),
    ...groups,
  };
}

/** `--list`: the inventory as JSON, two-space indent, final newline. */
export function inventoryJson(estate: Pick<Estate, "dns" | "hosts">): string {
  return `${JSON.stringify(ansibleInventory(estate), null, 2)}\n`;
}

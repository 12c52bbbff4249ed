import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { ansibleInventory, type InventoryGroup, inventoryJson } from "../../../app/artifacts/inventory";
import type { Estate, MachineSpec } from "../../../inputs/estate";
import { readEstate } from "../../../inputs/estate";
import { formatDiagnostic } from "../../../runtime/diagnostics";
import { ADOPTION_ESTATE } from "../../support/estate";
import { scratchProject } from "../../support/project";

type Inventoried = Pick<Estate, "dns" | "hosts">;

/** The adoption estate with other machines, roles and inventory settings. */
function estateWith(
  machines: Record<string, MachineSpec>,
  roles: readonly string[],
  ansible: Estate["hosts"]["ansible"],
): Inventoried {
  return {
    dns: ADOPTION_ESTATE.dns,
    hosts: { ...ADOPTION_ESTATE.hosts, roles: [...roles], machines, ansible },
  };
}

const ROLES = ["web", "db", "mail", "mirror", "build"] as const;

/** Machines named <letter>-tst-xx with any roles, a mesh address or none; groups of roles; mesh variables. */
const generated = fc
  .record({
    machines: fc.uniqueArray(
      fc.record({
        letter: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz"),
        roles: fc.subarray([...ROLES], { minLength: 1 }),
        mesh: fc.option(fc.integer({ min: 1, max: 254 }), { nil: undefined }),
      }),
      { selector: (m) => m.letter, maxLength: 12 },
    ),
    children: fc.dictionary(
      fc.constantFrom("front", "back", "every"),
      fc.subarray([...ROLES], { minLength: 1 }),
    ),
    mapGroup: fc.constantFrom("all", ...ROLES),
    listGroup: fc.constantFrom("all", ...ROLES),
  })
  .map(({ machines, children, mapGroup, listGroup }) => {
    const specs: Record<string, MachineSpec> = {};
    for (const m of machines)
      specs[`${m.letter}-tst-xx`] = {
        ipv4: `203.0.113.${machines.indexOf(m) + 1}`,
        roles: m.roles,
        ...(m.mesh === undefined ? {} : { mesh: `192.168.99.${m.mesh}` }),
      };
    return estateWith(specs, ROLES, {
      children,
      meshMaps: { mesh_map: mapGroup },
      meshLists: { mesh_list: listGroup },
    });
  });

const hostOf = (name: string) => `${name}.m.voidlinux.org`;

describe("the inventory is made from the machines' data", () => {
  test("every machine is a host in exactly the groups of its roles; groups of roles hold their roles", () => {
    fc.assert(
      fc.property(generated, (estate) => {
        const inventory = ansibleInventory(estate);
        const group = (name: string) => inventory[name] as InventoryGroup | undefined;
        assert.deepEqual(
          Object.keys(inventory._meta.hostvars).sort(),
          Object.keys(estate.hosts.machines).map(hostOf).sort(),
        );
        for (const role of ROLES)
          assert.deepEqual(
            group(role)?.hosts,
            Object.entries(estate.hosts.machines)
              .filter(([, m]) => m.roles.includes(role))
              .map(([name]) => hostOf(name))
              .sort(),
          );
        for (const [name, children] of Object.entries(estate.hosts.ansible.children))
          assert.deepEqual(group(name), { children });
      }),
    );
  });

  test("a mesh map holds the mesh address of each machine of its group that has one; a mesh list every one, in name order", () => {
    fc.assert(
      fc.property(generated, (estate) => {
        const vars = (ansibleInventory(estate).all as InventoryGroup).vars ?? {};
        const inGroup = (group: string) =>
          Object.entries(estate.hosts.machines)
            .filter(
              ([, m]) =>
                group === "all" ||
                m.roles.includes(group) ||
                (estate.hosts.ansible.children[group] ?? []).some((r) => m.roles.includes(r)),
            )
            .sort(([a], [b]) => (a < b ? -1 : 1));
        const withMesh = (group: string) => inGroup(group).filter(([, m]) => m.mesh !== undefined);
        const { meshMaps, meshLists } = estate.hosts.ansible;
        assert.deepEqual(
          vars.mesh_map,
          Object.fromEntries(withMesh(meshMaps.mesh_map ?? "").map(([name, m]) => [hostOf(name), m.mesh])),
        );
        assert.deepEqual(
          vars.mesh_list,
          withMesh(meshLists.mesh_list ?? "").map(([, m]) => m.mesh),
        );
      }),
    );
  });

  test("the same data gives the same bytes, whatever order the machines come in", () => {
    fc.assert(
      fc.property(generated, (estate) => {
        const reversed = Object.fromEntries(Object.entries(estate.hosts.machines).reverse());
        const again = { ...estate, hosts: { ...estate.hosts, machines: reversed } };
        assert.equal(inventoryJson(again), inventoryJson(estate));
      }),
    );
  });

  test("without mesh variables there is no group all to set them on", () => {
    const estate = estateWith(ADOPTION_ESTATE.hosts.machines, ADOPTION_ESTATE.hosts.roles, {
      children: {},
      meshMaps: {},
      meshLists: {},
    });
    assert.equal(ansibleInventory(estate).all, undefined);
  });
});

describe("the inventory's names are names Ansible takes", () => {
  const problemsWith = (from: string, to: string) => {
    const dir = scratchProject();
    const hosts = join(dir, "estate", "hosts.yaml");
    const text = readFileSync(hosts, "utf8");
    assert.ok(text.includes(from), from);
    writeFileSync(hosts, text.replace(from, to));
    return readEstate(dir).problems.map(formatDiagnostic);
  };

  test("a role or group of roles named like an implicit group, or with a character Ansible warns about, is refused", () => {
    assert.match(
      problemsWith("  - unmanaged\n", "  - unmanaged\n  - all\n").join("\n"),
      /^estate\/hosts\.yaml:\d+:5: roles\[12\]: is a group every Ansible inventory has \(expected a name other than all or ungrouped\)$/m,
    );
    assert.match(
      problemsWith("    hashi: [", "    ungrouped: [").join("\n"),
      /ansible\.children\.ungrouped: is a group every Ansible inventory has/,
    );
    assert.match(
      problemsWith("  - net_static\n", "  - net-static\n").join("\n"),
      /roles\[6\]: is not an Ansible group name \(expected letters, digits and '_', not starting with a digit\)/,
    );
  });

  test("a variable of Ansible's own is refused", () => {
    for (const variable of ["ansible_host", "hostvars", "groups"])
      assert.match(
        problemsWith("    void_mesh: all", `    ${variable}: all`).join("\n"),
        new RegExp(`ansible\\.mesh_maps\\.${variable}: is a variable Ansible sets itself`),
        variable,
      );
  });
});

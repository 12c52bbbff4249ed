import { didYouMean, unknownMessage } from "@void-linux/infra-constructs/core";
import { type Diagnostic, fileDiagnostic } from "../../runtime/diagnostics";
import { laterClaims } from "../claims";
import { ESTATE_DIRECTORIES } from "../files";
import type { FieldPath, YamlSource } from "../yaml-source";
import { ABSOLUTE_NAME, ANSIBLE_ALL } from "./fields";
import type { EstateFiles } from "./files";
import { inventoryGroupsOf } from "./hosts";

/**
 * The rules across the estate's files, one named function each, as rust-lang/team's validate.rs
 * lists its checks: this list is the table of contents of what the data must hold beyond each
 * file's schema. Each reports at the file, line and field of the entry to fix, and each runs over
 * whatever loaded, so one run reports every problem (a file that failed its schema is skipped).
 */
export type EstateCheck = (files: EstateFiles) => Diagnostic[];

/** A place in a file: the source and the path of the field within it. */
interface At {
  readonly source: YamlSource;
  readonly path: FieldPath;
}

/** A name used somewhere, to be compared with what is declared. */
interface Reference extends At {
  readonly name: string;
  /** Reports at the key instead of the value (a team named as a key of `access`). */
  readonly key?: boolean;
}

/** Declared names above this many are not all listed in a message. */
const LIST_AT_MOST = 20;

/** `unknown <what> "x" (did you mean "y"?) (expected …)`: every declared name when few, else where they are declared. */
function unknownReference(what: string, name: string, declared: readonly string[], where: string): string {
  if (declared.length <= LIST_AT_MOST) return unknownMessage(`${what} "${name}"`, name, declared);
  return `unknown ${what} "${name}"${didYouMean(name, declared)} (expected one declared in ${where})`;
}

/** One diagnostic per reference whose name is not declared. */
function undeclared(
  references: readonly Reference[],
  declared: ReadonlySet<string>,
  what: string,
  where: string,
): Diagnostic[] {
  const names = [...declared];
  return references
    .filter((ref) => !declared.has(ref.name))
    .map((ref) =>
      ref.source.diagnostic(ref.path, unknownReference(what, ref.name, names, where), { key: ref.key }),
    );
}

/** Every `name` of a list of entries, as references (for uniqueness and lookups). */
function listed<T>(
  source: YamlSource,
  field: string,
  entries: readonly T[],
  nameOf: (entry: T) => string | undefined,
  subfield: string | undefined = "name",
): Reference[] {
  const refs: Reference[] = [];
  entries.forEach((entry, index) => {
    const name = nameOf(entry);
    if (name !== undefined)
      refs.push({ source, path: subfield ? [field, index, subfield] : [field, index], name });
  });
  return refs;
}

/** Names claimed twice among `refs`, each later claim reported against the first. */
function claimedTwice(refs: readonly Reference[], what: string, claimed = "declared"): Diagnostic[] {
  return laterClaims(
    refs,
    (ref) => ref.name,
    (ref, first) =>
      ref.source.diagnostic(
        ref.path,
        `${what} "${ref.name}" is already ${claimed} at ${where(first)} (expected each ${what} once)`,
        { key: ref.key },
      ),
  );
}

/** `estate/nomad.yaml:12` for messages that point at another entry. */
function where(at: At): string {
  return `${at.source.file}:${at.source.position(at.path).line}`;
}

/**
 * Machines and their guests (`vm3.a-lej-de`), which every host reference may name; undefined when
 * the machines' directory could not be read (its problem is reported, references go unchecked).
 */
function hostNames(files: EstateFiles): Set<string> | undefined {
  if (!files.listed.machines) return undefined;
  return new Set([
    ...files.listed.machines,
    ...files.machines.flatMap(({ name, data }) =>
      Object.keys(data.guests ?? {}).map((label) => `${label}.${name}`),
    ),
  ]);
}

const MACHINES_DIR = ESTATE_DIRECTORIES.machines.dir;

/** A machine's name is its file's name, and it follows the organization's naming convention. */
const machineNamesFollowTheConvention: EstateCheck = ({ hosts, machines }) => {
  if (!hosts) return [];
  const pattern = new RegExp(hosts.data.naming.pattern);
  return machines
    .filter(({ name }) => !pattern.test(name))
    .map(({ source, name }) =>
      fileDiagnostic(
        source.file,
        `"${name}" does not follow the naming convention (expected ${hosts.data.naming.description}; rename the file)`,
      ),
    );
};

/** An existing machine gives its addresses; a droplet gets them from DigitalOcean; a guest has one. */
const machinesHaveAddresses: EstateCheck = ({ machines }) =>
  machines.flatMap(({ source, data }) => {
    const problems: Diagnostic[] = [];
    const given = data.ipv4 !== undefined || data.ipv6 !== undefined;
    if (data.droplet && given)
      problems.push(
        source.diagnostic(
          [data.ipv4 !== undefined ? "ipv4" : "ipv6"],
          "is given for a droplet, whose addresses come from DigitalOcean (expected either droplet or addresses)",
        ),
      );
    if (!data.droplet && !given)
      problems.push(
        source.diagnostic([], "has no address (expected ipv4, ipv6, or a droplet Terraform creates)"),
      );
    for (const [label, guest] of Object.entries(data.guests ?? {}))
      if (guest.ipv4 === undefined && guest.ipv6 === undefined)
        problems.push(source.diagnostic(["guests", label], "has no address (expected ipv4 or ipv6)"));
    return problems;
  });

/**
 * IPv6 in one spelling (`2a01:4f9::2` and `2a01:04f9:0::2` are one address, as are `::ffff:1.2.3.4`
 * and `::ffff:102:304`): RFC 5952's, which the URL parser writes.
 */
function canonicalIpv6(address: string): string {
  try {
    return new URL(`http://[${address}]/`).hostname;
  } catch {
    return address.toLowerCase();
  }
}

/** Two machines with one address would answer for each other: every address belongs to one machine or guest. */
const machineAddressesAreUnique: EstateCheck = ({ machines }) => {
  const claims = machines.flatMap(({ source, data }) => [
    ...(["ipv4", "ipv6", "mesh"] as const).flatMap((kind) => {
      const address = data[kind];
      return address === undefined ? [] : [{ source, path: [kind], kind, address }];
    }),
    ...Object.entries(data.guests ?? {}).flatMap(([label, guest]) =>
      (["ipv4", "ipv6"] as const).flatMap((kind) => {
        const address = guest[kind];
        return address === undefined ? [] : [{ source, path: ["guests", label, kind], kind, address }];
      }),
    ),
  ]);
  return laterClaims(
    claims,
    (claim) =>
      `${claim.kind === "mesh" ? "mesh" : "public"} ${claim.kind === "ipv6" ? canonicalIpv6(claim.address) : claim.address}`,
    (claim, first) =>
      claim.source.diagnostic(
        claim.path,
        `${claim.address} is already the address of ${where(first)} (expected each address on one machine)`,
      ),
  );
};

/** Roles are the Ansible inventory's groups, declared once in `estate/hosts.yaml`. */
const machineRolesAreDeclared: EstateCheck = ({ hosts, machines }) => {
  if (!hosts) return [];
  const refs = machines.flatMap(({ source, data }) =>
    data.roles.map((name, index) => ({ source, path: ["roles", index], name })),
  );
  return undeclared(refs, new Set(hosts.data.roles), "role", hosts.source.file);
};

/**
 * The Ansible inventory's groups of roles name declared roles, and its mesh variables name a group
 * it has: a role, a group of roles, or `all`.
 */
const inventoryGroupsAreDeclared: EstateCheck = ({ hosts }) => {
  if (!hosts) return [];
  const { source, data } = hosts;
  const { children, meshMaps, meshLists } = data.ansible;
  const roles = new Set(data.roles);
  const members = Object.entries(children).flatMap(([group, names]) =>
    names.map((name, index) => ({ source, path: ["ansible", "children", group, index], name })),
  );
  const groups = new Set([...data.roles, ...Object.keys(children), ANSIBLE_ALL]);
  const meshGroups = (field: string, variables: Readonly<Record<string, string>>) =>
    Object.entries(variables).map(([variable, name]) => ({
      source,
      path: ["ansible", field, variable],
      name,
    }));
  return [
    ...undeclared(members, roles, "role", `roles of ${source.file}`),
    ...undeclared(
      [...meshGroups("mesh_maps", meshMaps), ...meshGroups("mesh_lists", meshLists)],
      groups,
      "group",
      `${source.file}: a role, a group of ansible.children, or all`,
    ),
  ];
};

/** A group of roles has a name of its own: a role of that name would merge with it. */
const inventoryGroupsAreNotRoles: EstateCheck = ({ hosts }) => {
  if (!hosts) return [];
  const roles = new Set(hosts.data.roles);
  return Object.keys(hosts.data.ansible.children)
    .filter((group) => roles.has(group))
    .map((group) =>
      hosts.source.diagnostic(
        ["ansible", "children", group],
        `group "${group}" is already a role (expected a name that is not one of roles)`,
        { key: true },
      ),
    );
};

/** Each inventory variable is set once: a mesh map and a mesh list of one name would overwrite each other. */
const inventoryVariablesAreUnique: EstateCheck = ({ hosts }) => {
  if (!hosts) return [];
  const { source, data } = hosts;
  const refs = (field: string, variables: Readonly<Record<string, string>>) =>
    Object.keys(variables).map((name) => ({ source, path: ["ansible", field, name], name, key: true }));
  return claimedTwice(
    [...refs("mesh_maps", data.ansible.meshMaps), ...refs("mesh_lists", data.ansible.meshLists)],
    "variable",
    "set",
  );
};

/**
 * A mesh list names servers (the Consul servers' addresses): a machine of its group without a mesh
 * address would be silently left out of it, so each must have one.
 */
const meshListsHaveEveryAddress: EstateCheck = ({ hosts, machines }) => {
  if (!hosts) return [];
  const { children, meshLists } = hosts.data.ansible;
  return machines.flatMap(({ source, name, data }) => {
    if (data.mesh !== undefined) return [];
    const groups = inventoryGroupsOf(data.roles, children);
    return Object.entries(meshLists)
      .filter(([, group]) => groups.has(group))
      .map(([variable, group]) =>
        fileDiagnostic(
          source.file,
          `machine ${name} is in ${group}, whose mesh addresses ${hosts.source.file} lists as ${variable}, but has no mesh address (expected mesh: <address>)`,
        ),
      );
  });
};

/** Machines, proxy tiers and services name the Nomad datacenters of `estate/nomad.yaml`. */
const datacentersAreDeclared: EstateCheck = ({ nomad, machines, proxies, services }) => {
  if (!nomad) return [];
  const refs: Reference[] = [
    ...machines.flatMap(({ source, data }) =>
      data.nomadDatacenter === undefined
        ? []
        : [{ source, path: ["nomad_datacenter"], name: data.nomadDatacenter }],
    ),
    ...Object.entries(proxies?.data.tiers ?? {}).map(([tier, spec]) => ({
      source: proxies?.source as YamlSource,
      path: ["tiers", tier, "datacenter"],
      name: spec.datacenter,
    })),
    ...services.flatMap(({ source, data }) =>
      data.datacenters.map((name, index) => ({ source, path: ["datacenters", index], name })),
    ),
  ];
  return undeclared(refs, new Set(nomad.data.datacenters), "datacenter", nomad.source.file);
};

/** Tiers, services, policies and the certificate's jobs name the Nomad namespaces of `estate/nomad.yaml`. */
const namespacesAreDeclared: EstateCheck = ({ nomad, proxies, services, tls }) => {
  if (!nomad) return [];
  const refs: Reference[] = [
    ...Object.entries(proxies?.data.tiers ?? {}).map(([tier, spec]) => ({
      source: proxies?.source as YamlSource,
      path: ["tiers", tier, "namespace"],
      name: spec.namespace,
    })),
    ...services.map(({ source, data }) => ({ source, path: ["namespace"], name: data.namespace })),
    ...nomad.data.policies.flatMap((policy, p) => [
      ...(policy.namespaces ?? []).flatMap((rule, r) =>
        rule.namespace.includes("*")
          ? []
          : [
              {
                source: nomad.source,
                path: ["policies", p, "namespaces", r, "namespace"],
                name: rule.namespace,
              },
            ],
      ),
      ...(policy.jobAcl
        ? [
            {
              source: nomad.source,
              path: ["policies", p, "job_acl", "namespace"],
              name: policy.jobAcl.namespace,
            },
          ]
        : []),
    ]),
    ...(tls
      ? [
          ...listed(tls.source, "consumers", tls.data.consumers, (c) => c.namespace, undefined).map(
            (ref) => ({
              ...ref,
              path: [...ref.path, "namespace"],
            }),
          ),
          { source: tls.source, path: ["renewal_job", "namespace"], name: tls.data.renewalJob.namespace },
        ]
      : []),
  ];
  return undeclared(refs, new Set(nomad.data.namespaces.map((n) => n.name)), "namespace", nomad.source.file);
};

/** Proxy members, pinned services, the mail host and the mirrors name machines of `estate/machines/`. */
const machinesAreDeclared: EstateCheck = (files) => {
  const { proxies, services, dns, hosts } = files;
  const refs: Reference[] = [
    ...Object.entries(proxies?.data.tiers ?? {}).flatMap(([tier, spec]) =>
      spec.members.map((name, index) => ({
        source: proxies?.source as YamlSource,
        path: ["tiers", tier, "members", index],
        name,
      })),
    ),
    ...services.flatMap(({ source, data }) =>
      data.pinnedTo === undefined ? [] : [{ source, path: ["pinned_to"], name: data.pinnedTo }],
    ),
    ...(dns
      ? [
          { source: dns.source, path: ["mail", "host"], name: dns.data.mail.host },
          ...dns.data.mirrors.flatMap((mirror, index) =>
            "host" in mirror
              ? [{ source: dns.source, path: ["mirrors", index, "host"], name: mirror.host }]
              : [],
          ),
        ]
      : []),
    ...(hosts
      ? hosts.data.mirrorSyncHosts.map((name, index) => ({
          source: hosts.source,
          path: ["mirror_sync_hosts", index],
          name,
        }))
      : []),
  ];
  const machines = hostNames(files);
  return machines ? undeclared(refs, machines, "machine", `${MACHINES_DIR}/<name>.yaml`) : [];
};

/** ` (did you mean "x."?)` for an external name that lacks its dot, else the closest machine. */
function aliasHint(target: string, machines: readonly string[]): string {
  return ABSOLUTE_NAME.test(`${target}.`) && target.includes(".")
    ? ` (did you mean "${target}."?)`
    : didYouMean(target, machines);
}

/** An alias points at a machine by name, or outside the zone by an absolute name with its trailing dot. */
const aliasesNameMachinesOrExternalNames: EstateCheck = (files) => {
  const { dns } = files;
  const machines = hostNames(files);
  if (!dns || !machines) return [];
  const names = [...machines];
  return dns.data.aliases.flatMap(({ target }, index) =>
    machines.has(target) || ABSOLUTE_NAME.test(target)
      ? []
      : [
          dns.source.diagnostic(
            ["aliases", index, "target"],
            `"${target}" is neither a machine nor an absolute name${aliasHint(target, names)} (expected a machine of ${MACHINES_DIR}/, or a name outside the zone ending in a dot, such as stats.uptimerobot.com.)`,
          ),
        ],
  );
};

/** Repository grants, access groups and the operators' team name teams of `estate/github.yaml`. */
const grantsNameDeclaredTeams: EstateCheck = ({ github, repositories, access }) => {
  if (!github) return [];
  const refs: Reference[] = [
    { source: github.source, path: ["operator_team"], name: github.data.operatorTeam },
    ...repositories.flatMap(({ source, data }) =>
      Object.keys(data.access).map((name) => ({ source, path: ["access", name], name, key: true })),
    ),
    ...(access?.data.groups ?? []).flatMap((group, g) =>
      group.teams.map((name, index) => ({
        source: access?.source as YamlSource,
        path: ["groups", g, "teams", index],
        name,
      })),
    ),
  ];
  return undeclared(refs, new Set(github.data.teams.map((t) => t.name)), "team", github.source.file);
};

/**
 * What an access group grants names what exists: host login by machine roles of
 * `estate/hosts.yaml`, services by the files of `estate/services/`. A misspelt role would grant
 * nothing while the review read it as a grant.
 */
const accessGrantsNameRolesAndServices: EstateCheck = ({ access, hosts, listed }) => {
  if (!access) return [];
  const at = (g: number, field: string, index: number, name: string): Reference => ({
    source: access.source,
    path: ["groups", g, field, index],
    name,
  });
  const roles = access.data.groups.flatMap((group, g) =>
    (group.hostLogin ?? []).map((role, i) => at(g, "host_login", i, role)),
  );
  const services = access.data.groups.flatMap((group, g) =>
    (group.services ?? []).map((service, i) => at(g, "services", i, service)),
  );
  return [
    ...(hosts ? undeclared(roles, new Set(hosts.data.roles), "machine role", hosts.source.file) : []),
    ...(listed.services
      ? undeclared(services, listed.services, "service", ESTATE_DIRECTORIES.services.dir)
      : []),
  ];
};

/**
 * A renamed team's earlier names belong to it alone: no current team has one (the state would move
 * onto a team that exists), and no two teams claim the same one.
 */
const earlierTeamNamesAreFree: EstateCheck = ({ github }) => {
  if (!github) return [];
  const current = new Set(github.data.teams.map((team) => team.name));
  const earlier = github.data.teams.flatMap((team, t) =>
    (team.previously ?? []).map((name, index) => ({
      source: github.source,
      path: ["teams", t, "previously", index],
      name,
      team: team.name,
    })),
  );
  return [
    ...earlier
      .filter((ref) => current.has(ref.name))
      .map((ref) =>
        ref.source.diagnostic(
          ref.path,
          `"${ref.name}" is a current team (expected only names no team has now; remove it once the rename is applied)`,
        ),
      ),
    ...laterClaims(
      earlier,
      (ref) => ref.name,
      (ref, first) =>
        ref.source.diagnostic(
          ref.path,
          `"${ref.name}" is already an earlier name of team ${first.team} at ${where(first)} (expected each earlier name in one team)`,
        ),
    ),
  ];
};

/** The names a module provides of one Terraform resource type. */
function provided(files: EstateFiles, type: string): string[] {
  return Object.values(files.modules).flatMap((module) => module.provides[type] ?? []);
}

/**
 * Roles and LDAP groups grant policies that exist: a Nomad role's policies are Nomad's (of
 * `estate/nomad.yaml` or a module), an LDAP group's are Vault's, a credentials policy names a role,
 * and the Nomad secrets engine is mounted by a declared module.
 */
const grantedPoliciesAreDeclared: EstateCheck = (files) => {
  const { vault, nomad } = files;
  if (!vault) return [];
  const { source, data } = vault;
  const problems: Diagnostic[] = [];
  if (nomad) {
    const nomadPolicies = new Set([
      ...nomad.data.policies.map((p) => p.name),
      ...provided(files, "nomad_acl_policy"),
    ]);
    const refs = data.nomadRoles.flatMap((role, r) =>
      role.policies.map((name, index) => ({ source, path: ["nomad_roles", r, "policies", index], name })),
    );
    problems.push(...undeclared(refs, nomadPolicies, "Nomad policy", `${nomad.source.file} or a module`));
  }
  const vaultPolicies = new Set([...data.policies.map((p) => p.name), ...provided(files, "vault_policy")]);
  const groupRefs = data.ldapGroups.flatMap((group, g) =>
    group.policies.map((name, index) => ({ source, path: ["ldap_groups", g, "policies", index], name })),
  );
  problems.push(...undeclared(groupRefs, vaultPolicies, "Vault policy", `${source.file} or a module`));
  const credentialRefs = data.policies.flatMap((policy, index) =>
    "nomadCredentials" in policy
      ? [{ source, path: ["policies", index, "nomad_credentials"], name: policy.nomadCredentials }]
      : [],
  );
  problems.push(
    ...undeclared(credentialRefs, new Set(data.nomadRoles.map((r) => r.name)), "Nomad role", source.file),
  );
  problems.push(
    ...undeclared(
      [{ source, path: ["nomad_secrets", "module"], name: data.nomadSecrets.module }],
      new Set(Object.keys(files.modules)),
      "module",
      "estate/modules.ts",
    ),
  );
  return problems;
};

/** Whether certificate name `covering` (`voidlinux.org`, `*.voidlinux.org`) covers `fqdn`: a wildcard covers one label. */
function covers(covering: string, fqdn: string): boolean {
  if (!covering.startsWith("*.")) return covering === fqdn;
  const dot = fqdn.indexOf(".");
  return dot > 0 && fqdn.slice(dot + 1) === covering.slice(2);
}

/** Every name the proxies serve over TLS is covered by the certificate they serve it with. */
const publishedNamesAreCovered: EstateCheck = ({ dns, tls, proxies, services }) => {
  if (!dns || !tls) return [];
  const { commonName, subjectAlternativeNames = [] } = tls.data.certificate;
  const names = [commonName, ...subjectAlternativeNames];
  const refs: Reference[] = [
    ...services.flatMap(({ source, data }) =>
      data.names.map((name, index) => ({ source, path: ["names", index], name })),
    ),
    ...(proxies ? listed(proxies.source, "fragments", proxies.data.fragments, (f) => f.name) : []),
  ];
  return refs.flatMap((ref) => {
    const fqdn = ref.name === "@" ? dns.data.zone : `${ref.name}.${dns.data.zone}`;
    return names.some((name) => covers(name, fqdn))
      ? []
      : [
          ref.source.diagnostic(
            ref.path,
            `${ref.name} is published as ${fqdn}, which the certificate of ${tls.source.file} does not cover (a wildcard covers one label; expected a name it covers: ${names.join(", ")})`,
          ),
        ];
  });
};

/** Services and fragments are served by tiers of `estate/proxies.yaml`. */
const tiersAreDeclared: EstateCheck = ({ proxies, services }) => {
  if (!proxies) return [];
  const refs: Reference[] = [
    ...services.map(({ source, data }) => ({ source, path: ["tier"], name: data.tier })),
    ...listed(proxies.source, "fragments", proxies.data.fragments, (f) => f.tier).map((ref) => ({
      ...ref,
      path: [...ref.path.slice(0, -1), "tier"],
    })),
  ];
  return undeclared(refs, new Set(Object.keys(proxies.data.tiers)), "proxy tier", proxies.source.file);
};

/** A mirror alias repoints to a mirror of the same file. */
const mirrorAliasesNameMirrors: EstateCheck = ({ dns }) => {
  if (!dns) return [];
  const refs = Object.entries(dns.data.mirrorAliases).map(([alias, name]) => ({
    source: dns.source,
    path: ["mirror_aliases", alias],
    name,
  }));
  return undeclared(refs, new Set(dns.data.mirrors.map((m) => m.code)), "mirror", dns.source.file);
};

/** A service's file is named after its Consul service (or its job when it has none), as reviews show it. */
const serviceFilesAreNamedAfterTheirService: EstateCheck = ({ services }) =>
  services
    .filter(({ name, data }) => name !== (data.service ?? data.job))
    .map(({ source, name, data }) =>
      source.diagnostic(
        [data.service === undefined ? "job" : "service"],
        `"${data.service ?? data.job}" differs from the file name (expected "${name}", or rename the file to ${data.service ?? data.job}.yaml)`,
      ),
    );

/** Everything other entries refer to by name is declared once. */
const namesAreUnique: EstateCheck = (files) => {
  const { github, access, nomad, consul, vault, tls } = files;
  const problems: Diagnostic[] = [];
  const unique = (refs: readonly Reference[], what: string) => problems.push(...claimedTwice(refs, what));
  if (github)
    unique(
      listed(github.source, "teams", github.data.teams, (t) => t.name),
      "team",
    );
  if (access)
    unique(
      listed(access.source, "groups", access.data.groups, (g) => g.name),
      "access group",
    );
  if (nomad) {
    unique(
      listed(nomad.source, "namespaces", nomad.data.namespaces, (n) => n.name),
      "namespace",
    );
    unique(
      listed(nomad.source, "policies", nomad.data.policies, (p) => p.name),
      "Nomad policy",
    );
  }
  if (consul)
    unique(
      listed(consul.source, "policies", consul.data.policies, (p) => p.name),
      "Consul policy",
    );
  if (vault) {
    const own = listed(vault.source, "policies", vault.data.policies, (p) => p.name);
    unique(own, "Vault policy");
    const modules = new Set(provided(files, "vault_policy"));
    for (const ref of own)
      if (modules.has(ref.name))
        problems.push(
          ref.source.diagnostic(
            ref.path,
            `Vault policy "${ref.name}" is already provided by a module (expected another name)`,
          ),
        );
    unique(
      listed(vault.source, "nomad_roles", vault.data.nomadRoles, (r) => r.name),
      "Nomad role",
    );
    unique(
      listed(vault.source, "ldap_groups", vault.data.ldapGroups, (g) => g.group, "group"),
      "LDAP group",
    );
  }
  if (tls)
    unique(
      listed(tls.source, "consumers", tls.data.consumers, (c) => `${c.job} in ${c.namespace}`, "job"),
      "certificate consumer",
    );
  return problems;
};

/** GitHub compares repository names without case: two files must not name one repository. */
const repositoryNamesDifferInMoreThanCase: EstateCheck = ({ repositories }) =>
  laterClaims(
    repositories,
    (repo) => repo.name.toLowerCase(),
    (repo, first) =>
      fileDiagnostic(
        repo.source.file,
        `names the repository of ${first.source.file} (GitHub compares names without case; expected one file per repository)`,
      ),
  );

/**
 * One name, one kind of record: what `estate/dns.yaml` and the proxies publish (aliases, sites,
 * the mail alias, mirror names, tiers, fragments, services' names) is published once.
 */
const dnsNamesAreUnique: EstateCheck = ({ dns, proxies, services }) => {
  const refs: Reference[] = [];
  if (dns) {
    const { source, data } = dns;
    refs.push(
      ...listed(source, "aliases", data.aliases, (a) => a.name),
      ...data.githubPages.aNames.map((name, index) => ({
        source,
        path: ["github_pages", "a_names", index],
        name,
      })),
      ...data.githubPages.sites.map((name, index) => ({
        source,
        path: ["github_pages", "sites", index],
        name,
      })),
      { source, path: ["mail", "alias"], name: data.mail.alias },
      ...listed(source, "mirrors", data.mirrors, (m) => `${data.mirrorPrefix}${m.code}`, "code"),
      ...Object.keys(data.mirrorAliases).map((alias) => ({
        source,
        path: ["mirror_aliases", alias],
        name: `${data.mirrorPrefix}${alias}`,
        key: true,
      })),
    );
  }
  if (proxies) {
    refs.push(
      ...Object.keys(proxies.data.tiers).map((name) => ({
        source: proxies.source,
        path: ["tiers", name],
        name,
        key: true,
      })),
      ...listed(proxies.source, "fragments", proxies.data.fragments, (f) => f.name),
    );
  }
  refs.push(
    ...services.flatMap(({ source, data }) =>
      data.names.map((name, index) => ({ source, path: ["names", index], name })),
    ),
  );
  const problems = laterClaims(
    refs,
    (ref) => ref.name,
    (ref, first) =>
      ref.source.diagnostic(
        ref.path,
        `${ref.name} is already published at ${where(first)} (expected each name once in the zone)`,
        { key: ref.key },
      ),
  );
  if (dns)
    problems.push(
      ...claimedTwice(
        listed(dns.source, "verifications", dns.data.verifications, (v) => v.name),
        "verification",
      ),
    );
  return problems;
};

/** The checks, in the order their problems are most useful to read. */
export const ESTATE_CHECKS = {
  machineNamesFollowTheConvention,
  machinesHaveAddresses,
  machineAddressesAreUnique,
  machineRolesAreDeclared,
  inventoryGroupsAreDeclared,
  inventoryGroupsAreNotRoles,
  inventoryVariablesAreUnique,
  meshListsHaveEveryAddress,
  datacentersAreDeclared,
  namespacesAreDeclared,
  machinesAreDeclared,
  aliasesNameMachinesOrExternalNames,
  grantsNameDeclaredTeams,
  accessGrantsNameRolesAndServices,
  earlierTeamNamesAreFree,
  grantedPoliciesAreDeclared,
  publishedNamesAreCovered,
  tiersAreDeclared,
  mirrorAliasesNameMirrors,
  serviceFilesAreNamedAfterTheirService,
  namesAreUnique,
  repositoryNamesDifferInMoreThanCase,
  dnsNamesAreUnique,
} as const satisfies Readonly<Record<string, EstateCheck>>;

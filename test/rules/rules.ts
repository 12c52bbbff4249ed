import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { estateSchemaLine } from "../../inputs/estate/json-schema";
import { ESTATE_DIRECTORIES, ESTATE_FILES } from "../../inputs/files";
import { MIRRORS_FILE, mirrorCountry } from "../../inputs/mirrors";
import { YamlSource } from "../../inputs/yaml-source";
import { resources, type World } from "./world";

/**
 * The rules the organization's data must follow, as kubernetes/org states them in config_test.go:
 * over whatever the data says today, never its counts. Each returns its violations, each naming
 * the file to fix. The loader's own rules (valid fields, known teams, a maintainer per team, two
 * owners) already refuse bad data with the file, line and field; these check what the data becomes.
 */
export interface Rule {
  readonly name: string;
  readonly check: (world: World) => string[];
}

const SCHEMA_LINE = {
  maintainers: "# yaml-language-server: $schema=./schema.json",
  mirrors: "# yaml-language-server: $schema=./mirrors.schema.json",
};

/** The YAML files of a directory of the checkout, repository-relative. */
const yamlFilesIn = (root: string, dir: string) =>
  readdirSync(join(root, dir))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => `${dir}/${name}`);

/** Editors complete and check a file only when its first line names the schema. */
const everyDataFileNamesItsSchema: Rule = {
  name: "every data file names its JSON Schema on its first line",
  check: ({ root }) => {
    const firstLine = (path: string) => readFileSync(join(root, path), "utf8").split("\n")[0];
    const estate = [
      ...Object.values(ESTATE_FILES),
      ...Object.values(ESTATE_DIRECTORIES).flatMap(({ dir }) => yamlFilesIn(root, dir)),
    ].map((path) => [path, estateSchemaLine(path) ?? ""] as const);
    return [
      ...yamlFilesIn(root, "maintainers").map((path) => [path, SCHEMA_LINE.maintainers] as const),
      [MIRRORS_FILE, SCHEMA_LINE.mirrors] as const,
      ...estate,
    ]
      .filter(([path, line]) => firstLine(path) !== line)
      .map(
        ([path, line]) => `${path}:1: the first line is not "${line}" (editors lose completion and checks)`,
      );
  },
};

/** `team` and login of each `github_team_membership`, read back from the synthesized stack. */
function memberships(
  world: World,
): { address: string; team: string; login: string; role: string; waitsFor: readonly unknown[] }[] {
  const teams = new Map(
    Object.entries(resources(world, "github", "github_team")).map(([id, team]) => [
      `\${github_team.${id}.id}`,
      String(team.name),
    ]),
  );
  return Object.entries(resources(world, "github", "github_team_membership")).map(([id, m]) => ({
    address: `github_team_membership.${id}`,
    team: teams.get(String(m.team_id)) ?? String(m.team_id),
    login: String(m.username),
    role: String(m.role ?? "member"),
    waitsFor: Array.isArray(m.depends_on) ? m.depends_on : [],
  }));
}

/** Each person's team roles become exactly one membership each, with that role, and nothing else does. */
const membershipsMatchTheFiles: Rule = {
  name: "every team membership on GitHub comes from exactly one (file, team) pair",
  check: (world) => {
    const key = (login: string, team: string) => `${login.toLowerCase()} ${team}`;
    const wanted = new Map(
      world.inputs.roster.people.flatMap((p) =>
        Object.entries(p.teams).map(
          ([team, role]) => [key(p.login, team), { file: p.file, team, role }] as const,
        ),
      ),
    );
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const m of memberships(world)) {
      const k = key(m.login, m.team);
      const source = wanted.get(k);
      if (!source)
        problems.push(`maintainers/: ${m.address} (@${m.login} in ${m.team}) comes from no maintainer file`);
      else if (seen.has(k)) problems.push(`${source.file}: teams.${m.team}: @${m.login} has two memberships`);
      else if (source.role !== m.role)
        problems.push(`${source.file}: teams.${m.team}: says ${source.role}, but GitHub gets ${m.role}`);
      seen.add(k);
    }
    for (const [k, source] of wanted)
      if (!seen.has(k))
        problems.push(`${source.file}: teams.${source.team}: has no team membership on GitHub`);
    return problems;
  },
};

/**
 * Everyone with a file is an organization member, once, and nobody else is (peribolos's have −
 * want): deleting a file removes the person from the organization, and every team membership
 * waits for the person's organization membership.
 */
const membersAreTheFiles: Rule = {
  name: "the organization's members are exactly the maintainer files, and team memberships wait for them",
  check: (world) => {
    const members = Object.entries(resources(world, "github", "github_membership"));
    const problems: string[] = [];
    const byLogin = new Map<string, string>();
    for (const [id, m] of members) {
      const login = String(m.username).toLowerCase();
      const address = `github_membership.${id}`;
      if (byLogin.has(login)) problems.push(`maintainers/: @${m.username} has two organization memberships`);
      byLogin.set(login, address);
      if (!world.inputs.roster.people.some((p) => p.login.toLowerCase() === login))
        problems.push(`maintainers/: ${address} (@${m.username}) comes from no maintainer file`);
    }
    for (const person of world.inputs.roster.people)
      if (!byLogin.has(person.login.toLowerCase()))
        problems.push(
          `${person.file}: github: @${person.login} is not a member of the organization on GitHub`,
        );
    for (const m of memberships(world)) {
      const needed = byLogin.get(m.login.toLowerCase());
      if (needed && !m.waitsFor.includes(needed))
        problems.push(`maintainers/: ${m.address} does not wait for ${needed}`);
    }
    return problems;
  },
};

/** Org owners are exactly the files that say `org_owner: true`, and there are at least two. */
const ownersMatchTheFiles: Rule = {
  name: "org owners on GitHub are exactly the files with org_owner: true, at least two",
  check: (world) => {
    const admins = Object.values(resources(world, "github", "github_membership"))
      .filter((m) => m.role === "admin")
      .map((m) => String(m.username).toLowerCase());
    const owners = world.inputs.roster.people.filter((p) => p.orgOwner);
    const problems = owners
      .filter((p) => !admins.includes(p.login.toLowerCase()))
      .map((p) => `${p.file}: org_owner: is true, but GitHub gets no admin membership`);
    for (const login of admins)
      if (!owners.some((p) => p.login.toLowerCase() === login))
        problems.push(`maintainers/: @${login} is an org owner on GitHub, but no file says org_owner: true`);
    if (admins.length < 2)
      problems.push(`maintainers/: only ${admins.length} org owner(s) on GitHub (expected at least two)`);
    return problems;
  },
};

/** Every team on GitHub has someone who can approve its members' files. */
const everyTeamHasAMaintainer: Rule = {
  name: "every team on GitHub has a maintainer",
  check: (world) => {
    const led = new Set(
      memberships(world)
        .filter((m) => m.role === "maintainer")
        .map((m) => m.team),
    );
    return Object.values(resources(world, "github", "github_team"))
      .map((team) => String(team.name))
      .filter((team) => !led.has(team))
      .map((team) => {
        const files = world.inputs.roster.people.filter((p) => p.teams[team]).map((p) => p.file);
        return `${files.join(", ") || "maintainers/"}: team ${team} has no maintainer on GitHub`;
      });
  },
};

/** The names (relative, lower case) the zone holds records for, and its wildcard parents. */
function zoneNames(world: World): { names: Set<string>; wildcardParents: Set<string> } {
  const names = new Set(
    Object.values(resources(world, "digitalocean", "digitalocean_record")).map((r) =>
      String(r.name).toLowerCase(),
    ),
  );
  const wildcardParents = new Set(
    [...names].filter((n) => n === "*" || n.startsWith("*.")).map((n) => (n === "*" ? "@" : n.slice(2))),
  );
  return { names, wildcardParents };
}

/** Whether `name` (relative) has a record of its own or sits one label below a wildcard. */
function resolves(name: string, zone: ReturnType<typeof zoneNames>): boolean {
  const lower = name.toLowerCase();
  const parent = lower.includes(".") ? lower.slice(lower.indexOf(".") + 1) : "@";
  return zone.names.has(lower) || zone.wildcardParents.has(parent);
}

/** An enabled mirror in the organization's zone that DNS does not know sends every client nowhere. */
const enabledMirrorsResolve: Rule = {
  name: "every enabled mirror in the organization's zone has a DNS record",
  check: (world) => {
    const zone = world.estate.dns.zone;
    const dns = zoneNames(world);
    const source = new YamlSource(MIRRORS_FILE, readFileSync(join(world.root, MIRRORS_FILE), "utf8"));
    return world.inputs.mirrors.flatMap((mirror, index) => {
      const { host } = mirror.url;
      if (!mirror.enabled || !host.endsWith(`.${zone}`)) return [];
      const name = host.slice(0, -(zone.length + 1));
      if (dns.names.has(name)) return [];
      const { line } = source.position([index, "base_url"]);
      return [
        `${MIRRORS_FILE}:${line}: ${mirror.baseUrl} is enabled, but the ${zone} zone has no record for ${name}`,
      ];
    });
  },
};

/** xmirror groups mirrors by country; a location it cannot place is listed nowhere. */
const locatedMirrorsHaveACountry: Rule = {
  name: "every mirror outside the World region names a country in its location",
  check: (world) => {
    const source = new YamlSource(MIRRORS_FILE, readFileSync(join(world.root, MIRRORS_FILE), "utf8"));
    return world.inputs.mirrors.flatMap((mirror, index) => {
      if (mirror.region === "World" || mirrorCountry(mirror)) return [];
      const { line } = source.position([index, "location"]);
      return [
        `${MIRRORS_FILE}:${line}: location "${mirror.location}" names no country (expected "City, Country")`,
      ];
    });
  },
};

/** A machine without an address record cannot be reached by its name. */
const everyHostHasAnAddress: Rule = {
  name: "every machine has an address record",
  check: (world) => {
    const { hosts } = world.estate;
    const dns = zoneNames(world);
    return Object.keys(hosts.machines)
      .filter((host) => !dns.names.has(`${host}.${hosts.subdomain}`.toLowerCase()))
      .map(
        (host) => `${ESTATE_DIRECTORIES.machines.dir}/${host}.yaml: machine ${host} has no A or AAAA record`,
      );
  },
};

/** Every name a proxy answers must reach the proxy: its own record, or a tier's wildcard. */
const everyServiceNameResolves: Rule = {
  name: "every proxied service name resolves",
  check: (world) => {
    const { services } = world.estate;
    const dns = zoneNames(world);
    const names = [
      ...services.proxied.flatMap((s) =>
        s.names.map(
          (name) => [`${ESTATE_DIRECTORIES.services.dir}/${s.service ?? s.job}.yaml`, name] as const,
        ),
      ),
      ...services.fragments.map((f) => [ESTATE_FILES.proxies, f.name] as const),
    ];
    return names
      .filter(([, name]) => !resolves(name, dns))
      .map(([file, name]) => `${file}: service name ${name} has no record and no wildcard covers it`);
  },
};

/** Policy names a grant hands out, by the stack's resources. */
function grants(world: World): { address: string; policy: string }[] {
  const list = (address: string, policies: unknown) =>
    (Array.isArray(policies) ? policies : []).map((policy) => ({ address, policy: String(policy) }));
  const endpointPolicies = (body: Record<string, unknown>) => {
    try {
      return (JSON.parse(String(body.data_json)) as { policies?: unknown }).policies;
    } catch {
      return undefined;
    }
  };
  return [
    ...Object.entries(resources(world, "hashistack", "vault_ldap_auth_backend_group")).flatMap(([id, g]) =>
      list(`vault_ldap_auth_backend_group.${id}`, g.policies),
    ),
    ...Object.entries(resources(world, "hashistack", "vault_generic_endpoint")).flatMap(([id, e]) =>
      list(`vault_generic_endpoint.${id}`, endpointPolicies(e)),
    ),
    ...Object.entries(resources(world, "hashistack", "nomad_acl_role")).flatMap(([id, r]) =>
      list(
        `nomad_acl_role.${id}`,
        (Array.isArray(r.policy) ? r.policy : []).map((p) => (p as { name?: unknown }).name),
      ),
    ),
  ];
}

/** A grant of a policy nobody declares logs people in with less than intended, silently. */
const grantedPoliciesExist: Rule = {
  name: "every policy a role or group grants is declared",
  check: (world) => {
    const stack = world.stacks.get("hashistack") ?? {};
    const declared = new Set<string>();
    for (const type of ["vault_policy", "nomad_acl_policy", "consul_acl_policy"]) {
      for (const [id, policy] of Object.entries(stack.resource?.[type] ?? {})) {
        declared.add(String(policy.name));
        declared.add(`\${${type}.${id}.name}`);
      }
    }
    for (const module of Object.values(world.estate.hashistack.modules))
      for (const names of Object.values(module.provides)) for (const name of names) declared.add(name);
    return grants(world)
      .filter(({ policy }) => !declared.has(policy))
      .map(
        ({ address, policy }) =>
          `${ESTATE_FILES.vault}: ${address} grants "${policy}", which nothing declares`,
      );
  },
};

/** The certificate goes into namespaces that must exist, or the jobs never receive it. */
const certificateNamespacesExist: Rule = {
  name: "every namespace the certificate is delivered to is declared",
  check: (world) => {
    const namespaces = new Set(
      Object.values(resources(world, "hashistack", "nomad_namespace")).map((n) => String(n.name)),
    );
    return Object.entries(resources(world, "tls", "nomad_variable"))
      .filter(([, v]) => v.namespace !== "default" && !namespaces.has(String(v.namespace)))
      .map(
        ([id, v]) =>
          `${ESTATE_FILES.tls}: nomad_variable.${id} goes to namespace ${v.namespace}, which is not declared`,
      );
  },
};

/**
 * The renewal job writes the certificate into every consumer's variables: its policy (the one
 * whose job_acl names the renewal job) must grant write on each, or renewal fails for that job.
 */
const renewalMayWriteEveryDelivery: Rule = {
  name: "the renewal job's policy may write every variable the certificate is delivered to",
  check: (world) => {
    const { job, namespace } = world.estate.tls.renewalJob;
    const policies = Object.values(resources(world, "hashistack", "nomad_acl_policy")).filter((p) => {
      const acl = p.job_acl as { job_id?: string; namespace?: string } | undefined;
      return acl?.job_id === job && acl.namespace === namespace;
    });
    if (policies.length === 0) return [`${ESTATE_FILES.nomad}: no Nomad policy is attached to job ${job}`];
    const rules = policies.map((p) => String(p.rules_hcl)).join("\n");
    return Object.values(resources(world, "tls", "nomad_variable"))
      .filter((v) => !grantsWrite(rules, String(v.namespace), String(v.path)))
      .map(
        (v) =>
          `${ESTATE_FILES.nomad}: the policy of job ${job} cannot write ${v.path} in namespace ${v.namespace} (expected a variables rule with write, as ${ESTATE_FILES.tls} delivers there)`,
      );
  },
};

/** Whether rendered Nomad rules give write on `path` inside the block of `namespace`. */
function grantsWrite(rules: string, namespace: string, path: string): boolean {
  const block = new RegExp(`namespace "${namespace}" \\{([\\s\\S]*?)\\n\\}`).exec(rules)?.[1] ?? "";
  const rule = new RegExp(`path "${path}" \\{[^}]*capabilities = \\[([^\\]]*)\\]`).exec(block)?.[1] ?? "";
  return rule.includes('"write"');
}

export const RULES: readonly Rule[] = [
  everyDataFileNamesItsSchema,
  membershipsMatchTheFiles,
  membersAreTheFiles,
  ownersMatchTheFiles,
  everyTeamHasAMaintainer,
  enabledMirrorsResolve,
  locatedMirrorsHaveACountry,
  everyHostHasAnAddress,
  everyServiceNameResolves,
  grantedPoliciesExist,
  certificateNamespacesExist,
  renewalMayWriteEveryDelivery,
];

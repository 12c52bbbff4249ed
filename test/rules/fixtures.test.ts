import assert from "node:assert/strict";
import { appendFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { MIRRORS_FILE } from "../../inputs/mirrors";
import { REPO_ROOT, scratchProject } from "../support/project";
import { RULES, type Rule } from "./rules";
import { buildWorld, type World, withStack } from "./world";

const FIXTURES = join(REPO_ROOT, "test", "fixtures", "rules");
const adoption = buildWorld(scratchProject());

/** The adoption data with one fixture directory laid over it, loaded and synthesized. */
function overlaid(fixture: string): World {
  const dir = scratchProject();
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return buildWorld(dir);
}

/** The adoption data with one mirror entry appended to the list. */
function withMirror(entry: string): World {
  const dir = scratchProject();
  appendFileSync(join(dir, MIRRORS_FILE), entry);
  return buildWorld(dir);
}

/** For each rule: a world that breaks it, and what the failure must name. */
const BREAKS: Readonly<Record<string, { world: () => World; names: RegExp }>> = {
  "every data file names its JSON Schema on its first line": {
    world: () => overlaid("no-schema-line"),
    names: /^maintainers\/newcomer\.yaml:1: the first line is not "# yaml-language-server/,
  },
  "every team membership on GitHub comes from exactly one (file, team) pair": {
    world: () =>
      withStack(adoption, "github", (stack) => {
        delete stack.resource?.github_team_membership?.["team_membership_doc-writers_ericonr"];
      }),
    names: /^maintainers\/ericonr\.yaml: teams\.doc-writers: has no team membership on GitHub$/,
  },
  "the organization's members are exactly the maintainer files, and team memberships wait for them": {
    world: () =>
      withStack(adoption, "github", (stack) => {
        delete stack.resource?.github_membership?.org_member_ericonr;
      }),
    names: /^maintainers\/ericonr\.yaml: github: @ericonr is not a member of the organization on GitHub$/,
  },
  "org owners on GitHub are exactly the files with org_owner: true, at least two": {
    world: () =>
      withStack(adoption, "github", (stack) => {
        const gottox = stack.resource?.github_membership?.org_member_gottox;
        if (gottox) gottox.role = "member";
      }),
    names: /^maintainers\/Gottox\.yaml: org_owner: is true, but GitHub gets no admin membership$/,
  },
  "every team on GitHub has a maintainer": {
    world: () =>
      withStack(adoption, "github", (stack) => {
        for (const m of Object.values(stack.resource?.github_team_membership ?? {})) m.role = "member";
      }),
    names: /^maintainers\/.*\.yaml: team runit-devs has no maintainer on GitHub$/m,
  },
  "every enabled mirror in the organization's zone has a DNS record": {
    world: () =>
      withMirror(
        "- base_url: https://repo-zz.voidlinux.org/\n  region: EU\n  location: Zagreb, Croatia\n  tier: 1\n  enabled: true\n",
      ),
    names:
      /^estate\/mirrors\.yaml:202: https:\/\/repo-zz\.voidlinux\.org\/ is enabled, but the voidlinux\.org zone has no record for repo-zz$/,
  },
  "every mirror outside the World region names a country in its location": {
    world: () =>
      withMirror(
        "- base_url: https://mirror.example.org/void/\n  region: EU\n  location: Atlantis\n  tier: 2\n  enabled: true\n",
      ),
    names: /^estate\/mirrors\.yaml:204: location "Atlantis" names no country/,
  },
  "every machine has an address record": {
    world: () =>
      withStack(adoption, "digitalocean", (stack) => {
        delete stack.resource?.digitalocean_record?.["zone_a-hel-fi_m_a"];
        delete stack.resource?.digitalocean_record?.["zone_a-hel-fi_m_aaaa"];
      }),
    names: /^estate\/machines\/a-hel-fi\.yaml: machine a-hel-fi has no A or AAAA record$/,
  },
  "every proxied service name resolves": {
    world: () =>
      withStack(adoption, "digitalocean", (stack) => {
        delete stack.resource?.digitalocean_record?.zone_wildcard_s_cname;
      }),
    names: /^estate\/services\/alps\.yaml: service name alps\.s has no record and no wildcard covers it$/m,
  },
  "every policy a role or group grants is declared": {
    world: () =>
      withStack(adoption, "hashistack", (stack) => {
        const dante = stack.resource?.vault_ldap_auth_backend_group?.ldap_group_dante;
        if (dante) dante.policies = ["resin-root", "void-secrets-admn"];
      }),
    names:
      /^estate\/vault\.yaml: vault_ldap_auth_backend_group\.ldap_group_dante grants "void-secrets-admn", which nothing declares$/,
  },
  "every namespace the certificate is delivered to is declared": {
    world: () =>
      withStack(adoption, "hashistack", (stack) => {
        delete stack.resource?.nomad_namespace?.namespace_mirror;
      }),
    names:
      /^estate\/tls\.yaml: nomad_variable\.variable_mirror_nomad_jobs_nginx goes to namespace mirror, which is not declared$/,
  },
  "the renewal job's policy may write every variable the certificate is delivered to": {
    world: () =>
      withStack(adoption, "hashistack", (stack) => {
        const policy = stack.resource?.nomad_acl_policy?.["policy_certs-admin"];
        if (policy)
          policy.rules_hcl = String(policy.rules_hcl).replace(
            'path "nomad/jobs/maddy"',
            'path "nomad/jobs/mady"',
          );
      }),
    names:
      /^estate\/nomad\.yaml: the policy of job cert-renew cannot write nomad\/jobs\/maddy in namespace apps-restricted/,
  },
};
describe("every rule fails on data that breaks it, naming the file to fix", () => {
  test("the adoption data itself breaks no rule", () => {
    for (const rule of RULES) assert.deepEqual(rule.check(adoption), [], rule.name);
  });

  test("every rule has a breaking fixture", () => {
    assert.deepEqual(
      RULES.map((r: Rule) => r.name).filter((name) => !BREAKS[name]),
      [],
    );
  });

  for (const rule of RULES) {
    const broken = BREAKS[rule.name];
    if (!broken) continue;
    test(rule.name, () => {
      const violations = rule.check(broken.world());
      assert.ok(
        violations.some((v) => broken.names.test(v)),
        `expected a violation matching ${broken.names}, got:\n${violations.join("\n")}`,
      );
    });
  }
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GithubProvider } from "@cdktf/provider-github/lib/provider";
import { GithubOrganization, type RepositoryProps } from "@void-linux/infra-constructs/github";
import {
  addressOf,
  assertHasResource,
  failureOf,
  parse,
  resourcesOf,
  synthScope,
} from "../../../support/synth";

describe("GithubOrganization", () => {
  test("teams default to closed and memberships carry their role", () => {
    let org: GithubOrganization | undefined;
    const json = synthScope((scope) => {
      org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addTeam({ name: "core", description: "Core" }).addMember("Alice", "maintainer").addMember("bob");
    });
    assertHasResource(json, "github_team", { name: "core", description: "Core", privacy: "closed" });
    assertHasResource(json, "github_team_membership", { username: "Alice", role: "maintainer" });
    assertHasResource(json, "github_team_membership", { username: "bob", role: "member" });
    assert.deepEqual(Object.keys(resourcesOf(json, "github_team_membership")).sort(), [
      "team_membership_core_alice",
      "team_membership_core_bob",
    ]);
    assert.ok(org);
    assert.deepEqual([...org.teams.keys()], ["core"]);
    const core = org.teams.get("core");
    assert.ok(core);
    assert.equal(core, org.team("core"));
    assert.equal(addressOf(core.resource), "github_team.team_core");
    assert.deepEqual(
      [...core.memberships].map(([login, m]) => [login, addressOf(m)]),
      [
        ["alice", "github_team_membership.team_membership_core_alice"],
        ["bob", "github_team_membership.team_membership_core_bob"],
      ],
    );
  });

  test("a person is their membership and each of their teams' memberships; an undeclared team is refused", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addTeam({ name: "core", description: "Core" });
      org.addTeam({ name: "docs", description: "Docs" });
      org.addPerson({ login: "Alice", role: "admin", teams: { core: "maintainer", docs: "member" } });
      org.addPerson({ login: "bob" });
    });
    assertHasResource(json, "github_membership", { username: "Alice", role: "admin" });
    assertHasResource(json, "github_membership", { username: "bob", role: "member" });
    assert.deepEqual(Object.keys(resourcesOf(json, "github_team_membership")).sort(), [
      "team_membership_core_alice",
      "team_membership_docs_alice",
    ]);
    assertHasResource(json, "github_team_membership", { username: "Alice", role: "maintainer" });
    const message = failureOf((scope) => {
      new GithubOrganization(scope, "org", { name: "acme" }).addPerson({
        login: "carol",
        teams: { ops: "member" },
      });
    });
    assert.equal(message, 'stack/org: team "ops" is not declared (no team is declared yet)');
  });

  test("logical ids come from names, not from declaration order", () => {
    const build = (order: string[]) =>
      synthScope((scope) => {
        const org = new GithubOrganization(scope, "org", { name: "acme" });
        const team = org.addTeam({ name: "core", description: "Core" });
        for (const login of order) team.addMember(login);
      });
    assert.equal(build(["a", "b", "c"]), build(["c", "a", "b"]));
    assert.deepEqual(Object.keys(resourcesOf(build(["c", "a", "b"]), "github_team_membership")).sort(), [
      "team_membership_core_a",
      "team_membership_core_b",
      "team_membership_core_c",
    ]);
  });

  test("owners become admin memberships at an address that does not name the role", () => {
    let org: GithubOrganization | undefined;
    const json = synthScope((scope) => {
      org = new GithubOrganization(scope, "org", { name: "acme" })
        .addOwner("Alice")
        .addMember({ login: "bob" });
    });
    assert.deepEqual(resourcesOf(json, "github_membership"), {
      org_member_alice: { username: "Alice", role: "admin" },
      org_member_bob: { username: "bob", role: "member" },
    });
    assert.deepEqual(
      [...(org?.owners ?? [])].map(([login, m]) => [login, addressOf(m)]),
      [["alice", "github_membership.org_member_alice"]],
    );
    assert.deepEqual([...(org?.members.keys() ?? [])], ["alice", "bob"]);
  });

  test("a demotion keeps the address and changes the role", () => {
    const build = (role: "admin" | "member") =>
      resourcesOf(
        synthScope((scope) =>
          new GithubOrganization(scope, "org", { name: "acme" }).addMember({ login: "Alice", role }),
        ),
        "github_membership",
      );
    assert.deepEqual(Object.keys(build("admin")), Object.keys(build("member")));
    assert.equal(build("member").org_member_alice?.role, "member");
  });

  test("team memberships wait for the organization membership, whichever is declared first", () => {
    for (const orgFirst of [true, false]) {
      const json = synthScope((scope) => {
        const org = new GithubOrganization(scope, "org", { name: "acme" });
        const core = org.addTeam({ name: "core", description: "" });
        if (orgFirst) org.addMember({ login: "Alice" });
        core.addMember("Alice");
        if (!orgFirst) org.addMember({ login: "Alice" });
      });
      assert.deepEqual(resourcesOf(json, "github_team_membership").team_membership_core_alice?.depends_on, [
        "github_membership.org_member_alice",
      ]);
    }
  });

  test("repositories get pages, merge settings and team grants", () => {
    let org: GithubOrganization | undefined;
    const json = synthScope((scope) => {
      org = new GithubOrganization(scope, "org", { name: "acme" });
      const web = org.addTeam({ name: "web", description: "Web" });
      org
        .addRepository({
          name: "acme.github.io",
          description: "Site",
          topics: ["site"],
          merge: { allowMergeCommit: false },
          pages: { branch: "main", cname: "acme.org" },
        })
        .grant(web, "maintain");
    });
    assertHasResource(json, "github_repository", {
      name: "acme.github.io",
      topics: ["site"],
      allow_merge_commit: false,
      pages: { cname: "acme.org", build_type: "legacy", source: { branch: "main", path: "/" } },
    });
    const grants = resourcesOf(json, "github_team_repository");
    assert.deepEqual(Object.keys(grants), ["team_repo_acme_github_io_web"]);
    assert.equal(grants.team_repo_acme_github_io_web.permission, "maintain");
    assert.equal(grants.team_repo_acme_github_io_web.team_id, "${github_team.team_web.id}");
    assert.equal(resourcesOf(json, "github_repository").repo_acme_github_io.allow_squash_merge, undefined);
    assert.deepEqual(resourcesOf(json, "github_repository").repo_acme_github_io.pages, {
      cname: "acme.org",
      build_type: "legacy",
      source: { branch: "main", path: "/" },
    });

    assert.ok(org);
    assert.deepEqual([...org.repositories.keys()], ["acme.github.io"]);
    const repository = org.repositories.get("acme.github.io");
    assert.ok(repository);
    assert.equal(addressOf(repository.resource), "github_repository.repo_acme_github_io");
    const grant = repository.grants.get("web");
    assert.deepEqual([...repository.grants.keys()], ["web"]);
    assert.equal(grant && addressOf(grant), "github_team_repository.team_repo_acme_github_io_web");
  });

  test("a grant names its repository by reference, so it waits for the repository", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      const web = org.addTeam({ name: "web", description: "Web" });
      org.addRepository({ name: "site", description: "" }).grant(web, "push");
    });
    assert.deepEqual(resourcesOf(json, "github_team_repository").team_repo_site_web, {
      team_id: "${github_team.team_web.id}",
      repository: "${github_repository.repo_site.name}",
      permission: "push",
    });
  });

  test("repositories write every feature switch explicitly, false unless set", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addRepository({ name: "plain", description: "Plain" });
      org.addRepository({
        name: "busy",
        description: "Busy",
        hasDiscussions: true,
        hasWiki: true,
        hasProjects: true,
        hasDownloads: true,
        webCommitSignoffRequired: true,
        merge: { allowAutoMerge: true, allowUpdateBranch: true, deleteBranchOnMerge: true },
        pages: { branch: "gh-pages", buildType: "workflow" },
      });
    });
    const repositories = resourcesOf(json, "github_repository");
    const SWITCHES = [
      "has_discussions",
      "has_wiki",
      "has_projects",
      "has_downloads",
      "web_commit_signoff_required",
      "allow_auto_merge",
      "allow_update_branch",
      "delete_branch_on_merge",
    ];
    const switches = (id: string) => Object.fromEntries(SWITCHES.map((key) => [key, repositories[id][key]]));
    assert.deepEqual(switches("repo_plain"), Object.fromEntries(SWITCHES.map((key) => [key, false])));
    assert.deepEqual(switches("repo_busy"), Object.fromEntries(SWITCHES.map((key) => [key, true])));
    assert.equal(repositories.repo_plain.pages, undefined);
    assert.deepEqual(repositories.repo_busy.pages, {
      build_type: "workflow",
      source: { branch: "gh-pages", path: "/" },
    });
    // Settings left to the provider stay unwritten.
    for (const key of ["allow_merge_commit", "allow_squash_merge", "allow_rebase_merge", "has_issues"]) {
      assert.equal(repositories.repo_plain[key], undefined, key);
    }
  });

  test("the provider targets the organization and carries no token", () => {
    const json = synthScope((scope) => new GithubOrganization(scope, "org", { name: "acme" }));
    assert.deepEqual(JSON.parse(json).provider.github, [{ owner: "acme" }]);
  });

  test("an organization uses the stack's un-aliased github provider when there is one", () => {
    let provider: GithubProvider | undefined;
    let org: GithubOrganization | undefined;
    const json = synthScope((scope) => {
      provider = new GithubProvider(scope, "github", { owner: "acme" });
      org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addTeam({ name: "core", description: "" });
    });
    assert.equal(org?.provider, provider);
    assert.deepEqual(parse(json).provider?.github, [{ owner: "acme" }]);
    assert.equal(resourcesOf(json, "github_team").team_core.provider, undefined);
  });
});

describe("two organizations in one stack", () => {
  test("the second, with an aliased provider and an id prefix, gets its own provider and addresses", () => {
    let first: GithubOrganization | undefined;
    let second: GithubOrganization | undefined;
    const json = synthScope((scope) => {
      first = new GithubOrganization(scope, "first", { name: "acme" });
      first.addTeam({ name: "core", description: "" }).addMember("alice");
      first.addRepository({ name: "site", description: "" }).grant(first.team("core"), "push");
      const provider = new GithubProvider(scope, "github-other", { owner: "other", alias: "other" });
      second = new GithubOrganization(scope, "second", { name: "other", provider, idPrefix: "other" });
      second.addOwner("bob");
      second.addTeam({ name: "core", description: "" }).addMember("alice");
      second.addRepository({ name: "site", description: "" }).grant(second.team("core"), "push");
    });
    const stack = parse(json);
    assert.deepEqual(stack.provider?.github, [{ owner: "acme" }, { alias: "other", owner: "other" }]);
    assert.equal(first?.resourceProvider, undefined);
    assert.equal(second?.provider.alias, "other");

    assert.deepEqual(Object.keys(resourcesOf(stack, "github_team")).sort(), ["other_team_core", "team_core"]);
    assert.deepEqual(Object.keys(resourcesOf(stack, "github_team_membership")).sort(), [
      "other_team_membership_core_alice",
      "team_membership_core_alice",
    ]);
    assert.deepEqual(Object.keys(resourcesOf(stack, "github_repository")).sort(), [
      "other_repo_site",
      "repo_site",
    ]);
    assert.deepEqual(Object.keys(resourcesOf(stack, "github_membership")), ["other_org_member_bob"]);
    assert.deepEqual(resourcesOf(stack, "github_team_repository").other_team_repo_site_core, {
      team_id: "${github_team.other_team_core.id}",
      repository: "${github_repository.other_repo_site.name}",
      permission: "push",
      provider: "github.other",
    });
    // Every resource of the second organization names the aliased provider; the first's none.
    for (const [type, byId] of Object.entries(stack.resource ?? {})) {
      for (const [id, body] of Object.entries(byId)) {
        assert.equal(body.provider, id.startsWith("other_") ? "github.other" : undefined, `${type}.${id}`);
      }
    }
  });

  test("the second without its own provider is refused, naming the construct", () => {
    const message = failureOf((scope) => {
      new GithubOrganization(scope, "first", { name: "acme" });
      new GithubOrganization(scope, "second", { name: "other" });
    });
    assert.equal(
      message,
      'stack/second: the stack\'s github provider is for "acme", not "other" (expected an aliased provider in props.provider for a second organization)',
    );
  });

  test("the second without an id prefix collides on the first's addresses", () => {
    const message = failureOf((scope) => {
      new GithubOrganization(scope, "first", { name: "acme" }).addTeam({ name: "core", description: "" });
      const provider = new GithubProvider(scope, "github-other", { owner: "other", alias: "other" });
      new GithubOrganization(scope, "second", { name: "other", provider }).addTeam({
        name: "core",
        description: "",
      });
    });
    assert.match(
      message,
      /^stack\/second\/core: Terraform address github_team\.team_core would be held by both stack\/first\/core\/team and stack\/second\/core\/team /,
    );
  });
});

describe("GithubOrganization validation names the construct path", () => {
  const org = (build: (o: GithubOrganization) => void) => () =>
    synthScope((scope) => build(new GithubOrganization(scope, "org", { name: "acme" })));

  test("unknown team", () => {
    assert.throws(
      org((o) => o.addTeam({ name: "core", description: "" }) && o.team("cor")),
      /^ValidationError: stack\/org: team "cor" is not declared.* \(expected one of: core\)$/,
    );
  });
  test("duplicate membership, compared case-insensitively", () => {
    assert.throws(
      org((o) => o.addTeam({ name: "core", description: "" }).addMember("Alice").addMember("alice")),
      /stack\/org\/core: alice is already a member of team core/,
    );
  });
  test("invalid login", () => {
    assert.throws(
      org((o) => o.addOwner("-x")),
      /stack\/org: "-x" is not a valid GitHub login/,
    );
  });
  test("invalid topic", () => {
    assert.throws(
      org((o) => o.addRepository({ name: "r", description: "", topics: ["Bad Topic"] })),
      /stack\/org\/r: topic "Bad Topic" is invalid/,
    );
  });
  const grantTwice = org((o) => {
    const t = o.addTeam({ name: "t", description: "" });
    o.addRepository({ name: "r", description: "" }).grant(t, "push").grant(t, "admin");
  });
  test("a team granted twice names the role it already has", () => {
    assert.throws(grantTwice, /stack\/org\/r: team t already has push \(expected one permission per team\)$/);
  });
  test("repositories whose addresses collide", () => {
    assert.throws(
      org((o) => {
        o.addRepository({ name: "a.b", description: "" });
        o.addRepository({ name: "a_b", description: "" });
      }),
      /stack\/org\/a_b: Terraform address github_repository\.repo_a_b would be held by both stack\/org\/a\.b\/repository and stack\/org\/a_b\/repository /,
    );
  });
});

describe("keys no resource reads cannot be written", () => {
  test("the allow_squash_commit typo is a compile error", () => {
    const props: RepositoryProps[] = [
      // @ts-expect-error: the typo Void had; squash merging is merge.allowSquashMerge
      { name: "b", description: "", merge: { allowSquashCommit: false } },
    ];
    assert.equal(props.length, 1);
  });

  test("has_discussions is now a managed setting, written to the repository", () => {
    const props: RepositoryProps = { name: "a", description: "", hasDiscussions: true };
    const json = synthScope((scope) => {
      new GithubOrganization(scope, "org", { name: "acme" }).addRepository(props);
    });
    assert.equal(resourcesOf(json, "github_repository").repo_a.has_discussions, true);
  });
});

describe("renames move state instead of destroying it", () => {
  const moved = (json: string) =>
    ((parse(json).moved ?? []) as { from: string; to: string }[]).sort((a, b) => (a.from < b.from ? -1 : 1));

  test("a person's earlier logins move their organization and team memberships", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addMember({ login: "Carol", previously: ["carol-old"] });
      org.addTeam({ name: "core", description: "" }).addMember("Carol");
    });
    assert.deepEqual(moved(json), [
      { from: "github_membership.org_member_carol-old", to: "github_membership.org_member_carol" },
      {
        from: "github_team_membership.team_membership_core_carol-old",
        to: "github_team_membership.team_membership_core_carol",
      },
    ]);
  });

  test("a team's earlier names move the team, its memberships and its grants; the team keeps its id", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      const core = org.addTeam({ name: "core", description: "", previously: ["kernel"] });
      core.addMember("alice");
      org.addRepository({ name: "site", description: "" }).grant(core, "push");
    });
    assert.deepEqual(moved(json), [
      { from: "github_team.team_kernel", to: "github_team.team_core" },
      {
        from: "github_team_membership.team_membership_kernel_alice",
        to: "github_team_membership.team_membership_core_alice",
      },
      {
        from: "github_team_repository.team_repo_site_kernel",
        to: "github_team_repository.team_repo_site_core",
      },
    ]);
    assert.equal(resourcesOf(json, "github_team").team_core?.name, "core");
  });

  test("several earlier names chain, oldest first, so every destination has one source", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addMember({ login: "c", previously: ["a", "b"] });
      org.addTeam({ name: "t2", description: "", previously: ["t1"] }).addMember("c");
    });
    const chains = moved(json);
    const membership = chains.filter((m) => m.from.startsWith("github_team_membership."));
    // (t1,a) (t1,b) (t1,c) (t2,a) (t2,b) → (t2,c): each earlier pair once, each destination once.
    assert.equal(membership.length, 5);
    assert.equal(new Set(membership.map((m) => m.from)).size, 5);
    assert.equal(new Set(membership.map((m) => m.to)).size, 5);
    let at = "github_team_membership.team_membership_t1_a";
    for (let i = 0; i < 5; i++) at = membership.find((m) => m.from === at)?.to ?? "";
    assert.equal(at, "github_team_membership.team_membership_t2_c");
    assert.deepEqual(
      chains.filter((m) => m.from.startsWith("github_membership.")),
      [
        { from: "github_membership.org_member_a", to: "github_membership.org_member_b" },
        { from: "github_membership.org_member_b", to: "github_membership.org_member_c" },
      ],
    );
  });

  test("per-team mode moves the member list with its team", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme", membershipMode: "per-team" });
      org.addTeam({ name: "core", description: "", previously: ["kernel"] }).addMember("alice");
      org.addMember({ login: "alice" });
    });
    assert.deepEqual(
      moved(json).find((m) => m.to === "github_team_members.team_members_core"),
      { from: "github_team_members.team_members_kernel", to: "github_team_members.team_members_core" },
    );
    assert.deepEqual(resourcesOf(json, "github_team_members").team_members_core?.depends_on, [
      "github_membership.org_member_alice",
    ]);
  });

  test("an earlier name that is the current one, or another team's, is refused", () => {
    assert.match(
      failureOf((scope) => {
        new GithubOrganization(scope, "org", { name: "acme" }).addMember({ login: "a", previously: ["A"] });
      }),
      /^stack\/org: previously of a repeats a login or names the current one/,
    );
    assert.match(
      failureOf((scope) => {
        const org = new GithubOrganization(scope, "org", { name: "acme" });
        org.addTeam({ name: "core", description: "" });
        org.addTeam({ name: "docs", description: "", previously: ["core"] });
      }),
      /^stack\/org: team docs: "core" is already team core's name, now or before/,
    );
  });
});

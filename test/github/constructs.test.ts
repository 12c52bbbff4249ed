import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GithubOrganization, type RepositoryProps } from "../../constructs/github";
import { assertHasResource, resourcesOf, synthScope } from "../support/synth";

describe("GithubOrganization", () => {
  test("teams default to closed and memberships carry their role", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
      org.addTeam({ name: "core", description: "Core" }).addMember("Alice", "maintainer").addMember("bob");
    });
    assertHasResource(json, "github_team", { name: "core", description: "Core", privacy: "closed" });
    assertHasResource(json, "github_team_membership", { username: "Alice", role: "maintainer" });
    assertHasResource(json, "github_team_membership", { username: "bob", role: "member" });
    assert.deepEqual(Object.keys(resourcesOf(json, "github_team_membership")).sort(), [
      "team_membership_core_alice",
      "team_membership_core_bob",
    ]);
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

  test("owners become admin memberships", () => {
    const json = synthScope((scope) =>
      new GithubOrganization(scope, "org", { name: "acme" }).addOwner("Alice"),
    );
    assert.deepEqual(resourcesOf(json, "github_membership").org_owner_alice, {
      username: "Alice",
      role: "admin",
    });
  });

  test("repositories get pages, merge settings and team grants", () => {
    const json = synthScope((scope) => {
      const org = new GithubOrganization(scope, "org", { name: "acme" });
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
      pages: { cname: "acme.org", source: { branch: "main", path: "/" } },
    });
    const grants = resourcesOf(json, "github_team_repository");
    assert.deepEqual(Object.keys(grants), ["team_repo_acme_github_io_web"]);
    assert.equal(grants.team_repo_acme_github_io_web.permission, "maintain");
    assert.equal(grants.team_repo_acme_github_io_web.team_id, "${github_team.team_web.id}");
    assert.equal(resourcesOf(json, "github_repository").repo_acme_github_io.allow_squash_merge, undefined);
  });

  test("the provider targets the organization and carries no token", () => {
    const json = synthScope((scope) => new GithubOrganization(scope, "org", { name: "acme" }));
    assert.deepEqual(JSON.parse(json).provider.github, [{ owner: "acme" }]);
  });
});

describe("GithubOrganization validation names the construct path", () => {
  const org = (build: (o: GithubOrganization) => void) => () =>
    synthScope((scope) => build(new GithubOrganization(scope, "org", { name: "acme" })));

  test("unknown team", () => {
    assert.throws(
      org((o) => o.team("cor")),
      /^ValidationError: stack\/org: no team called "cor" \(declared: \)$/,
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
  test("a team granted twice", () => {
    assert.throws(
      org((o) => {
        const t = o.addTeam({ name: "t", description: "" });
        o.addRepository({ name: "r", description: "" }).grant(t, "push").grant(t, "admin");
      }),
      /stack\/org\/r: team t already has push/,
    );
  });
  test("repositories whose addresses collide", () => {
    assert.throws(
      org((o) => {
        o.addRepository({ name: "a.b", description: "" });
        o.addRepository({ name: "a_b", description: "" });
      }),
      /stack\/org\/a_b: Terraform address github_repository.repo_a_b is already used by stack\/org\/a.b/,
    );
  });
});

describe("keys no resource reads cannot be written", () => {
  test("has_discussions and the allow_squash_commit typo are compile errors", () => {
    const props: RepositoryProps[] = [
      // @ts-expect-error: not a repository setting this construct manages
      { name: "a", description: "", hasDiscussions: true },
      // @ts-expect-error: the typo Void had; squash merging is merge.allowSquashMerge
      { name: "b", description: "", merge: { allowSquashCommit: false } },
    ];
    assert.equal(props.length, 2);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { GithubOrganization, type MembershipMode } from "@void-linux/infra-constructs/github";
import { addStateMigration } from "@void-linux/infra-constructs/terraform";
import { githubRefreshCost } from "../../../../bench/refresh-cost";
import { reviewDiff, type StackJson } from "../../../../review/diff";
import { parse, resourcesOf, synthScope, testApp } from "../../../support/synth";

/** An organization with two teams; Carol joins `core` after Alice and Bob. */
function organization(mode: MembershipMode, people = ["Carol", "alice", "Bob"]) {
  let org: GithubOrganization | undefined;
  const json = parse(
    synthScope((scope) => {
      org = new GithubOrganization(scope, "org", { name: "acme", membershipMode: mode });
      const core = org.addTeam({ name: "core", description: "Core" });
      for (const login of people) core.addMember(login, login === "alice" ? "maintainer" : "member");
      org.addTeam({ name: "docs", description: "Docs" }).addMember("dora");
    }),
  );
  assert.ok(org);
  return { org, json };
}

describe("membership modes", () => {
  test("per-team: one authoritative member list per team, sorted by login, no per-person resources", () => {
    const { json } = organization("per-team");
    assert.deepEqual(resourcesOf(json, "github_team_membership"), {});
    const lists = resourcesOf(json, "github_team_members");
    assert.deepEqual(Object.keys(lists).sort(), ["team_members_core", "team_members_docs"]);
    assert.deepEqual(lists.team_members_core?.members, [
      { username: "alice", role: "maintainer" },
      { username: "Bob", role: "member" },
      { username: "Carol", role: "member" },
    ]);
    assert.equal(lists.team_members_core?.team_id, "${github_team.team_core.id}");
  });

  test("per-person stays the default", () => {
    const { org, json } = organization("per-person");
    assert.equal(org.membershipMode, "per-person");
    assert.equal(Object.keys(resourcesOf(json, "github_team_membership")).length, 4);
    assert.deepEqual(resourcesOf(json, "github_team_members"), {});
  });

  test("switching to per-team imports each list and forgets the per-person memberships, destroying nothing", () => {
    const stack = new TerraformStack(testApp(), "switch");
    const org = new GithubOrganization(stack, "org", { name: "acme", membershipMode: "per-team" });
    org.addTeam({ name: "core", description: "Core" }).addMember("alice").addMember("Bob");
    addStateMigration(stack, org.membershipSwitch());
    const json = stackJson(stack);
    assert.deepEqual(json.import, [
      { to: "github_team_members.team_members_core", id: "${github_team.team_core.id}" },
    ]);
    assert.deepEqual(json.removed, [
      { from: "github_team_membership.team_membership_core_alice", lifecycle: { destroy: false } },
      { from: "github_team_membership.team_membership_core_bob", lifecycle: { destroy: false } },
    ]);
  });

  test("switching back imports each person's membership and forgets the lists", () => {
    const stack = new TerraformStack(testApp(), "back");
    const org = new GithubOrganization(stack, "org", { name: "acme" });
    org.addTeam({ name: "core", description: "Core" }).addMember("alice");
    addStateMigration(stack, org.membershipSwitch());
    const json = stackJson(stack);
    assert.deepEqual(json.import, [
      { to: "github_team_membership.team_membership_core_alice", id: "${github_team.team_core.id}:alice" },
    ]);
    assert.deepEqual(json.removed, [
      { from: "github_team_members.team_members_core", lifecycle: { destroy: false } },
    ]);
  });

  test("the review diff names who joins, leaves and changes role in a per-team list", () => {
    const before = organization("per-team", ["alice", "Bob"]).json;
    const after = organization("per-team", ["alice", "Carol"]).json;
    const core = after.resource?.github_team_members?.team_members_core as {
      members: { username: string; role: string }[];
    };
    core.members[0] = { username: "alice", role: "member" };
    const lines = reviewDiff(
      { stacks: new Map([["github", before as StackJson]]) },
      { stacks: new Map([["github", after as StackJson]]) },
    );
    assert.deepEqual(
      lines.lines.map((l) => l.text),
      [
        "changes @alice in core: maintainer → member",
        "removes @Bob from core",
        "welcomes @Carol to core (member)",
      ],
    );
  });

  test("a plan of 10 people in two teams costs per-person one read each, per-team one list each", () => {
    const perPerson = githubRefreshCost(organization("per-person").json);
    const perTeam = githubRefreshCost(organization("per-team").json);
    // 1 org read + 2 teams + 4 memberships; or 1 + 2 teams + 2 lists (and one GraphQL page each).
    assert.deepEqual(perPerson, { rest: 7, graphql: 0 });
    assert.deepEqual(perTeam, { rest: 5, graphql: 2 });
  });
});

function stackJson(stack: TerraformStack) {
  return parse(JSON.stringify(stack.toTerraform()));
}

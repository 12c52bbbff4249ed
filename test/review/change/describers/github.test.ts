import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { StackJson } from "../../../../review/diff";
import { summarizePlan } from "../../../../review/plan";
import type { JsonValue, PlanJson } from "../../../../review/plan/plan-json";
import { output, sentences } from "../../../support/review-diff";

const TEAM = { github_team: { team_core: { name: "core" } } };
const member = (username: string, role = "member") => ({
  team_id: "${github_team.team_core.id}",
  username,
  role,
});
const stack = (resources: Record<string, Record<string, unknown>>, blocks: StackJson = {}): StackJson => ({
  resource: { ...TEAM, ...resources },
  ...blocks,
});
const github = (s: StackJson) => output({ github: s });
const people = { people: new Map([["alice", "Alice Liddell"]]) };

describe("organization membership (github_membership)", () => {
  test("invites, promotions, demotions and removals, as the provider does them", () => {
    const base = github(
      stack({
        github_membership: {
          m_bob: { username: "bob", role: "member" },
          m_carol: { username: "carol", role: "admin" },
          m_dave: { username: "dave", role: "admin" },
          m_erin: { username: "erin", role: "admin", downgrade_on_destroy: true },
          m_frank: { username: "frank", role: "member", downgrade_on_destroy: true },
        },
      }),
    );
    const head = github(
      stack({
        github_membership: {
          m_alice: { username: "alice", role: "member" },
          m_bob: { username: "bob", role: "admin" },
          m_carol: { username: "carol", role: "member" },
        },
      }),
    );
    assert.deepEqual(sentences(base, head, people), [
      "!! makes @bob an org owner (was member)",
      "! demotes @erin from org owner to member",
      "! removes @dave from the organization (an org owner)",
      "! stops managing @frank's membership; they stay a member of the organization",
      "! demotes @carol from org owner to member",
      "invites Alice Liddell (@alice) to the organization (member)",
    ]);
  });

  test("an import block adopts a membership rather than inviting", () => {
    const base = github(stack({}));
    const head = github(
      stack(
        { github_membership: { m_alice: { username: "alice", role: "member" } } },
        { import: [{ to: "github_membership.m_alice", id: "void-linux:alice" }] },
      ),
    );
    assert.deepEqual(sentences(base, head, people), [
      "adopts Alice Liddell (@alice)'s organization membership (member)",
    ]);
  });
});

describe("renames: a login that changes under moved blocks", () => {
  const base = github(
    stack({
      github_membership: { m_old: { username: "old", role: "member" } },
      github_team_membership: { t_core_old: member("old") },
    }),
  );
  const head = github(
    stack(
      {
        github_membership: { m_new: { username: "new", role: "member" } },
        github_team_membership: { t_core_new: member("new") },
      },
      {
        moved: [
          { from: "github_membership.m_old", to: "github_membership.m_new" },
          { from: "github_team_membership.t_core_old", to: "github_team_membership.t_core_new" },
        ],
      },
    ),
  );

  test("the review diff reads one rename, not a leave and a join", () => {
    assert.deepEqual(sentences(base, head), ["renames @old to @new"]);
  });

  test("the plan of the same moves says the same", () => {
    const moved = (type: string, from: string, to: string, before: JsonValue, after: JsonValue) => ({
      address: `${type}.${to}`,
      previous_address: `${type}.${from}`,
      mode: "managed" as const,
      type,
      name: to,
      change: {
        actions: ["update"],
        before,
        after,
        after_unknown: {},
        before_sensitive: {},
        after_sensitive: {},
      },
    });
    const plan: PlanJson = {
      format_version: "1.2",
      resource_changes: [
        moved(
          "github_membership",
          "m_old",
          "m_new",
          { username: "old", role: "member" },
          { username: "new", role: "member" },
        ),
        moved(
          "github_team_membership",
          "t_core_old",
          "t_core_new",
          { username: "old", role: "member", team_id: "42" },
          { username: "new", role: "member", team_id: "42" },
        ),
      ],
      // The team exists before and after: the plan holds its id where the configuration referred to it.
      planned_values: {
        root_module: {
          resources: [
            { address: "github_team.team_core", type: "github_team", values: { id: "42", name: "core" } },
          ],
        },
      },
      prior_state: {
        values: {
          root_module: {
            resources: [
              { address: "github_team.team_core", type: "github_team", values: { id: "42", name: "core" } },
            ],
          },
        },
      },
    };
    const summary = summarizePlan(plan, "github", "github.json");
    assert.deepEqual(
      summary.lines.map((l) => [l.text, l.items]),
      [
        [
          "renames @old to @new",
          ["renames @old to @new in core", "renames @old to @new in the organization"],
        ],
      ],
    );
  });
});

import assert from "node:assert/strict";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { synthApp } from "../support/app";
import { REPO_ROOT, scratchProject } from "../support/project";

const SNAPSHOT = join(REPO_ROOT, "test", "__snapshots__", "github.cdk.tf.json");
const app = synthApp();
const github = app.stack("github");
const resources = github.resource ?? {};
const count = (type: string) => Object.keys(resources[type] ?? {}).length;

describe("github stack from the adoption data", () => {
  test("has Void's resource counts", () => {
    assert.deepEqual(Object.fromEntries(Object.keys(resources).map((t) => [t, count(t)])), {
      github_membership: 22,
      github_repository: 29,
      github_team: 6,
      github_team_membership: 37,
      github_team_repository: 30,
    });
  });

  test("everyone is an organization member; the three owners are admins", () => {
    const admins = Object.values(resources.github_membership)
      .filter((m) => m.role === "admin")
      .map((m) => m.username);
    assert.deepEqual(admins.sort(), ["Duncaen", "Gottox", "the-maldridge"]);
    assert.ok(
      Object.values(resources.github_membership).every((m) => m.role === "admin" || m.role === "member"),
    );
    // A demotion must be an update of the same address, so the address never names the role.
    assert.deepEqual(resources.github_membership.org_member_gottox, {
      "//": resources.github_membership.org_member_gottox?.["//"],
      username: "Gottox",
      role: "admin",
    });
  });

  test("memberships carry the estate's roles", () => {
    const memberships = resources.github_team_membership;
    assert.equal(memberships["team_membership_pkg-committers_duncaen"].role, "maintainer");
    assert.equal(memberships["team_membership_pkg-committers_icp1994"].role, "member");
    assert.equal(memberships["team_membership_void-ops_vaelatern"].role, "maintainer");
    assert.equal(memberships.team_membership_webmasters_vaelatern.role, "member");
    const roles = Object.values(memberships).map((m) => m.role);
    assert.equal(roles.filter((r) => r === "maintainer").length, 15);
  });

  test("every team is closed and every grant is push", () => {
    assert.ok(Object.values(resources.github_team).every((t) => t.privacy === "closed"));
    assert.ok(Object.values(resources.github_team_repository).every((g) => g.permission === "push"));
  });

  test("state lives on Void's terrastate server and the provider has no token", () => {
    const address = "https://terrastate.s.voidlinux.org/state/prod/github";
    assert.deepEqual(github.terraform?.backend, {
      http: { address, lock_address: address, unlock_address: address },
    });
    assert.deepEqual(github.provider?.github, [{ owner: "void-linux" }]);
  });

  test("INFRA_BACKEND=local keeps state outside cdktf.out with a relative path", () => {
    const local = synthApp({ env: { INFRA_BACKEND: "local" } }).stack("github");
    assert.deepEqual(local.terraform?.backend, { local: { path: "../../../terraform.github.tfstate" } });
  });

  test("an unknown INFRA_BACKEND is refused", () => {
    assert.throws(
      () => synthApp({ env: { INFRA_BACKEND: "ftp" } }),
      /INFRA_BACKEND=ftp is not a backend \(expected one of http, local, s3, gcs\)/,
    );
  });

  test("synthesis is byte-identical across runs and directories", () => {
    const again = synthApp().files;
    for (const file of ["manifest.json", "stacks/github/cdk.tf.json"]) {
      assert.equal(again.get(file), app.files.get(file), file);
    }
    assert.doesNotMatch(app.files.get("manifest.json") ?? "", /\/tmp\/|\/work\//);
  });

  test("matches the committed snapshot (UPDATE_SNAPSHOTS=1 to accept a change)", () => {
    const actual = app.files.get("stacks/github/cdk.tf.json") ?? "";
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, actual);
    // The meaning, not the bytes: the runtime's version stamp and its JSON layout may differ
    // between cdktf and its successor cdktn (docs/runtime.md), the Terraform document may not.
    assert.deepEqual(withoutStamp(actual), withoutStamp(readFileSync(SNAPSHOT, "utf8")));
  });
});

describe("organization membership follows the files, as peribolos has it", () => {
  const memberships = (root: string) =>
    synthApp({ root, adopt: false }).stack("github").resource?.github_membership ?? {};

  test("removing org_owner: true demotes the owner at the same address; deleting the file removes the membership", () => {
    const root = scratchProject();
    const gottox = join(root, "maintainers", "Gottox.yaml");
    writeFileSync(gottox, readFileSync(gottox, "utf8").replace("org_owner: true\n", ""));
    assert.equal(memberships(root).org_member_gottox?.role, "member");
    rmSync(join(root, "maintainers", "ericonr.yaml"));
    assert.equal(memberships(root).org_member_ericonr, undefined);
  });
});

describe("renames in the data move state", () => {
  const movesOf = (root: string) =>
    new Map(
      ((synthApp({ root, adopt: false }).stack("github").moved ?? []) as { from: string; to: string }[]).map(
        (m) => [m.from, m.to],
      ),
    );

  test("a person's file renamed with previously: their organization and team memberships move", () => {
    const root = scratchProject();
    const file = (login: string) => join(root, "maintainers", `${login}.yaml`);
    renameSync(file("ericonr"), file("eric-r"));
    const text = readFileSync(file("eric-r"), "utf8").replace(
      "github: ericonr",
      "github: eric-r\npreviously:\n  - ericonr",
    );
    writeFileSync(file("eric-r"), text);
    const moves = movesOf(root);
    assert.equal(moves.get("github_membership.org_member_ericonr"), "github_membership.org_member_eric-r");
    assert.equal(
      moves.get("github_team_membership.team_membership_doc-writers_ericonr"),
      "github_team_membership.team_membership_doc-writers_eric-r",
    );
  });

  test("a team renamed with previously in estate/github.yaml keeps the team, its members and its access", () => {
    const root = scratchProject();
    const github = join(root, "estate", "github.yaml");
    writeFileSync(
      github,
      readFileSync(github, "utf8").replace(
        "  - name: doc-writers\n",
        "  - name: doc-writers\n    previously:\n      - documentation\n",
      ),
    );
    const moves = movesOf(root);
    assert.equal(moves.get("github_team.team_documentation"), "github_team.team_doc-writers");
    assert.equal(
      moves.get("github_team_membership.team_membership_documentation_ericonr"),
      "github_team_membership.team_membership_doc-writers_ericonr",
    );
    assert.equal(
      moves.get("github_team_repository.team_repo_void-docs_documentation"),
      "github_team_repository.team_repo_void-docs_doc-writers",
    );
  });
});

/** A synthesized stack without the runtime's version stamp. */
function withoutStamp(text: string): unknown {
  const json = JSON.parse(text) as { "//"?: { metadata?: { version?: string } } };
  delete json["//"]?.metadata?.version;
  return json;
}

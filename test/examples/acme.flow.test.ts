import assert from "node:assert/strict";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { SOURCES_FILE, sourceFingerprint } from "../../app/sources";
import { VOID_APP } from "../../app/void";
import { approvals } from "../../cli/approvals";
import { diff } from "../../cli/diff";
import { schema } from "../../cli/schema";
import { validate } from "../../cli/validate";
import { acmeApp } from "../../examples/acme/app";
import { acmeOrganization } from "../../examples/acme/people";
import { ACME_ROOT, acmeCheckout } from "../support/acme";
import { git } from "../support/git";
import { run, tempDir } from "../support/project";

/**
 * Acme, another organization built from the library, runs the one-file flow on its own people:
 * its `organization.yaml` names its folder, teams and operators, and the same commands as Void's
 * validate its files, route a change to its approvers and describe it in sentences. Nothing here
 * names Void's folders or teams; the commands learn Acme's from its definition.
 */

const person = (login: string, name: string, teams: Record<string, string>, extra = "") =>
  `name: ${name}\ngithub: ${login}\n${extra}teams:\n${Object.entries(teams)
    .map(([team, role]) => `  ${team}: ${role}\n`)
    .join("")}`;

/** Acme's checkout as a repository: its data on `main`, and a branch `change` to commit a change on. */
function acmeRepository(): string {
  const dir = acmeCheckout();
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "acme");
  git(dir, "checkout", "--quiet", "-b", "change");
  return dir;
}
const commit = (dir: string) => {
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "change");
};

/** Rows of `npm run approvals -- --format json` for the branch: file, who, approvers and subjects. */
async function routeOf(dir: string) {
  const result = await run(approvals, dir, ["--base-ref", "main", "--format", "json"]);
  assert.equal(result.status, 0, result.stderr);
  const routing = JSON.parse(result.stdout);
  return {
    routing,
    rows: routing.requirements.map((r: { file: string; by: { teams?: string[] }; approvers: string[] }) => [
      r.file,
      r.by.teams?.join(" or ") ?? "operators",
      r.approvers.join(" "),
    ]),
  };
}

/**
 * Acme's app synthesized from the checkout at `root` (its definition and people, read by the flow)
 * into a fresh directory, recording what it was built from as `npm run synth` does, so the review
 * diff takes it as current.
 */
function synthAcme(root: string): string {
  const outdir = join(tempDir("acme-out-"), "cdktf.out");
  acmeApp(outdir, acmeOrganization(root)).synth();
  writeFileSync(join(outdir, SOURCES_FILE), `${sourceFingerprint(root)}\n`);
  return outdir;
}

describe("Acme's people go through the same flow as Void's", () => {
  test("validate passes on Acme's checkout, counting its people and no data set it does not have", async () => {
    const result = await run(validate, ACME_ROOT);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^ok: \d+ maintainers, \d+ org owners\n$/);
  });

  test("Acme's committed schemas are generated from its definition: its teams, its name", async () => {
    const result = await run(schema, ACME_ROOT, ["--check"]);
    assert.equal(result.status, 0, result.stderr);
  });

  test("a bad person's file reports every problem at once, each at its line and column", async () => {
    const dir = acmeCheckout();
    writeFileSync(
      join(dir, "maintainers", "tweety.yaml"),
      "name: Tweety\ngithub: tweetie\nemail: tweety-at-acme\nteams:\n  developer: member\n  operators: admin\n",
    );
    const result = await run(validate, dir);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, "");
    assert.equal(
      result.stderr,
      [
        'maintainers/tweety.yaml:2:9: github: "tweetie" differs from the file name (expected "tweety", or rename the file to tweetie.yaml)',
        "maintainers/tweety.yaml:3:8: email: is not a valid email address (expected name@example.org)",
        'maintainers/tweety.yaml:5:3: teams.developer: unknown team "developer" (did you mean "developers"?) (expected one of: developers, operators)',
        'maintainers/tweety.yaml:6:14: teams.operators: "admin" is not allowed (expected one of: member, maintainer)',
        "",
        "4 problems found; nothing was written.",
        "",
      ].join("\n"),
    );
  });

  test("a team named in no definition is Acme's to refuse: Void's teams are unknown here", async () => {
    const dir = acmeCheckout();
    writeFileSync(
      join(dir, "maintainers", "tweety.yaml"),
      person("tweety", "Tweety Bird", { "pkg-committers": "member" }),
    );
    const result = await run(validate, dir);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^maintainers\/tweety\.yaml:4:3: teams\.pkg-committers: unknown team "pkg-committers" .*\(expected one of: developers, operators\)$/m,
    );
  });

  test("the safety valves hold Acme's people against its base, by its folder", async () => {
    const dir = acmeRepository();
    // Two of developers' three leave at once: more than 25% of the team.
    rmSync(join(dir, "maintainers", "roadrunner.yaml"));
    writeFileSync(
      join(dir, "maintainers", "bugs.yaml"),
      person("bugs", "Bugs Bunny", { operators: "member" }, "org_owner: true\n"),
    );
    commit(dir);
    const result = await run(validate, dir, ["--base-ref", "main"]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^maintainers: teams\.developers: refused: removes 2 of 3 members of developers at once .*OVERRIDES\.yaml, which the operators must approve$/m,
    );
  });

  test("a newcomer routes to a maintainer of the team joined, or one of Acme's operators", async () => {
    const dir = acmeRepository();
    writeFileSync(
      join(dir, "maintainers", "tweety.yaml"),
      person("tweety", "Tweety Bird", { developers: "member" }),
    );
    commit(dir);
    const { routing, rows } = await routeOf(dir);
    assert.equal(routing.operatorTeam, "operators");
    assert.equal(routing.people, "maintainers");
    assert.deepEqual(rows, [["maintainers/tweety.yaml", "developers", "acme-admin bugs wile-e"]]);
  });

  test("joining Acme's operators, or a grant to oneself, needs an operator who is not the person", async () => {
    const dir = acmeRepository();
    writeFileSync(
      join(dir, "maintainers", "wile-e.yaml"),
      person("wile-e", "Wile E. Coyote", { developers: "maintainer", operators: "member" }),
    );
    writeFileSync(
      join(dir, "maintainers", "bugs.yaml"),
      person("bugs", "Bugs Bunny", { developers: "member", operators: "maintainer" }, "org_owner: true\n"),
    );
    commit(dir);
    const { routing, rows } = await routeOf(dir);
    assert.deepEqual(rows, [
      ["maintainers/bugs.yaml", "operators", "acme-admin"],
      ["maintainers/wile-e.yaml", "operators", "acme-admin bugs"],
    ]);
    assert.deepEqual(
      routing.requirements.map((r: { subjects: string[] }) => r.subjects),
      [["bugs"], ["wile-e"]],
    );
    const markdown = await run(approvals, dir, ["--base-ref", "main"]);
    assert.match(markdown.stdout, /makes @bugs maintainer of operators/);
    assert.match(markdown.stdout, /an operator of operators: @acme-admin/);
  });

  test("a checkout in a folder of a larger repository (as examples/acme is) is routed by its own definition", async () => {
    const root = tempDir("acme-monorepo-");
    const dir = join(root, "examples", "acme");
    mkdirSync(join(root, "examples"));
    cpSync(acmeCheckout(), dir, { recursive: true });
    git(root, "init", "--quiet", "--initial-branch=main");
    git(root, "add", "-A");
    git(root, "commit", "--quiet", "-m", "acme");
    git(root, "checkout", "--quiet", "-b", "change");
    writeFileSync(
      join(dir, "maintainers", "tweety.yaml"),
      person("tweety", "Tweety Bird", { developers: "member" }),
    );
    commit(root);
    const { rows } = await routeOf(dir);
    assert.deepEqual(rows, [["maintainers/tweety.yaml", "developers", "acme-admin bugs wile-e"]]);
  });

  test("the review diff says an Acme change in sentences, naming Acme's people", async () => {
    const dir = acmeRepository();
    const base = synthAcme(dir);
    writeFileSync(
      join(dir, "maintainers", "tweety.yaml"),
      person("tweety", "Tweety Bird", { developers: "member" }),
    );
    rmSync(join(dir, "maintainers", "roadrunner.yaml"));
    const head = synthAcme(dir);
    const result = await run(diff(VOID_APP), dir, ["--base", base, "--head", head]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^### Review diff: 1 to create, 1 to update, 1 to delete$/m);
    assert.match(
      result.stdout,
      /^- `github`: invites Tweety Bird \(@tweety\) to the organization \(member\)$/m,
    );
    assert.match(result.stdout, /^- `github`: welcomes Tweety Bird \(@tweety\) to developers \(member\)$/m);
    // Leaving is a removal, reviewed first.
    assert.match(result.stdout, /^> - ⚠️ `github`: removes @roadrunner from the organization$/m);
    assert.match(result.stdout, /^> - ⚠️ `github`: removes @roadrunner from developers$/m);
  });

  test("Acme's GitHub organization is its definition's and its people's, and nothing else", () => {
    const organization = acmeOrganization(ACME_ROOT);
    assert.equal(organization.github.organization, "acme-corp");
    assert.deepEqual(
      organization.github.teams.map((t) => t.name),
      ["developers", "operators"],
    );
    // A folder of its own: Void's people are nobody at Acme.
    const dir = acmeCheckout();
    mkdirSync(join(dir, "people"));
    writeFileSync(join(dir, "organization.yaml"), "name: Acme\npeople: people\ngithub: github.yaml\n");
    assert.throws(() => acmeOrganization(dir), /github\.yaml: \(file\): does not exist/);
  });
});

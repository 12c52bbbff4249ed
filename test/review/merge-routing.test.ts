import assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { approvals } from "../../cli/approvals";
import { notAPersonFile } from "../../review/approvals";
import { routeMerge } from "../../review/merge-routing";
import { DataError } from "../../runtime/diagnostics";
import { git, githubEstateFile, ORGANIZATION_DEFINITION } from "../support/git";
import { run, tempDir } from "../support/project";

const person = (login: string, teams: Record<string, string>, extra = "") =>
  `name: ${login}\ngithub: ${login}\nteams:\n${Object.entries(teams)
    .map(([t, r]) => `  ${t}: ${r}\n`)
    .join("")}${extra}`;

describe("the routing of a merge, from git objects alone", () => {
  /** A repository whose main holds an operator, a team maintainer and a member; `feature` branches off it. */
  function repository(): string {
    const dir = tempDir();
    git(dir, "init", "--quiet", "--initial-branch=main");
    mkdirSync(join(dir, "maintainers"));
    const files: Record<string, string> = {
      "olga.yaml": person("olga", { ops: "maintainer" }, "org_owner: true\n"),
      "otto.yaml": person("otto", { ops: "member" }),
      "cara.yaml": person("cara", { core: "maintainer" }),
      "mo.yaml": person("mo", { core: "member" }),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, "maintainers", name), text);
    writeFileSync(join(dir, "README.md"), "readme\n");
    mkdirSync(join(dir, "estate"));
    writeFileSync(join(dir, "estate", "github.yaml"), githubEstateFile("ops", ["ops", "core"]));
    writeFileSync(join(dir, "organization.yaml"), ORGANIZATION_DEFINITION);
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "base");
    git(dir, "checkout", "--quiet", "-b", "feature");
    return dir;
  }
  const commit = (dir: string, message: string) => {
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", message);
    return git(dir, "rev-parse", "HEAD");
  };
  const route = (dir: string) => routeMerge(dir, "main", "feature");
  const rows = (dir: string) =>
    route(dir).requirements.map((r) => [
      r.file,
      "operators" in r.by ? "operators" : r.by.teams.join(),
      r.approvers.join(" "),
    ]);

  test("is bound to the base's tip and the head, and routes a newcomer to the team's maintainer", () => {
    const dir = repository();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), person("alice", { core: "member" }));
    const head = commit(dir, "alice");
    const routing = route(dir);
    assert.equal(routing.head, head);
    assert.equal(routing.base, git(dir, "rev-parse", "main"));
    assert.deepEqual(routing.refusals, []);
    assert.deepEqual(rows(dir), [["maintainers/alice.yaml", "core", "cara olga otto"]]);
    assert.deepEqual(routing.requirements[0]?.subjects, ["alice"]);
  });

  test("a branch behind main is routed against main as it is now: its operators, its files", () => {
    const dir = repository();
    writeFileSync(join(dir, "maintainers", "alice.yaml"), person("alice", { core: "member" }));
    commit(dir, "alice");
    git(dir, "checkout", "--quiet", "main");
    // main, since: otto is no operator any more, and mo's file changed (not by the branch).
    writeFileSync(join(dir, "maintainers", "otto.yaml"), person("otto", { core: "member" }));
    writeFileSync(
      join(dir, "maintainers", "mo.yaml"),
      person("mo", { core: "member" }, "email: mo@example.org\n"),
    );
    commit(dir, "otto steps down");
    git(dir, "checkout", "--quiet", "feature");
    assert.deepEqual(rows(dir), [["maintainers/alice.yaml", "core", "cara olga"]]);
  });

  test("every path outside people's files needs an operator; a merge that conflicts is refused", () => {
    const dir = repository();
    writeFileSync(join(dir, "README.md"), "changed\n");
    writeFileSync(join(dir, "maintainers", "mo.yaml"), person("mo", { core: "member" }, "since: 2020\n"));
    commit(dir, "readme and mo");
    assert.deepEqual(rows(dir), [
      ["README.md", "operators", "olga otto"],
      ["maintainers/mo.yaml", "core", "cara olga otto"],
    ]);
    git(dir, "checkout", "--quiet", "main");
    writeFileSync(join(dir, "maintainers", "mo.yaml"), person("mo", { core: "member" }, "since: 2021\n"));
    commit(dir, "mo on main");
    git(dir, "checkout", "--quiet", "feature");
    const routing = route(dir);
    assert.deepEqual(routing.requirements, []);
    assert.deepEqual(
      routing.refusals.map((r) => r.file),
      ["maintainers/mo.yaml"],
    );
    assert.match(
      routing.refusals[0]?.problem ?? "",
      /^conflicts with the base at [0-9a-f]{12} \(expected a branch that merges cleanly/,
    );
  });

  test("a changed person's file that is not a sound regular file in the merge is refused, with why", () => {
    const cases: [string, (dir: string) => void, RegExp][] = [
      [
        "link.yaml",
        (d) => symlinkSync("mo.yaml", join(d, "maintainers", "link.yaml")),
        /^is a symbolic link in the change/,
      ],
      [
        "sub.yaml",
        (d) =>
          git(d, "update-index", "--add", "--cacheinfo", `160000,${"1".repeat(40)},maintainers/sub.yaml`),
        /^is a submodule in the change/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), person("eve", { "a team!": "member" })),
        /line 4: teams\.a team!: is not a team's name/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), person("eve", { ops: "admin" })),
        /line 4: teams\.ops: "admin" is not a role \(expected one of: member, maintainer\)$/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), person("olga", { core: "member" })),
        /github: "olga" differs from the file name \(expected "eve"\)/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), "name: eve\ngithub: eve\norg_owner: yes\n"),
        /org_owner: is not a boolean/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), "%YAML 1.1\n---\ngithub: eve\n"),
        /%YAML/,
      ],
      [
        "eve.yaml",
        (d) =>
          writeFileSync(join(d, "maintainers", "eve.yaml"), Buffer.from("\ufeffgithub: eve\n", "utf16le")),
        /UTF-16/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), "- a list\n"),
        /is not a mapping of fields/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), "github: eve\nssh_keys: ssh-ed25519 AAAA\n"),
        /ssh_keys: is not a list of SSH public keys/,
      ],
      [
        "eve.yaml",
        (d) => writeFileSync(join(d, "maintainers", "eve.yaml"), "github: eve\nnetauth: [olga]\n"),
        /netauth: is not a NetAuth entity id/,
      ],
    ];
    for (const [name, make, problem] of cases) {
      const dir = repository();
      make(dir);
      // A gitlink has nothing in the work tree that `git add -A` could keep.
      if (name !== "sub.yaml") git(dir, "add", "-A");
      git(dir, "commit", "--quiet", "-m", name);
      const routing = route(dir);
      assert.deepEqual(
        routing.refusals.map((r) => r.file),
        [`maintainers/${name}`],
        String(problem),
      );
      assert.match(routing.refusals[0]?.problem ?? "", problem);
      assert.ok(routing.requirements.every((r) => r.file !== `maintainers/${name}`));
    }
  });

  test("a name with an invisible character is refused; a deleted base link nobody can read is refused", () => {
    const dir = repository();
    writeFileSync(join(dir, "maintainers", "mo\u200B.yaml"), person("mo", { core: "member" }));
    commit(dir, "zero width");
    assert.deepEqual(route(dir).refusals, [
      { file: "maintainers/mo\u200B.yaml", problem: notAPersonFile("maintainers") },
    ]);

    const linked = repository();
    git(linked, "checkout", "--quiet", "main");
    symlinkSync("mo.yaml", join(linked, "maintainers", "ghost.yaml"));
    commit(linked, "a link on main");
    git(linked, "checkout", "--quiet", "-B", "feature");
    rmSync(join(linked, "maintainers", "ghost.yaml"));
    commit(linked, "remove the link");
    assert.deepEqual(
      route(linked).refusals.map((r) => r.file),
      ["maintainers/ghost.yaml"],
    );
  });

  test("a new SSH key of someone whose team the base's access groups let log in needs an operator", () => {
    const dir = repository();
    git(dir, "checkout", "--quiet", "main");
    writeFileSync(join(dir, "organization.yaml"), `${ORGANIZATION_DEFINITION}data: [estate]\n`);
    writeFileSync(
      join(dir, "estate", "access.yaml"),
      "groups:\n  - name: builders\n    teams: [core]\n    host_login: [buildworker]\n",
    );
    commit(dir, "core logs in to the build machines");
    git(dir, "checkout", "--quiet", "-B", "feature");
    const key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILYGqmD4pk4L/3VJU/l36ySYjOLed51EfzH6Fb99ZJ0A";
    writeFileSync(
      join(dir, "maintainers", "mo.yaml"),
      person("mo", { core: "member" }, `ssh_keys:\n  - ${key} mo\n`),
    );
    commit(dir, "mo's key");
    assert.deepEqual(rows(dir), [["maintainers/mo.yaml", "operators", "olga otto"]]);
    assert.deepEqual(route(dir).requirements[0]?.reasons, ["adds an SSH key to @mo (host login)"]);

    // The same key's comment changed: the key is the same, so it is no grant.
    git(dir, "branch", "--quiet", "-f", "main");
    writeFileSync(
      join(dir, "maintainers", "mo.yaml"),
      person("mo", { core: "member" }, `ssh_keys:\n  - ${key} laptop\n`),
    );
    commit(dir, "comment");
    assert.deepEqual(rows(dir), [["maintainers/mo.yaml", "core", "cara olga otto"]]);
  });

  test("the people's folder and the operators' team are the base's: a change that moves either routes by the base", () => {
    const dir = repository();
    // The change names another folder and another operators' team, and puts a person in it.
    writeFileSync(join(dir, "organization.yaml"), ORGANIZATION_DEFINITION.replace("maintainers", "crew"));
    writeFileSync(join(dir, "estate", "github.yaml"), githubEstateFile("core", ["ops", "core"]));
    mkdirSync(join(dir, "crew"));
    writeFileSync(join(dir, "crew", "mo.yaml"), person("mo", { core: "maintainer", ops: "maintainer" }));
    commit(dir, "move the people and the operators");
    const routing = route(dir);
    assert.equal(routing.people, "maintainers");
    assert.deepEqual(routing.operators, ["olga", "otto"]);
    assert.deepEqual(rows(dir), [
      ["crew/mo.yaml", "operators", "olga otto"],
      ["estate/github.yaml", "operators", "olga otto"],
      ["organization.yaml", "operators", "olga otto"],
    ]);
  });

  test("a base without a sound definition routes nothing: it fails closed, naming the file", () => {
    for (const [name, change] of [
      ["missing", (d: string) => rmSync(join(d, "organization.yaml"))],
      ["unsound", (d: string) => writeFileSync(join(d, "organization.yaml"), "people: maintainers\n")],
      ["teams gone", (d: string) => rmSync(join(d, "estate", "github.yaml"))],
    ] as const) {
      const dir = repository();
      git(dir, "checkout", "--quiet", "main");
      change(dir);
      commit(dir, name);
      git(dir, "checkout", "--quiet", "feature");
      writeFileSync(join(dir, "maintainers", "alice.yaml"), person("alice", { core: "member" }));
      commit(dir, "alice");
      assert.throws(
        () => route(dir),
        (error: unknown) =>
          error instanceof DataError &&
          /^(organization|estate\/github)\.yaml at [0-9a-f]{12}$/.test(error.diagnostics[0]?.file ?? ""),
        name,
      );
    }
  });

  test("npm run approvals prints the bound routing as JSON, and Markdown for people", async () => {
    const dir = repository();
    writeFileSync(
      join(dir, "maintainers", "otto.yaml"),
      person("otto", { ops: "member" }, "org_owner: true\n"),
    );
    const head = commit(dir, "otto owner");
    const json = await run(approvals, dir, ["--base-ref", "main", "--head", "feature", "--format", "json"]);
    assert.equal(json.status, 0, json.stderr);
    const routing = JSON.parse(json.stdout);
    assert.equal(routing.head, head);
    assert.deepEqual(
      routing.requirements.map((r: { approvers: string[] }) => r.approvers),
      [["olga"]],
    );
    const markdown = await run(approvals, dir, ["--base-ref", "main", "--head", "feature"]);
    assert.match(markdown.stdout, /^Merging [0-9a-f]{12} into main at [0-9a-f]{12}\n\n### Who approves\n/);
    assert.match(markdown.stdout, /makes @otto an org owner/);
    const missing = await run(approvals, dir, []);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^error: --base-ref <git-ref> is required/);
  });
});

import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { readBaseAtRef, readRosterDir } from "../../inputs/safety";
import { git } from "../support/git";
import { tempDir } from "../support/project";

/** The checkout's definition, which a base without one of its own is read by. */
const CHECKOUT = {
  name: "T",
  people: "maintainers",
  github: "estate/github.yaml",
  overrides: "OVERRIDES.yaml",
  data: [],
};

const person = (login: string, team = "pkg-committers") =>
  `name: ${login}\ngithub: ${login}\nteams:\n  ${team}: member\n`;

describe("the base roster holds only regular files named like people", () => {
  test("a directory, a submodule and a link named *.yaml in the base branch are skipped, the rest read right", () => {
    const dir = tempDir();
    git(dir, "init", "--quiet");
    mkdirSync(join(dir, "maintainers", "bob.yaml"), { recursive: true });
    writeFileSync(join(dir, "maintainers", "bob.yaml", "inner.yaml"), person("inner"));
    writeFileSync(join(dir, "maintainers", "alice.yaml"), person("alice"));
    writeFileSync(join(dir, "maintainers", "zed.yaml"), person("zed", "void-ops"));
    symlinkSync("alice.yaml", join(dir, "maintainers", "link.yaml"));
    // The override file as a directory, which `git cat-file --batch` answers with a tree.
    mkdirSync(join(dir, "OVERRIDES.yaml"));
    writeFileSync(join(dir, "OVERRIDES.yaml", "x"), "x\n");
    git(dir, "add", "-A");
    // A submodule entry (gitlink) named like a person's file; its commit need not exist here.
    git(dir, "update-index", "--add", "--cacheinfo", `160000,${"1".repeat(40)},maintainers/carol.yaml`);
    git(dir, "commit", "--quiet", "-m", "base");

    const base = readBaseAtRef("HEAD", dir, CHECKOUT);
    assert.deepEqual(
      base.roster.people.map((p) => [p.login, p.teams]),
      [
        ["alice", { "pkg-committers": "member" }],
        ["zed", { "void-ops": "member" }],
      ],
    );
    assert.equal(base.overridesText, undefined);
  });

  test("a directory named *.yaml in a base directory is skipped", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "bob.yaml"));
    writeFileSync(join(dir, "alice.yaml"), person("alice"));
    assert.deepEqual(
      readRosterDir(dir, "maintainers").people.map((p) => p.login),
      ["alice"],
    );
  });

  test("a base with a definition of its own is read where it puts its people and its override file", () => {
    const dir = tempDir();
    git(dir, "init", "--quiet");
    mkdirSync(join(dir, "crew"));
    mkdirSync(join(dir, "maintainers"));
    writeFileSync(join(dir, "crew", "alice.yaml"), person("alice"));
    writeFileSync(join(dir, "maintainers", "mallory.yaml"), person("mallory"));
    writeFileSync(join(dir, "EXCEPTIONS.yaml"), 'allow_mass_removal: "why"\n');
    writeFileSync(
      join(dir, "organization.yaml"),
      "name: T\npeople: crew\ngithub: estate/github.yaml\noverrides: EXCEPTIONS.yaml\n",
    );
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "base");
    const base = readBaseAtRef("HEAD", dir, CHECKOUT);
    assert.deepEqual(
      base.roster.people.map((p) => [p.login, p.file]),
      [["alice", "crew/alice.yaml"]],
    );
    assert.equal(base.overridesText, 'allow_mass_removal: "why"\n');
  });
});

import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { CHANGES_CODE, prData } from "../../cli/pr-data";
import { git } from "../support/git";
import { run } from "../support/project";
import { mainRepository, pullRequest } from "../support/pull-requests";

const ALICE =
  "# yaml-language-server: $schema=./schema.json\nname: Alice\ngithub: alice\nteams:\n  pkg-committers: member\n";

/** One repository for the pull requests that must leave main's checkout as it is. */
const shared = mainRepository();

/** Runs pr-data on the pull request of `change`; nothing of it may have reached main's checkout. */
async function refused(change: (dir: string) => void) {
  const { dir, head } = pullRequest(change, shared);
  const result = await run(prData, dir, ["--head", head]);
  assert.equal(git(dir, "status", "--porcelain", "--untracked-files=all"), "", "nothing is written");
  return result;
}

/** The refusal of these problems, as `pr-data` prints it. */
const problems = (...lines: string[]) =>
  `${lines.join("\n")}\n\n${lines.length} problem${lines.length === 1 ? "" : "s"} found; nothing was written.\n`;

describe("npm run pr-data: a pull request's data over main's code, never its code", () => {
  test("a new maintainer file and a removed one are taken", async () => {
    const { dir, head } = pullRequest((d) => {
      writeFileSync(join(d, "maintainers", "alice.yaml"), ALICE);
      rmSync(join(d, "maintainers", "Chocimier.yaml"));
    });
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      `took 2 data files from ${head.slice(0, 12)}\n  removed maintainers/Chocimier.yaml\n  took maintainers/alice.yaml\n`,
    );
    assert.equal(readFileSync(join(dir, "maintainers", "alice.yaml"), "utf8"), ALICE);
    assert.ok(!existsSync(join(dir, "maintainers", "Chocimier.yaml")));
    assert.equal(readFileSync(join(dir, "cli", "run.ts"), "utf8"), "// main's code\n");
  });

  test("the estate's files of every kind, in every directory, are taken byte for byte", async () => {
    const latin1 = Buffer.from("# caf\xe9\nroles: [prod]\n", "latin1");
    const { dir, head } = pullRequest((d) => {
      writeFileSync(join(d, "estate", "dns.yaml"), "zone: example.org\n");
      writeFileSync(join(d, "estate", "services", "new.yaml"), "job: new\n");
      writeFileSync(join(d, "estate", "machines", "k-hel-fi.yaml"), latin1);
      rmSync(join(d, "estate", "repositories", "xmirror.yaml"));
      writeFileSync(join(d, "OVERRIDES.yaml"), 'allow_mass_removal: "why"\n');
    });
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 0, result.stderr);
    git(dir, "add", "--all");
    assert.equal(
      git(dir, "diff", "--cached", "--name-only", head),
      "",
      "main's checkout holds the pull request's data",
    );
    // The loader, not pr-data, names a file that is not UTF-8: it arrives as it is.
    assert.deepEqual(readFileSync(join(dir, "estate", "machines", "k-hel-fi.yaml")), latin1);
  });

  test("a pull request behind main is taken merged with it: main's newer data stays", async () => {
    const { dir, head } = pullRequest((d) =>
      writeFileSync(
        join(d, "estate", "dns.yaml"),
        readFileSync(join(d, "estate", "dns.yaml"), "utf8").replace(
          "aliases:\n",
          "aliases:\n  - name: status\n    target: stats.uptimerobot.com.\n",
        ),
      ),
    );
    const dns = readFileSync(join(dir, "estate", "dns.yaml"), "utf8");
    writeFileSync(
      join(dir, "estate", "dns.yaml"),
      dns.replace("mirror_prefix: repo-\n", "mirror_prefix: mirror-\n"),
    );
    git(dir, "commit", "--quiet", "-am", "main moves on");
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 0, result.stderr);
    const taken = readFileSync(join(dir, "estate", "dns.yaml"), "utf8");
    assert.match(taken, /target: stats\.uptimerobot\.com\./, "the pull request's change");
    assert.match(taken, /mirror_prefix: mirror-/, "main's change since it branched");
  });

  test("a pull request that conflicts with main is refused, naming the files", async () => {
    const { dir, head } = pullRequest((d) =>
      writeFileSync(join(d, "estate", "tls.yaml"), "# the pull request's\n"),
    );
    writeFileSync(join(dir, "estate", "tls.yaml"), "# main's\n");
    git(dir, "commit", "--quiet", "-am", "main moves on");
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      "error: the pull request conflicts with main in estate/tls.yaml (expected it merged with main, or rebased)\n",
    );
    assert.equal(readFileSync(join(dir, "estate", "tls.yaml"), "utf8"), "# main's\n");
  });

  test("a pull request that changes code is left for after the merge", async () => {
    for (const path of [
      "cli/run.ts",
      "estate/fastly.ts",
      "estate/notes.yaml",
      "estate/schemas/machine.schema.json",
      "locks/github.terraform.lock.hcl",
      "package-lock.json",
      ".github/workflows/plan.yml",
      ".github/scripts/plan-stacks.sh",
    ]) {
      const result = await refused((d) => {
        writeFileSync(join(d, "maintainers", "alice.yaml"), ALICE);
        mkdirSync(join(d, path, ".."), { recursive: true });
        writeFileSync(join(d, path), "process.env.TOKEN // exfiltrate\n");
      });
      assert.equal(result.status, CHANGES_CODE, path);
      assert.equal(result.stdout, `the pull request changes code (${path}): it is planned after it merges\n`);
    }
  });

  test("a path that could start a workflow command is named on one line, defused", async () => {
    const result = await refused((d) => writeFileSync(join(d, "x\n::add-mask::y"), ""));
    assert.equal(result.status, CHANGES_CODE);
    assert.equal(
      result.stdout,
      "the pull request changes code (x\\u{a}::add-mask::y): it is planned after it merges\n",
    );
  });

  test("the people's schema, generated for editors, is neither code nor taken", async () => {
    const { dir, head } = pullRequest((d) => writeFileSync(join(d, "maintainers", "schema.json"), "{}\n"));
    const result = await run(prData, dir, ["--head", head]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `took 0 data files from ${head.slice(0, 12)}\n`);
    assert.equal(git(dir, "status", "--porcelain"), "");
  });

  // A git tree holds blobs, links, submodules' commits and trees only: a FIFO or a device cannot
  // come from a pull request's commit, so these are every other thing a data path can be.
  test("a data file that is a symbolic link, a submodule or a directory is refused by name", async () => {
    const cases: [string, (d: string) => void, string][] = [
      [
        "a link to a secret",
        (d) => symlinkSync("/etc/passwd", join(d, "maintainers", "alice.yaml")),
        "maintainers/alice.yaml: (file): is a symbolic link in the pull request (expected a regular file)",
      ],
      [
        "a machine that links elsewhere in the checkout",
        (d) => symlinkSync("../../cli/run.ts", join(d, "estate", "machines", "k-hel-fi.yaml")),
        "estate/machines/k-hel-fi.yaml: (file): is a symbolic link in the pull request (expected a regular file)",
      ],
      [
        "a submodule where a kind's file is",
        (d) => {
          // A repository of its own where the file was: git adds it as a submodule's commit.
          const sub = join(d, "estate", "nomad.yaml");
          rmSync(sub);
          mkdirSync(sub);
          git(sub, "init", "--quiet");
          git(sub, "commit", "--quiet", "--allow-empty", "-m", "sub");
        },
        "estate/nomad.yaml: (file): is a submodule in the pull request (expected a regular file)",
      ],
      [
        "a directory where a kind's file is",
        (d) => {
          rmSync(join(d, "estate", "dns.yaml"));
          mkdirSync(join(d, "estate", "dns.yaml"));
          writeFileSync(join(d, "estate", "dns.yaml", "zone.yaml"), "zone: example.org\n");
        },
        "estate/dns.yaml: (file): is a directory in the pull request (expected a regular file)",
      ],
      [
        "a directory named as a machine",
        (d) => {
          mkdirSync(join(d, "estate", "machines", "k-hel-fi.yaml"));
          writeFileSync(join(d, "estate", "machines", "k-hel-fi.yaml", "a.yaml"), "roles: []\n");
          writeFileSync(join(d, "estate", "machines", "k-hel-fi.yaml", "b.yaml"), "roles: []\n");
        },
        "estate/machines/k-hel-fi.yaml: (file): is a directory in the pull request (expected a regular file)",
      ],
      [
        "the machines' directory made a link",
        (d) => {
          rmSync(join(d, "estate", "machines"), { recursive: true });
          symlinkSync("/etc", join(d, "estate", "machines"));
        },
        "estate/machines: (file): is not a directory in the pull request (expected a directory)",
      ],
    ];
    for (const [about, change, line] of cases) {
      const result = await refused(change);
      assert.equal(result.status, 1, about);
      assert.equal(result.stderr, problems(line), about);
    }
  });

  test("a data file over its loader's size limit is refused by name", async () => {
    const result = await refused((d) => {
      writeFileSync(
        join(d, "estate", "machines", "k-hel-fi.yaml"),
        `roles: [prod]\n#${"x".repeat(64 * 1024)}\n`,
      );
      writeFileSync(join(d, "estate", "dns.yaml"), `#${"x".repeat(1024 * 1024)}\n`);
      writeFileSync(join(d, "maintainers", "alice.yaml"), `#${"x".repeat(64 * 1024 - 2)}\n`);
    });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      problems(
        "estate/dns.yaml: (file): is 1048578 bytes in the pull request (expected at most 1048576)",
        "estate/machines/k-hel-fi.yaml: (file): is 65552 bytes in the pull request (expected at most 65536)",
      ),
      "a file of exactly the limit is taken",
    );
  });

  test("a file in a data directory under a name its loader refuses is refused in the loader's words", async () => {
    const result = await refused((d) => {
      writeFileSync(join(d, "estate", "machines", "K-HEL-FI.yaml"), "roles: [prod]\n");
      writeFileSync(join(d, "estate", "machines", "k_hel_fi.yaml"), "roles: [prod]\n");
      writeFileSync(join(d, "estate", "machines", ".hidden.yaml"), "roles: [prod]\n");
      writeFileSync(join(d, "estate", "machines", "notes.md"), "notes\n");
      mkdirSync(join(d, "estate", "machines", "sub"));
      writeFileSync(join(d, "estate", "machines", "sub", "k.yaml"), "roles: [prod]\n");
      writeFileSync(join(d, "estate", "repositories", "...yaml"), "description: x\n");
      writeFileSync(join(d, "maintainers", "-alice.yaml"), ALICE);
    });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      problems(
        "estate/machines/.hidden.yaml: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
        "estate/machines/K-HEL-FI.yaml: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
        "estate/machines/k_hel_fi.yaml: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
        "estate/machines/notes.md: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
        "estate/machines/sub/k.yaml: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
        "estate/repositories/...yaml: (file): is not a repository file (expected <repository>.yaml)",
        "maintainers/-alice.yaml: (file): is not a maintainer file (expected <github-login>.yaml)",
      ),
    );
  });

  test("every problem at once, and nothing of the good files is written", async () => {
    const result = await refused((d) => {
      writeFileSync(join(d, "maintainers", "alice.yaml"), ALICE);
      writeFileSync(join(d, "estate", "machines", "Bad.yaml"), "roles: [prod]\n");
      symlinkSync("/dev/zero", join(d, "estate", "tls.yaml.tmp"));
      rmSync(join(d, "estate", "tls.yaml"));
      symlinkSync("/dev/zero", join(d, "estate", "tls.yaml"));
      rmSync(join(d, "estate", "tls.yaml.tmp"));
    });
    assert.equal(result.status, 1);
    assert.equal(
      result.stderr,
      problems(
        "estate/machines/Bad.yaml: (file): is not a machine file (expected <machine>.yaml, a lower-case DNS label)",
        "estate/tls.yaml: (file): is a symbolic link in the pull request (expected a regular file)",
      ),
    );
  });
});

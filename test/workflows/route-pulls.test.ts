import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { git, githubEstateFile, ORGANIZATION_DEFINITION } from "../support/git";
import { REPO_ROOT, tempDir } from "../support/project";

/**
 * `.github/scripts/route-pulls.sh`, the route job of review-comment.yml, run as the job runs it: in
 * a clone of the default branch, against an `origin` that holds the pull requests' heads (as GitHub
 * keeps them under refs/pull/), with `npm run approvals` standing for the default branch's command.
 */
describe("route-pulls.sh", () => {
  const person = (login: string, teams: string) => `name: ${login}\ngithub: ${login}\nteams:\n  ${teams}\n`;

  function setUp() {
    const root = tempDir("void-route-");
    const work = join(root, "work");
    mkdirSync(join(work, "maintainers"), { recursive: true });
    git(work, "init", "--quiet", "--initial-branch=main");
    writeFileSync(join(work, "maintainers", "olga.yaml"), person("olga", "ops: maintainer"));
    writeFileSync(join(work, "maintainers", "cara.yaml"), person("cara", "core: maintainer"));
    mkdirSync(join(work, "estate"));
    writeFileSync(join(work, "estate", "github.yaml"), githubEstateFile("ops", ["ops", "core"]));
    writeFileSync(join(work, "organization.yaml"), ORGANIZATION_DEFINITION);
    git(work, "add", "-A");
    git(work, "commit", "--quiet", "-m", "base");
    git(work, "checkout", "--quiet", "-b", "feature");
    writeFileSync(join(work, "maintainers", "alice.yaml"), person("alice", "core: member"));
    git(work, "add", "-A");
    git(work, "commit", "--quiet", "-m", "alice");
    const head = git(work, "rev-parse", "HEAD");
    const origin = join(root, "origin.git");
    git(root, "init", "--quiet", "--bare", origin);
    git(work, "push", "--quiet", origin, "main", `${head}:refs/pull/7/head`);
    const checkout = join(root, "checkout");
    git(root, "clone", "--quiet", origin, checkout);
    symlinkSync(join(REPO_ROOT, "node_modules"), join(checkout, "node_modules"));

    // `npm run --silent approvals -- <args>`: the command itself.
    const bin = join(root, "bin");
    mkdirSync(bin);
    const shim = join(root, "approvals.ts");
    writeFileSync(
      shim,
      [
        `const { main } = require(${JSON.stringify(join(REPO_ROOT, "cli", "command.ts"))});`,
        `const { approvals } = require(${JSON.stringify(join(REPO_ROOT, "cli", "approvals.ts"))});`,
        `main(approvals, process.argv.slice(process.argv.indexOf("--") + 1));`,
      ].join("\n"),
    );
    writeFileSync(
      join(bin, "npm"),
      `#!/bin/sh\n[ "$1 $2 $3" = "run --silent approvals" ] || exit 97\nexec node --import tsx ${JSON.stringify(shim)} "$@"\n`,
    );
    chmodSync(join(bin, "npm"), 0o755);
    return { checkout, bin, head, base: git(work, "rev-parse", "main") };
  }

  function route(env: { checkout: string; bin: string }, targets: unknown) {
    const run = spawnSync("bash", [join(REPO_ROOT, ".github", "scripts", "route-pulls.sh")], {
      cwd: env.checkout,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${env.bin}:${process.env.PATH}`,
        TARGETS: JSON.stringify(targets),
        // The command's sources import the construct library by name, which this checkout's
        // tsconfig maps to its sources; tsx reads the tsconfig of the directory it runs in.
        TSX_TSCONFIG_PATH: join(REPO_ROOT, "tsconfig.json"),
      },
    });
    const dir = join(env.checkout, "routing");
    const files = existsSync(dir) ? readdirSync(dir).sort() : [];
    return { status: run.status, output: `${run.stdout}${run.stderr}`, files, dir };
  }

  test("routes each pull request from git objects, bound to the base's tip and its head", () => {
    const env = setUp();
    const { status, output, files, dir } = route(env, [{ number: 7, head: env.head, base: "main" }]);
    assert.equal(status, 0, output);
    assert.deepEqual(files, ["7.json"]);
    const routing = JSON.parse(readFileSync(join(dir, "7.json"), "utf8"));
    assert.deepEqual([routing.base, routing.head], [env.base, env.head]);
    assert.deepEqual(
      routing.requirements.map((r: { file: string; approvers: string[] }) => [r.file, r.approvers]),
      [["maintainers/alice.yaml", ["cara", "olga"]]],
    );
    assert.equal(
      git(env.checkout, "status", "--porcelain", "--untracked-files=no"),
      "",
      "nothing checked out",
    );
  });

  test("a target that is not {number, head, base}, or whose commits cannot be fetched, gets no routing", () => {
    const env = setUp();
    const { status, output, files } = route(env, [
      { number: "8; touch pwned", head: env.head, base: "main" },
      { number: 9, head: "f".repeat(40), base: "main" },
      { number: 10, head: env.head, base: "-x" },
      { number: 11, head: env.head, base: "no..such" },
      { number: 7, head: env.head, base: "main" },
    ]);
    assert.equal(status, 0, output);
    assert.deepEqual(files, ["7.json"]);
    assert.equal(
      output.match(/^::warning::skipping a target that is not \{number, head, base\}$/gm)?.length,
      3,
    );
    assert.match(output, /^::warning::#9: cannot fetch main and f{40}$/m);
    assert.ok(!existsSync(join(env.checkout, "pwned")));
  });
});

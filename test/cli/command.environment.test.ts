import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { before, describe, test } from "node:test";
import { copyCheckout, tempDir } from "../support/project";

/**
 * A read-only file system and a folder one may not write are real only for a process that cannot
 * override them: a private mount namespace (`unshare`) gives the first to anyone the kernel lets
 * have one, and `setpriv` to the nobody user gives the second to root (others get it from chmod).
 */
const canUnshare = spawnSync("unshare", ["-rm", "true"]).status === 0;
const isRoot = process.getuid?.() === 0;
const canDropToNobody =
  isRoot && spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "true"]).status === 0;

const launcher = (dir: string) => [process.execPath, join(dir, "cli", "launch.cjs")];

describe("an environment failure is one line that names the path and the cause, exit 1, nothing lost", () => {
  // One copy for all: its bundles, once built, serve the later cases.
  let dir: string;
  before(() => {
    dir = copyCheckout();
  });

  test("synth on a read-only file system (EROFS)", {
    skip: !canUnshare && "needs a private mount namespace (unshare -rm)",
  }, () => {
    const run = spawnSync(
      "unshare",
      ["-rm", "sh", "-c", 'mount -o bind,ro "$0" "$0" && cd "$0" && exec "$@" synth', dir, ...launcher(dir)],
      { encoding: "utf8" },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stderr,
      `error: cannot write ${join(dir, "cdktf.out")}: read-only file system (EROFS)\n`,
    );
    assert.ok(!existsSync(join(dir, "cdktf.out")));
  });

  test("synth onto a full disk (ENOSPC): the previous output stays whole", {
    skip: !canUnshare && "needs a private mount namespace (unshare -rm)",
  }, () => {
    const disk = tempDir("full-disk-");
    // A 64 KiB file system: room for an earlier output, not for a second one beside it.
    const script = [
      'mount -t tmpfs -o size=64k tmpfs "$0"',
      'mkdir -p "$0/cdktf.out/stacks/github" && echo "{}" > "$0/cdktf.out/stacks/github/cdk.tf.json"',
      'echo "stacks/github/cdk.tf.json" > "$0/cdktf.out/synthesized-files.txt"',
      'cd "$1" && shift',
      'CDKTF_OUTDIR="$0/cdktf.out" "$@" synth',
      'status=$?; cat "$0/cdktf.out/stacks/github/cdk.tf.json"; ls -A "$0"; exit $status',
    ].join("\n");
    const run = spawnSync("unshare", ["-rm", "sh", "-c", script, disk, dir, ...launcher(dir)], {
      encoding: "utf8",
    });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stderr,
      `error: cannot write ${join(disk, "cdktf.out")}: no space left on device (ENOSPC)\n`,
    );
    assert.equal(run.stdout, "{}\ncdktf.out\n", "the earlier output, and nothing else, is left");
  });

  test("a read-only bundle cache (EROFS) costs speed only: the command runs, and leaves nothing", {
    skip: !canUnshare && "needs a private mount namespace (unshare -rm)",
  }, () => {
    const cache = realpathSync(join(dir, "node_modules", ".cache", "void-infra"));
    const tmp = tempDir("launcher-tmp-");
    const run = spawnSync(
      "unshare",
      [
        "-rm",
        "sh",
        "-c",
        'mount -o bind,ro "$0" "$0" && cd "$1" && shift && exec "$@" validate',
        cache,
        dir,
        ...launcher(dir),
      ],
      { encoding: "utf8", env: { ...process.env, TMPDIR: tmp } },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ok: /);
    assert.deepEqual(readdirSync(tmp), []);
  });

  test("synth into a folder it may not write (EACCES)", {
    skip: isRoot && !canDropToNobody && "root overrides permissions, and cannot become nobody here (setpriv)",
  }, () => {
    // Whoever runs it may enter and read the copy (a private temporary folder), not write it; and
    // has a temporary folder of its own.
    chmodSync(dir, 0o555);
    const tmp = tempDir("nobody-tmp-");
    chmodSync(tmp, 0o777);
    const [node, script] = launcher(dir);
    const run = canDropToNobody
      ? spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", node, script, "synth"], {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, TMPDIR: tmp },
        })
      : spawnSync(node, [script, "synth"], { cwd: dir, encoding: "utf8" });
    chmodSync(dir, 0o700);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stderr, `error: cannot write ${join(dir, "cdktf.out")}: permission denied (EACCES)\n`);
  });

  test("a reader that stops reading (| head, a closed pager) ends nothing early and prints no trace", () => {
    // `true` exits at once, so every line synth writes meets a closed pipe (EPIPE).
    const run = spawnSync(
      "bash",
      ["-c", '"$@" | true; exit "${PIPESTATUS[0]}"', "bash", ...launcher(dir), "synth"],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /EPIPE|^\s+at /m);
    assert.ok(existsSync(join(dir, "cdktf.out", "manifest.json")), "synth still wrote its output");
  });
});

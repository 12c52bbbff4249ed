import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { planFingerprintCommand } from "../../cli/plan-fingerprint";
import { FINGERPRINT_KEY_VARIABLE, planFingerprint } from "../../review/plan";
import { plan as fixture, planFile } from "../support/plans";
import { REPO_ROOT, run } from "../support/project";

const KEY_HEX = "5a".repeat(32);
const fingerprint = (text: string, stack: string) =>
  planFingerprint(text, stack, Buffer.from(KEY_HEX, "hex"));
const read = (kind: string, name: string) => readFileSync(fixture(kind, name).path, "utf8");

describe("npm run plan-fingerprint", () => {
  const files = [planFile("real", "demo", "plan.json"), planFile("real", "quiet", "plan.json")];

  test("one `<stack> <fingerprint>` line per plan, in the order given", async () => {
    const result = await run(
      planFingerprintCommand,
      REPO_ROOT,
      [...files, "--stack", `hashi=${planFile("hand", "hashistack", "plan.json")}`],
      {
        [FINGERPRINT_KEY_VARIABLE]: KEY_HEX,
      },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        `demo ${fingerprint(read("real", "demo"), "demo")}`,
        `quiet ${fingerprint(read("real", "quiet"), "quiet")}`,
        `hashi ${fingerprint(read("hand", "hashistack"), "hashi")}`,
        "",
      ].join("\n"),
    );
  });

  test("without a key, or with a weak one, it prints nothing and says what it expects", async () => {
    for (const [key, problem] of [
      [undefined, "is not set"],
      ["", "is not set"],
      ["abc123", "is not a key"],
      ["z".repeat(64), "is not a key"],
      [KEY_HEX.slice(0, 62), "is not a key"],
    ] as const) {
      const result = await run(planFingerprintCommand, REPO_ROOT, files, { [FINGERPRINT_KEY_VARIABLE]: key });
      assert.equal(result.status, 1);
      assert.equal(result.stdout, "");
      assert.equal(
        result.stderr,
        `error: ${FINGERPRINT_KEY_VARIABLE} ${problem} (expected at least 64 hexadecimal digits, the key of the plan-pr, plan and production environments, as openssl rand -hex 32 prints one)\n`,
      );
    }
  });

  test("bad plan files are refused as the plan summary refuses them", async () => {
    const result = await run(planFingerprintCommand, REPO_ROOT, [planFile("bad", "malformed.json")], {
      [FINGERPRINT_KEY_VARIABLE]: KEY_HEX,
    });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /^test\/fixtures\/plan\/bad\/malformed\.json:.*\(expected/);
  });
});

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { planFingerprintCommand } from "../../../cli/plan-fingerprint";
import { FINGERPRINT_KEY_VARIABLE, planFingerprint } from "../../../review/plan";
import { fingerprintedChanges } from "../../../review/plan/fingerprint";
import { plan as fixture } from "../../support/plans";
import { run, tempDir } from "../../support/project";

/**
 * The fingerprint invariants (docs/workflows.md, "Plan fingerprints"): it changes whenever what the
 * plan does changes, in any field of any change (addresses, actions, before and after, imports,
 * replace_paths, deposed objects, reasons, output changes); it stays the same when only what apply
 * does nothing with differs; and it is keyed, so that no reader can compute one.
 */

const KEY = Buffer.alloc(32, 0x5a);
const KEY_HEX = KEY.toString("hex");
const fingerprint = (text: string, stack = "demo", key = KEY) => planFingerprint(text, stack, key);
const read = (kind: string, name: string) => readFileSync(fixture(kind, name).path, "utf8");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Plan {
  resource_changes: { change: { actions: string[] }; previous_address?: string; deposed?: string }[];
  [key: string]: Json | Plan["resource_changes"];
}

/** Plans with every kind of change: each action, moves, imports, drift, outputs, sensitive values. */
const PLANS = [
  read("real", "demo"),
  read("hand", "hashistack"),
  read("hand", "leaks"),
  read("real", "replace"),
];

/** Where every leaf of `value` is, as a list of keys and indexes. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

/** `plan` with the leaf at `path` given another value of its kind. */
function mutated(plan: Json, path: (string | number)[]): Json {
  const copy = structuredClone(plan);
  let node = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  const old = node[last];
  node[last] =
    typeof old === "string"
      ? `${old}x`
      : typeof old === "number"
        ? old + 1
        : typeof old === "boolean"
          ? !old
          : "x";
  return copy;
}

const isPureNoOp = (rc: Plan["resource_changes"][number]) =>
  rc.change.actions.join() === "no-op" &&
  rc.previous_address === undefined &&
  rc.deposed === undefined &&
  !("importing" in rc.change);

/** Every leaf of a plan, split into what the fingerprint covers and what it leaves out. */
function partition(text: string): { covered: (string | number)[][]; left: (string | number)[][] } {
  const plan = JSON.parse(text) as Plan;
  const covered: (string | number)[][] = [];
  const left: (string | number)[][] = [];
  for (const path of leaves(plan as unknown as Json)) {
    const [part, index] = path;
    const rc = part === "resource_changes" ? plan.resource_changes[index as number] : undefined;
    const output =
      part === "output_changes"
        ? (plan.output_changes as Record<string, { actions: string[] }>)[index as string]
        : undefined;
    // Another action than no-op makes a change of a no-op.
    const action = rc ? path[2] === "change" && path[3] === "actions" : path[2] === "actions";
    const inChange =
      (rc !== undefined && (!isPureNoOp(rc) || action)) ||
      (output !== undefined && (output.actions.join() !== "no-op" || action));
    (inChange ? covered : left).push(path);
  }
  return { covered, left };
}

describe("property: a fingerprint changes with anything the plan does", () => {
  test("any leaf of any change, resource or output, given another value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLANS.keys()), fc.nat(), (which, pick) => {
        const text = PLANS[which] ?? "";
        const { covered } = partition(text);
        const path = covered[pick % covered.length] ?? [];
        const changed = JSON.stringify(mutated(JSON.parse(text), path));
        assert.notEqual(fingerprint(changed), fingerprint(text), path.join("."));
      }),
      { numRuns: 300 },
    );
  });

  test("any leaf outside the changes (drift, state, configuration, pure no-ops, metadata) changes nothing", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLANS.keys()), fc.nat(), (which, pick) => {
        const text = PLANS[which] ?? "";
        const { left } = partition(text);
        const path = left[pick % left.length] ?? [];
        const changed = JSON.stringify(mutated(JSON.parse(text), path));
        assert.equal(fingerprint(changed), fingerprint(text), path.join("."));
      }),
      { numRuns: 300 },
    );
  });
});

describe("plan fingerprints cover every change", () => {
  const base = {
    format_version: "1.2",
    resource_changes: [
      {
        address: "terraform_data.a",
        mode: "managed",
        type: "terraform_data",
        name: "a",
        change: { actions: ["no-op"], before: { input: 1 }, after: { input: 1 } },
      },
    ],
  };
  const withChange = (extra: object, change: object = {}) =>
    JSON.stringify({
      ...base,
      resource_changes: [
        { ...base.resource_changes[0], ...extra, change: { ...base.resource_changes[0]?.change, ...change } },
      ],
    });

  test("an import, even one that changes nothing, and its id", () => {
    const quiet = fingerprint(withChange({}));
    const imported = fingerprint(withChange({}, { importing: { id: "repo-1" } }));
    assert.notEqual(imported, quiet);
    assert.notEqual(fingerprint(withChange({}, { importing: { id: "repo-2" } })), imported);
  });

  test("replace_paths, a deposed object, a move, the reason", () => {
    const replaced = (paths: (string | number)[][]) =>
      fingerprint(withChange({}, { actions: ["delete", "create"], replace_paths: paths }));
    assert.notEqual(replaced([["input"]]), replaced([["triggers_replace"]]));
    assert.notEqual(replaced([["input"]]), replaced([]));
    assert.notEqual(fingerprint(withChange({ deposed: "00000001" })), fingerprint(withChange({})));
    assert.notEqual(
      fingerprint(withChange({ deposed: "00000001" }, { actions: ["delete"] })),
      fingerprint(withChange({ deposed: "00000002" }, { actions: ["delete"] })),
    );
    assert.notEqual(
      fingerprint(withChange({ previous_address: "terraform_data.b" })),
      fingerprint(withChange({})),
    );
    assert.notEqual(
      fingerprint(
        withChange({ action_reason: "replace_because_tainted" }, { actions: ["delete", "create"] }),
      ),
      fingerprint(withChange({ action_reason: "replace_by_request" }, { actions: ["delete", "create"] })),
    );
  });

  test("numbers as written: two that one double cannot tell apart differ", () => {
    const big = (digits: string) =>
      withChange({}, { actions: ["update"], after: { input: 0 } }).replace(
        '"after":{"input":0}',
        `"after":{"input":${digits}}`,
      );
    assert.notEqual(fingerprint(big("12345678901234567890")), fingerprint(big("12345678901234567891")));
  });

  test("the same changes written otherwise (key order, spacing, order of entries) are one fingerprint", () => {
    const text = read("real", "demo");
    const plan = JSON.parse(text) as Plan;
    plan.resource_changes.reverse();
    const reorder = (value: Json): Json =>
      Array.isArray(value)
        ? value.map(reorder)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reorder(v)]),
            )
          : value;
    assert.equal(fingerprint(JSON.stringify(reorder(plan as unknown as Json), null, 3)), fingerprint(text));
  });

  test("one stack's fingerprint is not another's", () => {
    const text = read("real", "quiet");
    assert.notEqual(fingerprint(text, "github"), fingerprint(text, "fastly"));
  });
});

describe("no reader can compute a fingerprint: it is keyed", () => {
  test("another key, another fingerprint; none is a plain SHA-256 of the changes", () => {
    const text = read("real", "sensitive");
    const mine = fingerprint(text);
    assert.match(mine, /^[0-9a-f]{64}$/);
    assert.notEqual(fingerprint(text, "demo", Buffer.alloc(32, 0x5b)), mine);
    const changes = fingerprintedChanges(text);
    for (const unkeyed of [changes, `demo\n${changes}`])
      assert.notEqual(createHash("sha256").update(unkeyed).digest("hex"), mine);
  });
});

const hasTerraform = spawnSync("sh", ["-c", "command -v terraform"]).status === 0;

describe("two real plans of the same change", () => {
  test("have one fingerprint; a different change has another", {
    skip: !hasTerraform && "needs terraform",
  }, async () => {
    const dir = tempDir("void-fingerprint-");
    const env = {
      ...process.env,
      TF_CLI_CONFIG_FILE: "/dev/null",
      TF_IN_AUTOMATION: "1",
      CHECKPOINT_DISABLE: "1",
    };
    const tf = (...args: string[]) => {
      const result = spawnSync("terraform", [`-chdir=${dir}`, ...args], { encoding: "utf8", env });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    const planned = async (value: string, name: string) => {
      writeFileSync(join(dir, "main.tf"), `resource "terraform_data" "a" {\n  input = "${value}"\n}\n`);
      tf("plan", "-input=false", `-out=${name}`);
      writeFileSync(join(dir, `${name}.json`), tf("show", "-json", name));
      const result = await run(planFingerprintCommand, dir, ["--stack", `github=${name}.json`], {
        [FINGERPRINT_KEY_VARIABLE]: KEY_HEX,
      });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout;
    };
    writeFileSync(join(dir, "main.tf"), "");
    tf("init", "-input=false");
    const first = await planned("one", "p1");
    assert.match(first, /^github [0-9a-f]{64}\n$/);
    assert.equal(await planned("one", "p2"), first);
    assert.notEqual(await planned("two", "p3"), first);
  });
});

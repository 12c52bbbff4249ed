import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { STACKS_SCRIPT, stacksScript } from "../../../app/stack-lists/script";
import { STACKS } from "../../../stacks";
import type { StackList, StackVariable } from "../../../stacks/stack-registry";
import { REPO_ROOT, tempDir } from "../../support/project";

/**
 * `.github/scripts/plan-stacks.sh`, run as plan.yml and plan-pr.yml run it (every variable of
 * every stack in its environment), against a terraform that records the names of the environment
 * each of its processes gets: each process sees the state server's variables and its own stack's,
 * never another stack's.
 */
const FAKE_TERRAFORM = `#!/usr/bin/env bash
for arg; do case "$arg" in -chdir=*) dir="\${arg#-chdir=}" ;; esac; done
for arg; do case "$arg" in -*) ;; *) sub="$arg"; break ;; esac; done
env | cut -d= -f1 | sort > "$dir/env-$sub"
if [ "$sub" = show ]; then echo '{}'; fi
`;

/** The variables each terraform process of each stack saw, of those the registry names. */
function planEvery(list: StackList, script: string): Map<string, Map<string, string[]>> {
  const dir = tempDir("plan-stacks-");
  mkdirSync(join(dir, ".github", "scripts"), { recursive: true });
  cpSync(
    join(REPO_ROOT, ".github", "scripts", "plan-stacks.sh"),
    join(dir, ".github", "scripts", "plan-stacks.sh"),
  );
  writeFileSync(join(dir, STACKS_SCRIPT), script);
  mkdirSync(join(dir, "bin"));
  writeFileSync(join(dir, "bin", "terraform"), FAKE_TERRAFORM);
  chmodSync(join(dir, "bin", "terraform"), 0o755);
  for (const { id } of list.stacks) mkdirSync(join(dir, "cdktf.out", "stacks", id), { recursive: true });
  const names = new Set([...list.stateEnv, ...list.stacks.flatMap((s) => s.env)].map((v) => v.env));
  const run = spawnSync("bash", [".github/scripts/plan-stacks.sh"], {
    cwd: dir,
    encoding: "utf8",
    env: {
      PATH: `${join(dir, "bin")}:/usr/bin:/bin`,
      ...Object.fromEntries([...names].map((name) => [name, `value of ${name}`])),
    },
  });
  assert.equal(run.status, 0, run.stderr);
  return new Map(
    list.stacks.map(({ id }) => [
      id,
      new Map(
        ["init", "plan", "show"].map((sub) => [
          sub,
          readFileSync(join(dir, "cdktf.out", "stacks", id, `env-${sub}`), "utf8")
            .split("\n")
            .filter((name) => names.has(name)),
        ]),
      ),
    ]),
  );
}

function assertConfined(list: StackList, seen: Map<string, Map<string, string[]>>): void {
  assert.deepEqual(
    [...seen.keys()],
    list.stacks.map((s) => s.id),
    "every stack, in order",
  );
  for (const stack of list.stacks) {
    const own = [...new Set([...list.stateEnv, ...stack.env].map((v) => v.env))].sort();
    for (const [sub, names] of seen.get(stack.id) ?? [])
      assert.deepEqual(names, own, `${stack.id}: terraform ${sub}`);
  }
}

describe("plan-stacks.sh with the registry's stacks.sh", () => {
  test("each terraform process of Void's stacks sees only the state server's variables and its own stack's", () => {
    const committed = readFileSync(join(REPO_ROOT, STACKS_SCRIPT), "utf8");
    assert.equal(committed, stacksScript(STACKS), `${STACKS_SCRIPT} is what npm run stacks writes`);
    assertConfined(STACKS, planEvery(STACKS, committed));
  });

  test("so for any registry: every stack planned, each process with its own variables only", () => {
    const pool = ["A_TOKEN", "B_TOKEN", "C_KEY", "D_SECRET", "E_ADDR"];
    const variable = (env: string): StackVariable =>
      env.endsWith("_ADDR")
        ? { env, value: `https://${env.toLowerCase()}.example` }
        : { env, secret: { name: `S_${env}`, plan: "read", apply: "write" } };
    const registries = fc
      .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,4})?$/), { minLength: 1, maxLength: 4 })
      .chain((ids) =>
        fc.tuple(...ids.map(() => fc.subarray(pool))).map(
          (envs): StackList => ({
            stateEnv: [variable("STATE_USER")],
            stacks: ids.map((id, i) => ({
              id,
              stateKey: `prod/${id}`,
              holds: id,
              env: (envs[i] ?? []).map(variable),
            })),
          }),
        ),
      );
    fc.assert(
      fc.property(registries, (list) => assertConfined(list, planEvery(list, stacksScript(list)))),
      { numRuns: 8 },
    );
  });
});

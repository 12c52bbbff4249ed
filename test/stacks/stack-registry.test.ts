import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { TerraformOutput, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import { buildApp } from "../../app/app";
import { STATE } from "../../estate/state";
import { UsageError } from "../../runtime/errors";
import { STACKS } from "../../stacks";
import { type Secret, StackRegistry, type StackVariable } from "../../stacks/stack-registry";
import { adoptionInputs, synthApp } from "../support/app";
import { tempDir } from "../support/project";
import { testApp } from "../support/synth";

const secret = (name: string): Secret => ({ name, plan: "read", apply: "write" });
const TOKEN: StackVariable = { env: "TOKEN", secret: secret("TOKEN") };
const empty = () => StackRegistry.withStateEnv([{ env: "STATE_USER", secret: secret("STATE_USER") }]);

/** A stack that only says which stacks were built before it, for the tests of the build order. */
class Probe extends TerraformStack {
  constructor(
    scope: ConstructorParameters<typeof TerraformStack>[0],
    id: string,
    readonly before: readonly string[],
  ) {
    super(scope, id);
    new TerraformOutput(this, "before", { value: before });
  }
}

const entry = (stateKey: string, env: readonly StackVariable[] = []) => ({
  stateKey,
  holds: "things",
  env,
  build: (scope: ConstructorParameters<typeof TerraformStack>[0], id: string) => new Probe(scope, id, []),
});

function problemsOf(registry: { readonly stacks: unknown }): string[] {
  try {
    void registry.stacks;
    return [];
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message.split("\n").slice(1);
  }
}

describe("a stack registry", () => {
  test("builds its stacks in order, each with its state key and, typed, the stacks added before it", () => {
    const registry = empty()
      .add("first", entry("prod/first"))
      .add("second", {
        ...entry("prod/second"),
        build: (scope, id, { state }, { first }) => new Probe(scope, id, [first.node.id, state.key]),
      });
    const built = registry.build(testApp(), adoptionInputs(), { kind: "local" });
    assert.deepEqual(Object.keys(built), ["first", "second"]);
    assert.deepEqual(built.second.before, ["first", "prod/second"]);
    assert.deepEqual(
      registry.stacks.map(({ id, stateKey }) => [id, stateKey]),
      [
        ["first", "prod/first"],
        ["second", "prod/second"],
      ],
    );
  });

  test("a stack can use only the stacks added before it (the compiler says so)", () => {
    empty().add("first", {
      ...entry("prod/first"),
      // @ts-expect-error: `later` is not registered before `first`.
      build: (scope, id, _context, { later }) => new Probe(scope, id, [String(later)]),
    });
  });

  test("reports every mistake of its entries at once, before anything is built", () => {
    const other: StackVariable = { env: "TOKEN", secret: secret("OTHER") };
    const registry = empty()
      .add("Bad_Name", entry("prod/a"))
      .add("null", entry("prod/b"))
      .add("twice", entry("prod/c", [TOKEN, TOKEN]))
      .add("twice", entry("prod/c"))
      .add("nokey", entry("nokey"))
      .add("rebound", entry("prod/d", [other]))
      .add("github-secret", entry("prod/e", [{ env: "GH", secret: secret("GITHUB_TOKEN") }]))
      .add("described", entry("prod/f", [{ env: "TOKEN", secret: { ...secret("TOKEN"), plan: "other" } }]))
      .add("state-var", entry("prod/g", [{ env: "STATE_USER", secret: secret("STATE_USER") }]))
      .add("setting", entry("prod/h", [{ env: "ADDR", value: "${{ secrets.X }}" }]))
      .add("lower", entry("prod/i", [{ env: "lower_case", value: "x" }]))
      .add("table", { ...entry("prod/j"), holds: "a | b" });
    assert.throws(() => registry.build(testApp(), adoptionInputs(), { kind: "local" }), UsageError);
    const problems = problemsOf(registry);
    const expected = [
      /stack "Bad_Name": is not a stack name/,
      /stack "null": is not a stack name .*not true, false or null/,
      /stack "twice": TOKEN is listed twice/,
      /stack "twice": is registered twice/,
      /stack "twice": state key prod\/c is also stack twice's/,
      /stack "nokey": state key "nokey" is not <project>\/<name>/,
      /stack "rebound": TOKEN is the secret OTHER, but the secret TOKEN in stack "twice"/,
      /stack "github-secret": GH: "GITHUB_TOKEN" cannot be a secret's name .*not starting with GITHUB_/,
      /stack "described": the secret TOKEN is described two ways/,
      /stack "state-var": STATE_USER is a variable of the state server/,
      /stack "setting": ADDR: .* cannot be written into a workflow as is/,
      /stack "lower": "lower_case" is not an environment variable name/,
      /stack "table": holds: is empty or not one line without "\|"/,
    ];
    for (const pattern of expected)
      assert.ok(
        problems.some((line) => pattern.test(line)),
        `${pattern} in:\n${problems.join("\n")}`,
      );
    assert.equal(problems.length, expected.length, problems.join("\n"));
  });
});

describe("Void's stack registry", () => {
  test("is sound, and every state key is in a project of the state server", () => {
    assert.deepEqual(problemsOf(STACKS), []);
    for (const { id, stateKey } of STACKS.stacks)
      assert.ok(STATE.projects.includes(stateKey.split("/")[0] ?? ""), `${id}: ${stateKey}`);
  });

  test("the app synthesizes exactly its stacks, each on its own state key", () => {
    const app = synthApp({ env: { INFRA_BACKEND: "http" } });
    const manifest = JSON.parse(app.files.get("manifest.json") ?? "{}") as {
      stacks: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(manifest.stacks).sort(), STACKS.stacks.map((s) => s.id).sort());
    for (const { id, stateKey } of STACKS.stacks) {
      const backend = app.stack(id).terraform?.backend as { http?: { address?: string } } | undefined;
      assert.equal(backend?.http?.address, `${STATE.httpBaseUrl}/${stateKey}`, id);
    }
  });

  test("the app refuses a stack whose state key is in no project of the state server, naming each", () => {
    const inputs = adoptionInputs();
    const [kept = "", ...others] = STATE.projects;
    const estate = { ...inputs.estate, state: { ...inputs.estate.state, projects: [kept] } };
    const outside = STACKS.stacks.filter((s) => !s.stateKey.startsWith(`${kept}/`));
    assert.ok(outside.length > 0 && others.length > 0);
    assert.throws(
      () => buildApp(tempDir("app-"), {}, { ...inputs, estate }, {}),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message ===
          outside
            .map(
              ({ id, stateKey }) =>
                `stack ${id}: state key ${stateKey} is in no project of the state server (expected one of ${kept}: estate/state.ts)`,
            )
            .join("\n"),
    );
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { stringify as yamlText } from "yaml";
import { EMPTY_ALLOWLIST } from "../../workflow-lint/allowlist";
import { type Project, projectAt } from "../../workflow-lint/project";
import { findingsOf } from "../../workflow-lint/rules";
import { parseWorkflow } from "../../workflow-lint/workflow";
import { PROBES_DIR } from "../support/workflow-probes";

/**
 * The two invariants of docs/workflows.md ("Security rules and linting"), over generated
 * workflows: a job that holds any credential never runs a step the allowlist does not state, and
 * a state-changing Terraform command never runs outside environment production, whatever its
 * spelling, wrapper or hiding place.
 */

/** Plain YAML, as a person writes it: a step used twice is written twice, not as an alias. */
const toYaml = (value: unknown) => yamlText(value, { aliasDuplicateObjects: false });

const CHECKOUT = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683";
const PROBES_PROJECT = projectAt(PROBES_DIR);

const upperOrLower = (text: string) =>
  fc.constantFrom(text, text.toUpperCase(), text[0]?.toUpperCase() + text.slice(1));

const event = fc.oneof(
  ...[
    "push",
    "pull_request",
    "pull_request_target",
    "pull_request_review",
    "pull_request_review_comment",
    "issue_comment",
    "workflow_run",
    "workflow_dispatch",
    "schedule",
    "merge_group",
    "check_run",
    "release",
  ].map(upperOrLower),
);

/** What makes a job hold a credential: the job's keys, and env for its steps. */
const credential = fc.oneof(
  fc.record({
    permissions: fc.constant({ contents: "read" }),
    environment: fc.stringMatching(/^[a-z][a-z-]{0,11}$/),
  }),
  fc.record({
    permissions: fc
      .tuple(
        fc.constantFrom(
          "contents",
          "pull-requests",
          "issues",
          "packages",
          "id-token",
          "actions",
          "statuses",
          "deployments",
        ),
        upperOrLower("write"),
      )
      .map(([scope, level]) => ({ [scope]: level })),
  }),
  fc.constant({ permissions: "write-all" }),
  // No permissions anywhere: the repository's default token, which may write.
  fc.constant({ defaultToken: true }),
  fc.constant({ permissions: {}, environment: "plan", secret: true }),
);

/** Steps the probes' allowlist states. */
const allowedStep = fc.constantFrom<Record<string, unknown>>(
  {
    uses: CHECKOUT,
    with: { "persist-credentials": false, ref: "${{ github.event.repository.default_branch }}" },
  },
  { run: "npm ci" },
  { run: "npm run synth" },
  { run: "bash .github/scripts/plan.sh" },
);

/** Steps it does not: other code, other actions, other inputs, other values. */
const refusedStep = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((run) => run.trim() !== "" && !PROBES_PROJECT.allowlist.commands.includes(run.trim()))
    .map((run) => ({ run })),
  fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      fc.stringMatching(/^[0-9a-f]{40}$/),
    )
    .filter(([owner]) => !["actions", "hashicorp"].includes(owner))
    .map(([owner, repo, sha]) => ({ uses: `${owner}/${repo}@${sha}` })),
  fc
    .stringMatching(/^[A-Za-z][A-Za-z-]{0,14}$/)
    .filter((input) => !["persist-credentials", "ref", "fetch-depth"].includes(input.toLowerCase()))
    .map((input) => ({ uses: CHECKOUT, with: { "persist-credentials": false, [input]: "x" } })),
  fc.constantFrom<unknown>(true, "true", "yes", "${{ inputs.keep }}").map((keep) => ({
    uses: CHECKOUT,
    with: { "persist-credentials": keep },
  })),
);

function workflowWith(trigger: string, held: Record<string, unknown>, steps: unknown[]): string {
  const { secret: _, defaultToken, ...keys } = held;
  const job = { "runs-on": "ubuntu-latest", ...keys, steps };
  const top = defaultToken ? {} : { permissions: {} };
  const text = toYaml({ name: "generated", on: { [trigger]: null }, ...top, jobs: { j: job } });
  // The release comment after the pin, as a person writes it.
  return text.replaceAll(`uses: ${CHECKOUT}\n`, `uses: ${CHECKOUT} # v4.2.2\n`);
}

describe("a job that holds a credential runs only allowlisted steps", () => {
  test("any step not on the allowlist is refused, by name, whatever else the job does", () => {
    fc.assert(
      fc.property(
        event,
        credential,
        fc.array(allowedStep, { maxLength: 3 }),
        refusedStep,
        fc.array(allowedStep, { maxLength: 3 }),
        (trigger, held, before, refused, after) => {
          const steps = [...before, refused, ...after].map((step, index) =>
            "secret" in held && index === before.length
              ? { ...step, env: { STACK: "${{ secrets.TOKEN }}" } }
              : step,
          );
          const text = workflowWith(trigger, held, steps);
          const at = `jobs.j.steps[${before.length}]`;
          const refusals = findingsOf(parseWorkflow("generated.yml", text), PROBES_PROJECT).filter(
            ({ rule, diagnostic }) =>
              (rule === "credentialedStepsAllowlisted" || rule === "actionsAllowlisted") &&
              diagnostic.field.startsWith(at),
          );
          assert.ok(refusals.length > 0, `${at} is refused in:\n${text}`);
        },
      ),
    );
  });

  test("a job of allowlisted steps alone, on the default branch, is not refused", () => {
    fc.assert(
      fc.property(credential, fc.array(allowedStep, { maxLength: 5 }), (held, steps) => {
        const text = workflowWith("workflow_run", held, steps);
        const rules = findingsOf(parseWorkflow("generated.yml", text), PROBES_PROJECT)
          .map(({ rule }) => rule)
          .filter((rule) => rule !== "permissionsDeclared");
        assert.deepEqual(rules, []);
      }),
    );
  });
});

const APP_TOKEN = "actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3";
const SCRIPT = "actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea";
/** The probes' allowlist names these two secrets for these two inputs of the app token action. */
const NAMED: Record<string, string> = { "client-id": "APP_CLIENT_ID", "private-key": "APP_PRIVATE_KEY" };

describe("a secret reaches an action only through the input the allowlist names for exactly it", () => {
  test("the app's key in any input, of any action, by with: or env:, is refused unless it is that input", () => {
    const handover = fc.record({
      action: fc.constantFrom(APP_TOKEN, SCRIPT),
      through: fc.constantFrom("with", "env"),
      input: fc.constantFrom("client-id", "private-key", "github-token", "owner").chain(upperOrLower),
      secret: fc.constantFrom("APP_CLIENT_ID", "APP_PRIVATE_KEY", "OTHER").chain(upperOrLower),
      spacing: fc.constantFrom(" ", "", "  "),
    });
    fc.assert(
      fc.property(handover, ({ action, through, input, secret, spacing }) => {
        const value = `\${{${spacing}secrets.${secret}${spacing}}}`;
        const step = { uses: action, [through]: { [input]: value } };
        const text = toYaml({
          name: "generated",
          on: { workflow_run: { workflows: ["ci"], types: ["completed"] } },
          permissions: {},
          jobs: {
            j: { "runs-on": "ubuntu-latest", environment: "review-bot", permissions: {}, steps: [step] },
          },
        });
        const pinned = text
          .replace(`uses: ${APP_TOKEN}\n`, `uses: ${APP_TOKEN} # v3.1.1\n`)
          .replace(`uses: ${SCRIPT}\n`, `uses: ${SCRIPT} # v7.0.1\n`);
        const handedOver = findingsOf(parseWorkflow("generated.yml", pinned), PROBES_PROJECT).some(
          ({ rule, diagnostic }) =>
            rule === "secretsScoped" && diagnostic.message.startsWith("gives a secret to"),
        );
        const named =
          action === APP_TOKEN &&
          through === "with" &&
          NAMED[input.toLowerCase()]?.toLowerCase() === secret.toLowerCase();
        assert.equal(handedOver, !named, pinned);
      }),
    );
  });
});

/** A state-changing command of the Terraform family, in its many spellings. */
const stateChange = fc
  .record({
    tool: fc.constantFrom(
      "terraform",
      "tofu",
      "terragrunt",
      "/usr/local/bin/terraform",
      '"terraform"',
      "t'e'rraform",
      "terra\\form",
      "${TF:-terraform}",
      "docker run --rm -v $PWD:/w hashicorp/terraform:1.14",
    ),
    flags: fc.constantFrom("", "-chdir=cdktf.out/stacks/github ", '-chdir="$dir" ', "-no-color "),
    gap: fc.constantFrom(" ", " \\\n    ", "${IFS}", "  "),
    verb: fc.constantFrom(
      "apply -auto-approve",
      "ap''ply tfplan",
      "destroy",
      "import github_team.t 1",
      "refresh",
      "taint a.b",
      "untaint a.b",
      "force-unlock -force 1",
      "state push x.tfstate",
      "state rm a.b",
      "state mv a.b a.c",
      "state replace-provider a b",
      "workspace delete old",
      "init -migrate-state",
      '"$ACTION"',
    ),
    wrapper: fc.constantFrom("", "env TF_LOG=1 ", "sudo -E ", "nice ", "timeout 900 ", "exec ", "time "),
    before: fc.constantFrom("", "set -eu\n", "cd cdktf.out && ", "echo start; "),
  })
  .map(({ tool, flags, gap, verb, wrapper, before }) => `${before}${wrapper}${tool}${gap}${flags}${verb}`);

const cdkChange = fc
  .tuple(
    fc.constantFrom("npx cdktf", "npx cdktf-cli@0.21.0", "cdktf", "npx cdktn", "npm exec -- cdktf"),
    fc.constantFrom("deploy", "destroy"),
    fc.constantFrom("", " --auto-approve", " github"),
  )
  .map(([tool, verb, rest]) => `${tool} ${verb}${rest}`);

/** Where the command hides: the step itself, `sh -c`, a repository script, an npm script. */
const placed = fc.oneof(stateChange, cdkChange).chain((command) =>
  fc.constantFrom<{ run: string; files: Record<string, string> }>(
    { run: command, files: {} },
    { run: `sh -c '${command.replaceAll("'", "")}'`, files: {} },
    {
      run: "bash .github/scripts/x.sh",
      files: { ".github/scripts/x.sh": `#!/usr/bin/env bash\n${command}\n` },
    },
    { run: "npm run deploy", files: { "package.json": JSON.stringify({ scripts: { deploy: command } }) } },
  ),
);

const projectOf = (files: Record<string, string>): Project => ({
  allowlist: EMPTY_ALLOWLIST,
  allowlistProblems: [],
  read: (path) =>
    Object.hasOwn(files, path.replace(/^\.\//, "")) ? files[path.replace(/^\.\//, "")] : undefined,
});

describe("Terraform changes state only in environment production", () => {
  const concurrency = { group: "apply-${{ inputs.stack }}", "cancel-in-progress": false };

  test("every spelling, wrapper and hiding place outside production is refused at its step", () => {
    const elsewhere = fc.constantFrom(
      undefined,
      "plan",
      "prod",
      "production-eu",
      "staging",
      "${{ inputs.env }}",
    );
    fc.assert(
      fc.property(placed, elsewhere, ({ run, files }, environment) => {
        const job = { "runs-on": "ubuntu-latest", ...(environment ? { environment } : {}), steps: [{ run }] };
        const text = toYaml({
          name: "g",
          on: "workflow_dispatch",
          permissions: {},
          concurrency,
          jobs: { j: job },
        });
        const refused = findingsOf(parseWorkflow("g.yml", text), projectOf(files)).filter(
          ({ rule, diagnostic }) =>
            rule === "stateChangesInProduction" && diagnostic.field === "jobs.j.steps[0].run",
        );
        assert.equal(refused.length, 1, `refused:\n${text}\n${JSON.stringify(files)}`);
      }),
    );
  });

  test("the same commands in environment production (any letter case) are not refused by this rule", () => {
    fc.assert(
      fc.property(placed, upperOrLower("production"), ({ run, files }, environment) => {
        const job = { "runs-on": "ubuntu-latest", environment, steps: [{ run }] };
        const text = toYaml({
          name: "g",
          on: "workflow_dispatch",
          permissions: {},
          concurrency,
          jobs: { j: job },
        });
        const rules = findingsOf(parseWorkflow("g.yml", text), projectOf(files)).map(({ rule }) => rule);
        assert.ok(!rules.includes("stateChangesInProduction"), text);
      }),
    );
  });
});

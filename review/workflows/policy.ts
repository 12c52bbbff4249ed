import { type FieldPath, YamlSource } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { INPUT_LIMITS } from "../../runtime/input-file";
import { asRecord, isRecord } from "../../runtime/values";
import { expressionsIn, normalizeCondition, readsAllSecrets, readsSecrets } from "./expressions";
import { mutatingCommands, toolOfAction } from "./shell";

/**
 * The security rules every GitHub workflow of this repository follows, one named check each.
 * Together they keep credentials away from code that a pull request controls. GitHub reads event
 * names, action names (owner/repo), environment names and expressions without regard to letter
 * case, so the rules compare them that way too: `Actions/Checkout@...` is a checkout.
 */

type Json = Record<string, unknown>;

export interface Workflow {
  readonly source: YamlSource;
  readonly text: string;
  /** Larger than {@link MAX_WORKFLOW_BYTES}: not parsed, reported as such. */
  readonly tooLarge: boolean;
  readonly data: Json;
  /** Event names from `on:`, whichever of its three forms is used, in lower case. */
  readonly triggers: readonly string[];
  readonly jobs: readonly Job[];
}

export interface Job {
  readonly id: string;
  readonly data: Json;
  readonly steps: readonly Step[];
}

export interface Step {
  readonly path: FieldPath;
  readonly data: Json;
}

type WorkflowCheck = (workflow: Workflow) => Diagnostic[];

/** The largest workflow file read; the real ones are a few KiB, the bundled bot about 30. */
export const MAX_WORKFLOW_BYTES = INPUT_LIMITS.workflowFile;

const SHA_PIN = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const DOCKER_PIN = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /#\s*v\d+\.\d+\.\d+\s*$/;
const SAME_REPO = "github.event.pull_request.head.repo.full_name == github.repository";
/** The only accepted job conditions on pull_request workflows with credentials (normalized, lower case). */
const SAME_REPO_CONDITION =
  /^(github\.event_name == 'push' \|\| )?github\.event\.pull_request\.head\.repo\.full_name == github\.repository$/;
/** Events whose jobs run a pull request's code (the merge commit or the head). */
const PULL_REQUEST_EVENTS = [
  "pull_request",
  "pull_request_target",
  "pull_request_review",
  "pull_request_review_comment",
];
/** A checkout `ref:` or `repository:` that names a pull request's head rather than this repository's. */
const PULL_REQUEST_REF = /head_ref|head_sha|head_branch|\.head\.|refs\/pull\/|pull_request|workflow_run/i;

export function parseWorkflow(file: string, text: string): Workflow {
  const tooLarge = Buffer.byteLength(text) > MAX_WORKFLOW_BYTES;
  const source = new YamlSource(file, tooLarge ? "" : text);
  // A file with syntax problems (aliases among them) is reported as such and read as empty.
  const data = source.syntaxProblems().length > 0 ? {} : asRecord(source.toJS());
  const on = data.on;
  const triggers = (
    typeof on === "string" ? [on] : Array.isArray(on) ? on.map(String) : isRecord(on) ? Object.keys(on) : []
  ).map((name) => name.toLowerCase());
  const jobs = Object.entries(asRecord(data.jobs)).map(([id, raw]) => {
    const job = asRecord(raw);
    const steps = (Array.isArray(job.steps) ? job.steps : []).map((step, index) => ({
      path: ["jobs", id, "steps", index] as FieldPath,
      data: asRecord(step),
    }));
    return { id, data: job, steps };
  });
  return { source, text, tooLarge, data, triggers, jobs };
}

/** Top level: `permissions` is declared and grants at most read. Jobs widen it one scope at a time. */
const permissionsDeclared: WorkflowCheck = ({ source, data }) => {
  const permissions = data.permissions;
  if (permissions === undefined) {
    return [
      source.diagnostic(
        [],
        "declares no top-level permissions (expected permissions: {} or read-only scopes)",
      ),
    ];
  }
  if (typeof permissions === "string" || !isRecord(permissions)) {
    return [
      source.diagnostic(
        ["permissions"],
        `is ${JSON.stringify(permissions)} (expected {} or read-only scopes)`,
      ),
    ];
  }
  return Object.entries(permissions)
    .filter(([, level]) => !["read", "none"].includes(String(level).toLowerCase()))
    .map(([scope, level]) =>
      source.diagnostic(
        ["permissions", scope],
        `is ${String(level)} at the top level (expected read or none; widen it in the job that needs it)`,
      ),
    );
};

/** `write-all` (or `read-all`) anywhere grants scopes nobody reviewed. */
const noBlanketPermissions: WorkflowCheck = ({ source, jobs }) =>
  jobs
    .filter((job) => typeof job.data.permissions === "string")
    .map((job) =>
      source.diagnostic(
        ["jobs", job.id, "permissions"],
        `is ${String(job.data.permissions)} (expected a list of the scopes the job needs)`,
      ),
    );

/** Third-party actions are pinned to a full commit SHA, with the version it is in a comment. */
const actionsPinned: WorkflowCheck = ({ source, text, jobs }) => {
  const lines = text.split("\n");
  const diagnostics: Diagnostic[] = [];
  const uses: [FieldPath, string][] = [];
  for (const job of jobs) {
    if (typeof job.data.uses === "string") uses.push([["jobs", job.id, "uses"], job.data.uses]);
    for (const step of job.steps)
      if (typeof step.data.uses === "string") uses.push([[...step.path, "uses"], step.data.uses]);
  }
  for (const [path, ref] of uses) {
    if (ref.startsWith("./")) continue;
    if (ref.toLowerCase().startsWith("docker://")) {
      if (!DOCKER_PIN.test(ref))
        diagnostics.push(
          source.diagnostic(path, `${ref} is not pinned (expected docker://image@sha256:<digest>)`),
        );
      continue;
    }
    if (!SHA_PIN.test(ref)) {
      diagnostics.push(
        source.diagnostic(
          path,
          `${ref} is not pinned to a commit (expected owner/repo@<40-hex SHA> # vX.Y.Z)`,
        ),
      );
      continue;
    }
    const { line } = source.position(path);
    if (!VERSION_COMMENT.test(lines[line - 1] ?? "")) {
      diagnostics.push(
        source.diagnostic(path, `${ref} has no version comment (expected "# vX.Y.Z" after the SHA)`),
      );
    }
  }
  return diagnostics;
};

/** `pull_request_target` runs with the base repository's secrets and write token. */
const noPullRequestTarget: WorkflowCheck = ({ source, triggers }) =>
  triggers.includes("pull_request_target")
    ? [
        source.diagnostic(
          ["on"],
          "uses pull_request_target (expected pull_request, plus workflow_run for anything that writes)",
        ),
      ]
    : [];

/**
 * `${{ }}` in a script is template injection: GitHub pastes the value into the code before it
 * runs, so a branch name or a pull request title becomes shell (`run:`) or JavaScript
 * (`actions/github-script`'s `script:`). Values reach scripts through `env:`.
 */
const noExpressionsInRun: WorkflowCheck = ({ source, jobs }) =>
  jobs.flatMap((job) =>
    job.steps.flatMap((step) => {
      const run = step.data.run;
      if (typeof run === "string" && expressionsIn(run).length > 0)
        return [
          source.diagnostic(
            [...step.path, "run"],
            "expands ${{ }} inside the script (expected the value in env: and $NAME in the script)",
          ),
        ];
      const script = asRecord(step.data.with).script;
      if (
        isAction(step, "actions/github-script") &&
        typeof script === "string" &&
        expressionsIn(script).length > 0
      )
        return [
          source.diagnostic(
            [...step.path, "with", "script"],
            "expands ${{ }} inside the github-script code (expected the value in env: and process.env.NAME in the script)",
          ),
        ];
      return [];
    }),
  );

/** A checkout must not leave the job token in .git/config for later steps to find. */
const checkoutWithoutCredentials: WorkflowCheck = ({ source, jobs }) =>
  jobs.flatMap((job) =>
    job.steps
      .filter((step) => isCheckout(step) && !isFalse(asRecord(step.data.with)["persist-credentials"]))
      .map((step) =>
        source.diagnostic(
          [...step.path, "uses"],
          "keeps the token in .git/config (expected with: persist-credentials: false)",
        ),
      ),
  );

/** A job that can write to the repository runs no repository code. */
const writersRunNoCode: WorkflowCheck = ({ source, jobs }) =>
  jobs.flatMap((job) => {
    const writes = Object.entries(asRecord(job.data.permissions)).filter(
      ([, level]) => String(level).toLowerCase() === "write",
    );
    if (writes.length === 0) return [];
    return job.steps
      .filter(isCheckout)
      .map((step) =>
        source.diagnostic(
          [...step.path, "uses"],
          `checks out code in a job with ${writes.map(([scope]) => `${scope}: write`).join(", ")} (expected a separate read-only job)`,
        ),
      );
  });

/**
 * Secrets belong to GitHub environments (whose rules decide who may use them) and to the one
 * step that needs them, never to workflow- or job-wide `env`, where `npm ci` would see them. They
 * are named one by one: `toJSON(secrets)` (or `secrets: inherit`) hands over every secret at once.
 * In a job that runs a pull request's code, no action gets a secret (through `with:` or `env:`):
 * an action can keep what it is given for the steps after it (in $GITHUB_ENV, .npmrc,
 * .git/config, a docker login), which run that code.
 */
const secretsScoped: WorkflowCheck = (workflow) => {
  const { source, data, jobs } = workflow;
  const diagnostics: Diagnostic[] = [];
  for (const [path, value] of stringsIn(data)) {
    if (readsAllSecrets(value, path.at(-1) === "if"))
      diagnostics.push(
        source.diagnostic(path, "reads every secret at once (expected secrets.NAME of each secret it needs)"),
      );
  }
  if (usesSecrets(data.env)) {
    diagnostics.push(
      source.diagnostic(["env"], "puts a secret in workflow-wide env (expected it on the step that uses it)"),
    );
  }
  for (const job of jobs) {
    if (usesSecrets(job.data.env)) {
      diagnostics.push(
        source.diagnostic(
          ["jobs", job.id, "env"],
          "puts a secret in job-wide env (expected it on the step that uses it)",
        ),
      );
    }
    if (String(job.data.secrets).toLowerCase() === "inherit") {
      diagnostics.push(
        source.diagnostic(
          ["jobs", job.id, "secrets"],
          "passes every secret to the called workflow (expected secrets: naming each one it needs)",
        ),
      );
    }
    if (environmentOf(job) === undefined && usesSecrets(job.data)) {
      diagnostics.push(
        source.diagnostic(
          ["jobs", job.id],
          "uses secrets outside a GitHub environment (expected environment: plan or production)",
        ),
      );
    }
    if (!runsPullRequestCode(workflow, job)) continue;
    const handedOver: [FieldPath, string][] = [
      ...(typeof job.data.uses === "string" ? (["with", "secrets"] as const) : []).flatMap((field) =>
        secretInputs(job.data[field], ["jobs", job.id, field]).map((path): [FieldPath, string] => [
          path,
          String(job.data.uses),
        ]),
      ),
      ...job.steps
        .filter((step) => typeof step.data.uses === "string")
        .flatMap((step) =>
          (["with", "env"] as const).flatMap((field) =>
            secretInputs(step.data[field], [...step.path, field]).map((path): [FieldPath, string] => [
              path,
              String(step.data.uses),
            ]),
          ),
        ),
    ];
    for (const [path, uses] of handedOver)
      diagnostics.push(
        source.diagnostic(
          path,
          `gives a secret to ${uses} in a job that runs pull request code (expected secrets only in env: of the run: step that needs them)`,
        ),
      );
  }
  return diagnostics;
};

/** On pull requests, credentialed jobs run only for branches of this repository, never forks. */
const forkPullRequestsGetNoCredentials: WorkflowCheck = ({ source, triggers, jobs }) => {
  if (!triggers.some((event) => PULL_REQUEST_EVENTS.includes(event))) return [];
  return jobs
    .filter((job) => environmentOf(job) !== undefined || usesSecrets(job.data))
    .filter((job) => !SAME_REPO_CONDITION.test(normalizeCondition(job.data.if)))
    .map((job) =>
      source.diagnostic(
        ["jobs", job.id],
        `can run with credentials for a fork's pull request (expected if: ... ${SAME_REPO})`,
      ),
    );
};

/**
 * workflow_run jobs act with write tokens on behalf of a PR, so they run none of its code. The one
 * checkout they may hold is this repository's default branch, named as such
 * (`ref: ${{ github.event.repository.default_branch }}`): the code the workflow itself comes from.
 */
const workflowRunRunsNoCode: WorkflowCheck = ({ source, triggers, jobs }) => {
  if (!triggers.includes("workflow_run")) return [];
  return jobs.flatMap((job) =>
    job.steps
      .filter(
        (step) =>
          (isCheckout(step) && !checksOutDefaultBranch(step)) ||
          String(step.data.uses ?? "").startsWith("./"),
      )
      .map((step) =>
        source.diagnostic(
          [...step.path, "uses"],
          "brings repository code into a workflow_run job (expected the artifact as data only)",
        ),
      ),
  );
};

/**
 * `terraform apply` (and `destroy`, `cdktf deploy`, their OpenTofu and Terragrunt forms) runs only
 * behind the production environment's reviewers, one run per stack. Commands are read through
 * line continuations, quotes and flags (shell.ts).
 */
const applyIsGated: WorkflowCheck = ({ source, data, jobs }) => {
  const applying = jobs.flatMap((job) => {
    const commands = job.steps.flatMap((step) => {
      if (typeof step.data.run === "string") return mutatingCommands(step.data.run);
      const tool = toolOfAction(String(step.data.uses ?? ""));
      return tool ? mutatingCommands(`${tool} ${String(asRecord(step.data.with).args ?? "")}`) : [];
    });
    return commands.length > 0 ? [{ job, command: commands[0] }] : [];
  });
  if (applying.length === 0) return [];
  const diagnostics = applying
    .filter(({ job }) => environmentOf(job) !== "production")
    .map(({ job, command }) =>
      source.diagnostic(
        ["jobs", job.id],
        `runs ${command} outside environment production (expected environment: production)`,
      ),
    );
  const concurrency = asRecord(data.concurrency);
  if (
    !/\$\{\{\s*(inputs|matrix)\.stack\s*\}\}/i.test(String(concurrency.group ?? "")) ||
    concurrency["cancel-in-progress"] !== false
  ) {
    diagnostics.push(
      source.diagnostic(
        ["concurrency"],
        "does not serialize applies per stack (expected group: apply-${{ inputs.stack }}, cancel-in-progress: false)",
      ),
    );
  }
  return diagnostics;
};

/** Every rule by name, in the order problems are reported. */
export const WORKFLOW_RULES = {
  permissionsDeclared,
  noBlanketPermissions,
  actionsPinned,
  noPullRequestTarget,
  noExpressionsInRun,
  checkoutWithoutCredentials,
  writersRunNoCode,
  secretsScoped,
  forkPullRequestsGetNoCredentials,
  workflowRunRunsNoCode,
  applyIsGated,
} satisfies Record<string, WorkflowCheck>;

export type WorkflowRule = keyof typeof WORKFLOW_RULES;

/** One problem and the rule that found it; `yaml` for a file that does not parse. */
export interface Finding {
  readonly rule: WorkflowRule | "yaml";
  readonly diagnostic: Diagnostic;
}

/** What each rule finds in `workflow`; only the syntax problems when it does not parse. */
export function findingsOf(workflow: Workflow): Finding[] {
  if (workflow.tooLarge) {
    const size = `${Math.ceil(Buffer.byteLength(workflow.text) / 1024)} KiB`;
    const limit = `${MAX_WORKFLOW_BYTES / 1024} KiB`;
    return [
      {
        rule: "yaml",
        diagnostic: {
          file: workflow.source.file,
          line: 0,
          col: 0,
          field: "(file)",
          message: `is ${size} (expected a workflow of at most ${limit})`,
          severity: "error",
        },
      },
    ];
  }
  const syntax = workflow.source.syntaxProblems();
  if (syntax.length > 0) return syntax.map((diagnostic) => ({ rule: "yaml", diagnostic }));
  return Object.entries(WORKFLOW_RULES).flatMap(([rule, check]) =>
    check(workflow).map((diagnostic) => ({ rule: rule as WorkflowRule, diagnostic })),
  );
}

export function checkWorkflow(workflow: Workflow): Diagnostic[] {
  return findingsOf(workflow).map(({ diagnostic }) => diagnostic);
}

/** Whether `uses:` names `action` (owner/repo, any letter case) at any ref. */
function isAction(step: Step, action: string): boolean {
  return String(step.data.uses ?? "")
    .trim()
    .toLowerCase()
    .startsWith(`${action}@`);
}

function isCheckout(step: Step): boolean {
  return isAction(step, "actions/checkout");
}

/** A checkout of this repository's default branch: `ref:` that expression alone, no other `repository:`. */
function checksOutDefaultBranch(step: Step): boolean {
  const { ref, repository } = asRecord(step.data.with);
  return (
    normalizeCondition(ref) === "github.event.repository.default_branch" &&
    (repository === undefined || normalizeCondition(repository) === "github.repository")
  );
}

/** `false` as YAML or as the strings actions read as false (`"false"`, `"False"`, `"FALSE"`). */
function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}

/** The job's environment name in lower case (GitHub's names ignore case), or undefined if none. */
function environmentOf(job: Job): string | undefined {
  const environment = job.data.environment;
  const name = isRecord(environment) ? environment.name : environment;
  const trimmed = typeof name === "string" ? name.trim().toLowerCase() : "";
  return trimmed === "" ? undefined : trimmed;
}

/** Every string in `value` with its path under `at`: the places a workflow can hold an expression. */
function stringsIn(value: unknown, at: FieldPath = []): [FieldPath, string][] {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, [...at, index]));
  if (isRecord(value)) return Object.entries(value).flatMap(([key, item]) => stringsIn(item, [...at, key]));
  return [];
}

/** Whether an expression anywhere in `value` reads a secret (`if:` counts as an expression). */
function usesSecrets(value: unknown): boolean {
  return stringsIn(value).some(([path, text]) => readsSecrets(text, path.at(-1) === "if"));
}

/** The paths of the entries of a `with:`, `env:` or `secrets:` mapping that read a secret. */
function secretInputs(mapping: unknown, at: FieldPath): FieldPath[] {
  return Object.entries(asRecord(mapping))
    .filter(([, value]) => usesSecrets(value))
    .map(([key]) => [...at, key]);
}

/**
 * Whether `job` runs a pull request's code: every job of a pull request event does, and so does
 * any job that checks out a pull request's head (`ref: ${{ github.event.pull_request.head.sha }}`).
 */
function runsPullRequestCode({ triggers }: Workflow, job: Job): boolean {
  return (
    triggers.some((event) => PULL_REQUEST_EVENTS.includes(event)) ||
    job.steps.some((step) => {
      const { ref, repository } = asRecord(step.data.with);
      return isCheckout(step) && PULL_REQUEST_REF.test(`${String(ref ?? "")} ${String(repository ?? "")}`);
    })
  );
}

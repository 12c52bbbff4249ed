import { type FieldPath, YamlSource } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { asRecord, isRecord } from "../../runtime/values";

/**
 * The security rules every GitHub workflow of this repository follows, one named check each.
 * Together they keep credentials away from code that a pull request controls.
 */

type Json = Record<string, unknown>;

export interface Workflow {
  readonly source: YamlSource;
  readonly text: string;
  readonly data: Json;
  /** Event names from `on:`, whichever of its three forms is used. */
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

const SHA_PIN = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;
const DOCKER_PIN = /^docker:\/\/[^@\s]+@sha256:[0-9a-f]{64}$/;
const VERSION_COMMENT = /#\s*v\d+\.\d+\.\d+\s*$/;
const SAME_REPO = "github.event.pull_request.head.repo.full_name == github.repository";
const SECRET_REF = /\bsecrets\s*(\.|\[)/;
/** The only accepted job conditions on pull_request workflows with credentials. */
const SAME_REPO_CONDITION =
  /^(github\.event_name == 'push' \|\| )?github\.event\.pull_request\.head\.repo\.full_name == github\.repository$/;

export function parseWorkflow(file: string, text: string): Workflow {
  const source = new YamlSource(file, text);
  const data = asRecord(source.toJS());
  const on = data.on;
  const triggers =
    typeof on === "string"
      ? [on]
      : Array.isArray(on)
        ? on.map(String)
        : on && typeof on === "object"
          ? Object.keys(on)
          : [];
  const jobs = Object.entries(asRecord(data.jobs)).map(([id, raw]) => {
    const job = asRecord(raw);
    const steps = (Array.isArray(job.steps) ? job.steps : []).map((step, index) => ({
      path: ["jobs", id, "steps", index] as FieldPath,
      data: asRecord(step),
    }));
    return { id, data: job, steps };
  });
  return { source, text, data, triggers, jobs };
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
    .filter(([, level]) => level !== "read" && level !== "none")
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
    if (ref.startsWith("docker://")) {
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

/** `${{ }}` in a script is template injection; values reach scripts through `env:`. */
const noExpressionsInRun: WorkflowCheck = ({ source, jobs }) =>
  jobs.flatMap((job) =>
    job.steps
      .filter((step) => typeof step.data.run === "string" && step.data.run.includes("${{"))
      .map((step) =>
        source.diagnostic(
          [...step.path, "run"],
          "expands ${{ }} inside the script (expected the value in env: and $NAME in the script)",
        ),
      ),
  );

/** A checkout must not leave the job token in .git/config for later steps to find. */
const checkoutWithoutCredentials: WorkflowCheck = ({ source, jobs }) =>
  jobs.flatMap((job) =>
    job.steps
      .filter((step) => isCheckout(step) && asRecord(step.data.with)["persist-credentials"] !== false)
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
    const writes = Object.entries(asRecord(job.data.permissions)).filter(([, level]) => level === "write");
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
 * step that needs them, never to workflow- or job-wide `env`, where `npm ci` would see them.
 */
const secretsScoped: WorkflowCheck = ({ source, data, jobs }) => {
  const diagnostics: Diagnostic[] = [];
  if (SECRET_REF.test(JSON.stringify(data.env ?? {}))) {
    diagnostics.push(
      source.diagnostic(["env"], "puts a secret in workflow-wide env (expected it on the step that uses it)"),
    );
  }
  for (const job of jobs) {
    if (SECRET_REF.test(JSON.stringify(job.data.env ?? {}))) {
      diagnostics.push(
        source.diagnostic(
          ["jobs", job.id, "env"],
          "puts a secret in job-wide env (expected it on the step that uses it)",
        ),
      );
    }
    if (job.data.environment === undefined && SECRET_REF.test(JSON.stringify(job.data))) {
      diagnostics.push(
        source.diagnostic(
          ["jobs", job.id],
          "uses secrets outside a GitHub environment (expected environment: plan or production)",
        ),
      );
    }
  }
  return diagnostics;
};

/** On pull requests, credentialed jobs run only for branches of this repository, never forks. */
const forkPullRequestsGetNoCredentials: WorkflowCheck = ({ source, triggers, jobs }) => {
  if (!triggers.includes("pull_request")) return [];
  return jobs
    .filter((job) => job.data.environment !== undefined || SECRET_REF.test(JSON.stringify(job.data)))
    .filter((job) => !SAME_REPO_CONDITION.test(normalizeCondition(job.data.if)))
    .map((job) =>
      source.diagnostic(
        ["jobs", job.id],
        `can run with credentials for a fork's pull request (expected if: ... ${SAME_REPO})`,
      ),
    );
};

/** workflow_run jobs act with write tokens on behalf of a PR, so they run none of its code. */
const workflowRunRunsNoCode: WorkflowCheck = ({ source, triggers, jobs }) => {
  if (!triggers.includes("workflow_run")) return [];
  return jobs.flatMap((job) =>
    job.steps
      .filter((step) => isCheckout(step) || String(step.data.uses ?? "").startsWith("./"))
      .map((step) =>
        source.diagnostic(
          [...step.path, "uses"],
          "brings repository code into a workflow_run job (expected the artifact as data only)",
        ),
      ),
  );
};

/** `terraform apply` runs only behind the production environment's reviewers, one run per stack. */
const applyIsGated: WorkflowCheck = ({ source, data, jobs }) => {
  const applying = jobs.filter((job) =>
    job.steps.some((step) => /\bterraform\b[^\n]*\sapply\b/.test(String(step.data.run ?? ""))),
  );
  if (applying.length === 0) return [];
  const diagnostics = applying
    .filter(
      (job) => job.data.environment !== "production" && asRecord(job.data.environment).name !== "production",
    )
    .map((job) =>
      source.diagnostic(
        ["jobs", job.id],
        "runs terraform apply outside environment production (expected environment: production)",
      ),
    );
  const concurrency = asRecord(data.concurrency);
  if (
    !/\$\{\{\s*(inputs|matrix)\.stack\s*\}\}/.test(String(concurrency.group ?? "")) ||
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

/** Every rule, in the order problems are reported. */
const WORKFLOW_CHECKS: readonly WorkflowCheck[] = [
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
];

export function checkWorkflow(workflow: Workflow): Diagnostic[] {
  const syntax = workflow.source.syntaxProblems();
  if (syntax.length > 0) return syntax;
  return WORKFLOW_CHECKS.flatMap((check) => check(workflow));
}

/** `${{ a  ==  b }}` → `a == b`, so conditions compare by meaning rather than layout. */
function normalizeCondition(condition: unknown): string {
  return String(condition ?? "")
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

function isCheckout(step: Step): boolean {
  return String(step.data.uses ?? "").startsWith("actions/checkout@");
}

import type { Diagnostic } from "../runtime/diagnostics";
import type { Project } from "./project";
import { actionsAllowlisted } from "./rules/actions-allowlisted";
import type { WorkflowCheck } from "./rules/context";
import { credentialedStepsAllowlisted } from "./rules/credentialed-steps-allowlisted";
import { defaultBranchCodeOnly } from "./rules/default-branch-code-only";
import { noExpressionsInRun } from "./rules/no-expressions-in-run";
import { permissionsDeclared } from "./rules/permissions-declared";
import { secretsScoped } from "./rules/secrets-scoped";
import { stateChangesInProduction } from "./rules/state-changes-in-production";
import type { Workflow } from "./workflow";

/**
 * The security rules of this repository's GitHub workflows, one named check each, in the order
 * problems are reported. They fail closed: a job that holds a credential runs only what the
 * allowlist (`.github/workflow-allowlist.yaml`) states, on the default branch's code. What
 * actionlint and zizmor check (syntax, expressions, known-dangerous triggers and contexts,
 * persisted checkout credentials) is theirs (docs/workflows.md, "Security rules and linting").
 */
export const WORKFLOW_RULES = {
  /** Top-level permissions are declared and at most read. */
  permissionsDeclared,
  /** Every action and called workflow is on the allowlist, at its commit, with its release in a comment. */
  actionsAllowlisted,
  /** A job with a secret, an environment or a write permission runs only allowlisted steps and inputs. */
  credentialedStepsAllowlisted,
  /** Such a job checks out only the default branch of this repository. */
  defaultBranchCodeOnly,
  /** Secrets live in environments and in the env: of the run: step that needs them, one by one. */
  secretsScoped,
  /** No ${{ }} inside run: scripts or github-script code. */
  noExpressionsInRun,
  /** Terraform commands that change state run only in environment production, one stack at a time. */
  stateChangesInProduction,
} satisfies Record<string, WorkflowCheck>;

export type WorkflowRule = keyof typeof WORKFLOW_RULES;

/** One problem and the rule that found it; `yaml` for a file that cannot be read. */
export interface Finding {
  readonly rule: WorkflowRule | "yaml";
  readonly diagnostic: Diagnostic;
}

/** What each rule finds in `workflow`; only why it cannot be read, when it cannot. */
export function findingsOf(workflow: Workflow, project: Project): Finding[] {
  if (workflow.unreadable.length > 0)
    return workflow.unreadable.map((diagnostic) => ({ rule: "yaml", diagnostic }));
  return Object.entries(WORKFLOW_RULES).flatMap(([rule, check]) =>
    check(workflow, project).map((diagnostic) => ({ rule: rule as WorkflowRule, diagnostic })),
  );
}

export function checkWorkflow(workflow: Workflow, project: Project): Diagnostic[] {
  return findingsOf(workflow, project).map(({ diagnostic }) => diagnostic);
}

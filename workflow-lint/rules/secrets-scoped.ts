import type { FieldPath } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { asRecord } from "../../runtime/values";
import type { Allowlist } from "../allowlist";
import { usesSecrets } from "../credentials";
import { normalizeCondition, readsAllSecrets } from "../expressions";
import { actionName, environmentOf, stringsIn, usesOf } from "../workflow";
import type { WorkflowCheck } from "./context";
import { secretExpression } from "./credentialed-steps-allowlisted";

/**
 * Secrets belong to GitHub environments (whose rules decide who may use them) and to the one
 * `run:` step that needs them, never to workflow- or job-wide `env`, where `npm ci` would see
 * them, and never to an action or a called workflow (`with:`, `env:`, `secrets:`), which can keep
 * what it is given for the steps after it, except the one input of a pinned action that the
 * allowlist names for exactly that secret (`{secret: NAME}`: a GitHub App's key, which only the
 * action that makes its token needs). They are named one by one: `toJSON(secrets)` (or
 * `secrets: inherit`) hands over every secret at once.
 */
export const secretsScoped: WorkflowCheck = ({ source, data, jobs }, { allowlist }) => {
  const diagnostics: Diagnostic[] = [];
  for (const [path, value] of stringsIn(data))
    if (readsAllSecrets(value, path.at(-1) === "if"))
      diagnostics.push(
        source.diagnostic(path, "reads every secret at once (expected secrets.NAME of each secret it needs)"),
      );
  if (usesSecrets(data.env))
    diagnostics.push(
      source.diagnostic(["env"], "puts a secret in workflow-wide env (expected it on the step that uses it)"),
    );
  for (const job of jobs) {
    if (usesSecrets(job.data.env))
      diagnostics.push(
        source.diagnostic(
          [...job.path, "env"],
          "puts a secret in job-wide env (expected it on the step that uses it)",
        ),
      );
    if (String(job.data.secrets).trim().toLowerCase() === "inherit")
      diagnostics.push(
        source.diagnostic(
          [...job.path, "secrets"],
          "passes every secret to the called workflow (expected secrets: naming each one it needs)",
        ),
      );
    if (environmentOf(job) === undefined && usesSecrets(job.data))
      diagnostics.push(
        source.diagnostic(
          job.path,
          "uses secrets outside a GitHub environment (expected environment: plan or production)",
        ),
      );
    // Each place an action or a called workflow receives values: [where, what, the mapping].
    const receivers: [FieldPath, string, unknown][] = [
      ...(usesOf(job.data) === undefined ? [] : (["with", "secrets"] as const)).map(
        (field): [FieldPath, string, unknown] => [
          [...job.path, field],
          String(usesOf(job.data)),
          job.data[field],
        ],
      ),
      ...job.steps.flatMap((step) =>
        usesOf(step.data) === undefined
          ? []
          : (["with", "env"] as const).map((field): [FieldPath, string, unknown] => [
              [...step.path, field],
              String(usesOf(step.data)),
              step.data[field],
            ]),
      ),
    ];
    const handedOver = receivers.flatMap(([at, uses, mapping]) =>
      Object.entries(asRecord(mapping))
        .filter(([key, value]) => usesSecrets(value) && !allowedSecret(allowlist, at, uses, key, value))
        .map(([key]): [FieldPath, string] => [[...at, key], uses]),
    );
    for (const [path, uses] of handedOver)
      diagnostics.push(
        source.diagnostic(
          path,
          `gives a secret to ${uses} (expected secrets only in env: of the run: step that needs them)`,
        ),
      );
  }
  return diagnostics;
};

/** Whether `value`, given to input `key` of action `uses` (at `at`, a step's `with`), is the secret its allowlist entry names. */
function allowedSecret(
  allowlist: Allowlist,
  at: FieldPath,
  uses: string,
  key: string,
  value: unknown,
): boolean {
  if (at.at(-1) !== "with" || at.at(-3) !== "steps") return false;
  const name = actionName(uses);
  const entry = Object.hasOwn(allowlist.actions, name) ? allowlist.actions[name] : undefined;
  const input = key.toLowerCase();
  const rule = entry && Object.hasOwn(entry.inputs, input) ? entry.inputs[input] : undefined;
  return (
    typeof rule === "object" &&
    "secret" in rule &&
    typeof value === "string" &&
    normalizeCondition(value) === normalizeCondition(secretExpression(rule.secret))
  );
}

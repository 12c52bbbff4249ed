import type { FieldPath } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { asRecord } from "../../runtime/values";
import { usesSecrets } from "../credentials";
import { readsAllSecrets } from "../expressions";
import { environmentOf, stringsIn, usesOf } from "../workflow";
import type { WorkflowCheck } from "./context";

/**
 * Secrets belong to GitHub environments (whose rules decide who may use them) and to the one
 * `run:` step that needs them, never to workflow- or job-wide `env`, where `npm ci` would see
 * them, and never to an action or a called workflow (`with:`, `env:`, `secrets:`), which can keep
 * what it is given for the steps after it. They are named one by one: `toJSON(secrets)` (or
 * `secrets: inherit`) hands over every secret at once.
 */
export const secretsScoped: WorkflowCheck = ({ source, data, jobs }) => {
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
        .filter(([, value]) => usesSecrets(value))
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

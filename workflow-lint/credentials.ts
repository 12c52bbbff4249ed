import { isRecord } from "../runtime/values";
import { readsSecrets } from "./expressions";
import { environmentOf, type Job, stringsIn, type Workflow } from "./workflow";

/**
 * What a job holds that code could abuse: secrets, a GitHub environment (whose secrets and
 * deployment rights come with it), and any write permission of its token. A job that declares no
 * permissions, in a workflow that declares none either, gets the repository's default token,
 * which may write: that counts as a write permission, since the settings cannot be seen here.
 */
export function credentialsOf(workflow: Workflow, job: Job): string[] {
  const held: string[] = [];
  if (usesSecrets(job.data) || usesSecrets(workflow.data.env) || isInherit(job.data.secrets))
    held.push("secrets");
  const environment = environmentOf(job);
  if (environment !== undefined) held.push(`environment ${environment}`);
  held.push(...writePermissions(job.data.permissions ?? workflow.data.permissions));
  return held;
}

/** `secrets, environment plan and contents: write`, for messages. */
export function describeCredentials(held: readonly string[]): string {
  return held.length <= 1 ? (held[0] ?? "") : `${held.slice(0, -1).join(", ")} and ${held.at(-1)}`;
}

/** The write scopes a `permissions:` value grants; undefined is the repository's default token. */
function writePermissions(permissions: unknown): string[] {
  if (permissions === undefined || permissions === null)
    return ["the default token (no permissions: declared, so the repository settings decide)"];
  if (typeof permissions === "string")
    return permissions.trim().toLowerCase() === "read-all" ? [] : [`permissions: ${permissions}`];
  if (!isRecord(permissions)) return [];
  return Object.entries(permissions)
    .filter(([, level]) => String(level).trim().toLowerCase() === "write")
    .map(([scope]) => `${scope}: write`);
}

/** Whether an expression anywhere in `value` reads a secret (`if:` counts as an expression). */
export function usesSecrets(value: unknown): boolean {
  return stringsIn(value).some(([path, text]) => readsSecrets(text, path.at(-1) === "if"));
}

function isInherit(value: unknown): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === "inherit";
}

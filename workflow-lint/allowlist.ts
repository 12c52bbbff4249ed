import { unknownMessage } from "@void-linux/infra-constructs/core";
import { z } from "zod";
import { type FieldPath, YamlSource } from "../inputs/yaml-source";
import type { Diagnostic } from "../runtime/diagnostics";

/**
 * The allowlist: what the repository states a job that holds a credential (a secret, an
 * environment, any write permission) may run. Everything else is refused in such a job. One zod
 * definition gives the type, the checks of the file and the JSON Schema editors use.
 */

export const ALLOWLIST_PATH = ".github/workflow-allowlist.yaml";
export const ALLOWLIST_SCHEMA_PATH = ".github/workflow-allowlist.schema.json";

const FIELDS = ["default_branch", "actions", "commands", "env"] as const;
const ACTION_FIELDS = ["commit", "version", "inputs"] as const;

/**
 * `"any"`: any value; `"bot-bundle"`: exactly the run of a committed bot bundle (`bot-script.ts`);
 * the values allowed; or `{secret: NAME}`: exactly `${{ secrets.NAME }}`, the one way a secret may
 * reach an action.
 */
const inputRule = z.union(
  [
    z.literal("any"),
    z.literal("bot-bundle"),
    z.strictObject({
      secret: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "is not a secret's name (expected letters, digits, _)" }),
      required: z.boolean({ error: "is not a boolean (expected true or false)" }).optional(),
    }),
    z.strictObject({
      values: z
        .array(z.union([z.string(), z.boolean(), z.number()]), {
          error: "is not a list of values (expected strings, numbers or booleans)",
        })
        .min(1, { error: "is empty (expected at least one value)" }),
      required: z.boolean({ error: "is not a boolean (expected true or false)" }).optional(),
    }),
  ],
  {
    error:
      'is not an input rule (expected "any", "bot-bundle", {values: [...], required: true|false} or {secret: NAME, required: true|false})',
  },
);

const action = z.strictObject({
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/, { error: "is not a commit SHA (expected 40 lower-case hex digits)" }),
  version: z.string().regex(/^v\d+\.\d+\.\d+$/, {
    error: "is not a release (expected vX.Y.Z, as in the # comment after uses:)",
  }),
  inputs: z
    .record(z.string().regex(/^[a-z0-9_-]+$/, { error: "is not an input name in lower case" }), inputRule)
    .default({}),
});

export const allowlistSchema = z.strictObject({
  /** The branch whose code jobs with credentials run. */
  default_branch: z
    .string({ error: "is missing (expected the default branch's name, e.g. main)" })
    .regex(/^[\w./-]+$/, { error: "is not a branch name" }),
  /** owner/repo[/path] → the one commit allowed and the inputs it may take in a job with credentials. */
  actions: z
    .record(
      z.string().regex(/^[a-z0-9_.-]+\/[a-z0-9_./-]+$/, {
        error: "is not an action (expected owner/repo or owner/repo/path, in lower case)",
      }),
      action,
    )
    .default({}),
  /** `run:` scripts allowed in a job with credentials, each exactly as written in the workflow. */
  commands: z.array(z.string().min(1, { error: "is empty (expected a command)" })).default([]),
  /** Environment variable names that a job with credentials may set (workflow, job or step `env:`). */
  env: z
    .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "is not an environment variable name" }))
    .default([]),
});

export type Allowlist = z.infer<typeof allowlistSchema>;
export type InputRule = z.infer<typeof inputRule>;

/** The allowlist of a repository that states none: nothing is allowed in a job with credentials. */
export const EMPTY_ALLOWLIST: Allowlist = { default_branch: "main", actions: {}, commands: [], env: [] };

/** Reads the allowlist; problems come back with their place in the file, and then nothing is allowed. */
export function parseAllowlist(file: string, text: string): { allowlist: Allowlist; problems: Diagnostic[] } {
  const source = new YamlSource(file, text);
  const syntax = source.syntaxProblems();
  if (syntax.length > 0) return { allowlist: EMPTY_ALLOWLIST, problems: syntax };
  const parsed = allowlistSchema.safeParse(source.toJS());
  if (parsed.success) return { allowlist: parsed.data, problems: [] };
  const problems = parsed.error.issues.flatMap((issue) => {
    const path = issue.path as FieldPath;
    if (issue.code !== "unrecognized_keys") return [source.diagnostic(path, issue.message)];
    const known = path.length === 0 ? FIELDS : ACTION_FIELDS;
    return issue.keys.map((key) =>
      source.diagnostic([...path, key], unknownMessage("key", key, known), { key: true }),
    );
  });
  return { allowlist: EMPTY_ALLOWLIST, problems };
}

/** The JSON Schema of the allowlist, for editors (`npm run lint:workflows -- --write-schema`). */
export function allowlistJsonSchema(): string {
  const schema = z.toJSONSchema(allowlistSchema, { io: "input" });
  return `${JSON.stringify({ ...schema, title: "Workflow allowlist" }, null, 2)}\n`;
}

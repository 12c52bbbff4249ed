import type { Construct, TerraformStack } from "@void-linux/infra-constructs/cdktf";
import type { StateBackend, StateSettings } from "@void-linux/infra-constructs/terraform";
import type { Inputs } from "../inputs";
import { UsageError } from "../runtime/errors";

/**
 * What a stack registry is: one entry per Terraform root, holding everything the project says about
 * it (its state key, what it holds, the variables its Terraform reads and the code that builds it),
 * so the app, the workflows, their scripts and the docs all take their lists of stacks from one place
 * (`app/stack-lists/` writes and checks those lists). Void's registry is `stacks/registry.ts`.
 */

/**
 * A secret of the GitHub environments the Terraform jobs run in. Each environment holds its own
 * value under the same name: read-only in `plan` and `plan-pr`, able to write in `production`.
 */
export interface Secret {
  /** The secret's name, e.g. `DIGITALOCEAN_TOKEN`. */
  readonly name: string;
  /** What the value in `plan` and `plan-pr` must allow: reading what the stacks manage, enough to plan. */
  readonly plan: string;
  /** What the value in `production` must allow: changing it, enough to apply. */
  readonly apply: string;
}

/** An environment variable a stack's Terraform reads, taken from a secret. */
export interface SecretVariable {
  /** The variable the provider reads, e.g. `GITHUB_TOKEN`. */
  readonly env: string;
  readonly secret: Secret;
}

/** An environment variable with a plain value written in the workflows (an address): nothing secret. */
export interface SettingVariable {
  readonly env: string;
  readonly value: string;
}

export type StackVariable = SecretVariable | SettingVariable;

export const isSecretVariable = (variable: StackVariable): variable is SecretVariable => "secret" in variable;

/** What a stack is built from: the checkout's validated data, and where its state lives. */
export interface StackContext {
  readonly inputs: Inputs;
  readonly state: StateSettings;
}

/** One Terraform root, as its registry entry says. `Built` holds the stacks registered before it. */
export interface StackEntry<Built, Stack extends TerraformStack> {
  /** Its state key on the state server, `<project>/<name>`, e.g. `prod/github`: one state per stack. */
  readonly stateKey: string;
  /** What it holds, in a few words, for the README's table of stacks. */
  readonly holds: string;
  /**
   * Every environment variable its Terraform reads besides the state server's: the providers'
   * credentials and addresses. Each Terraform process of a workflow gets these and no other stack's.
   */
  readonly env: readonly StackVariable[];
  /** Builds the stack in `scope` under `id`; `stacks` are the ones registered before it. */
  readonly build: (scope: Construct, id: string, context: StackContext, stacks: Built) => Stack;
}

/** A registered stack without its code: what the workflows, scripts and docs are made from. */
export interface RegisteredStack {
  /** The stack's name: its directory under `cdktf.out/stacks/`, what operators pick in apply.yml. */
  readonly id: string;
  readonly stateKey: string;
  readonly holds: string;
  readonly env: readonly StackVariable[];
}

/** A stack registry's stacks and the variables every stack reads, without the code that builds them. */
export interface StackList {
  /** The variables of the state server, which every stack's Terraform reads (e.g. `TF_HTTP_USERNAME`). */
  readonly stateEnv: readonly StackVariable[];
  /** The stacks, in the order they are built. */
  readonly stacks: readonly RegisteredStack[];
}

type Entry = RegisteredStack & { readonly build: StackEntry<never, TerraformStack>["build"] };

/**
 * Stacks are added one by one, each able to use the stacks added before it (typed), and are built
 * in that order. Mistakes in the entries (a name that cannot be a directory or a YAML word, two
 * stacks on one state, one variable bound two ways) are reported all at once, as a UsageError,
 * when the registry is first read.
 */
export class StackRegistry<Built extends object = Record<never, never>> implements StackList {
  private checked = false;

  private constructor(
    readonly stateEnv: readonly StackVariable[],
    private readonly entries: readonly Entry[],
  ) {}

  /** An empty registry whose stacks all read `stateEnv`, the state server's credentials. */
  static withStateEnv(stateEnv: readonly StackVariable[]): StackRegistry {
    return new StackRegistry(stateEnv, []);
  }

  /** This registry and one more stack, built after those already in it. */
  add<const Id extends string, Stack extends TerraformStack>(
    id: Id,
    entry: StackEntry<Built, Stack>,
  ): StackRegistry<Built & { readonly [K in Id]: Stack }> {
    const added = { id, ...entry, build: entry.build as Entry["build"] };
    return new StackRegistry(this.stateEnv, [...this.entries, added]);
  }

  get stacks(): readonly RegisteredStack[] {
    this.check();
    return this.entries.map(({ id, stateKey, holds, env }) => ({ id, stateKey, holds, env }));
  }

  /** Builds every stack in `scope`, in order, each with its state key on `backend`. */
  build(scope: Construct, inputs: Inputs, backend: StateBackend): Built {
    this.check();
    const built: Record<string, TerraformStack> = {};
    for (const { id, stateKey, build } of this.entries)
      built[id] = build(scope, id, { inputs, state: { key: stateKey, backend } }, built as never);
    return built as Built;
  }

  private check(): void {
    if (this.checked) return;
    const problems = registryProblems(this.stateEnv, this.entries);
    if (problems.length > 0)
      throw new UsageError(`the stack registry is wrong:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.checked = true;
  }
}

/** What a registry's stacks, keyed by name, build to. */
export type BuiltStacks<Registry> = Registry extends StackRegistry<infer Built> ? Built : never;

/**
 * A stack's name is a directory, a word in shell scripts, an item of a YAML list and a string in a
 * GitHub expression: lower-case letters, digits and single hyphens inside, as plan records allow.
 */
const STACK_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Words a YAML 1.2 reader takes for a boolean or null, not a name. */
const YAML_WORDS = new Set(["true", "false", "null"]);
const STATE_KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)+$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;
/** A value written into YAML and a GitHub expression as is: one line, no quote, no expression. */
const SETTING_VALUE = /^[^\s"'`${}\\#]+$/;
/** A sentence for a Markdown table cell. */
const TABLE_TEXT = /^[^\n|]+$/;

function registryProblems(stateEnv: readonly StackVariable[], entries: readonly Entry[]): string[] {
  const problems: string[] = [];
  const seenIds = new Set<string>();
  const stateKeys = new Map<string, string>();
  const bindings = new Map<string, { readonly binding: string; readonly where: string }>();
  const secrets = new Map<string, Secret>();
  const bind = (variable: StackVariable, where: string) => {
    problems.push(...variableProblems(variable, where));
    const binding = isSecretVariable(variable)
      ? `the secret ${variable.secret.name}`
      : `the value ${variable.value}`;
    const earlier = bindings.get(variable.env);
    if (earlier && earlier.binding !== binding)
      problems.push(
        `${where}: ${variable.env} is ${binding}, but ${earlier.binding} in ${earlier.where} (expected one binding per variable: one step's env holds it for every stack)`,
      );
    else bindings.set(variable.env, { binding, where });
    if (isSecretVariable(variable)) {
      const other = secrets.get(variable.secret.name);
      if (other && (other.plan !== variable.secret.plan || other.apply !== variable.secret.apply))
        problems.push(
          `${where}: the secret ${variable.secret.name} is described two ways (expected one description of what each environment's value may do)`,
        );
      else secrets.set(variable.secret.name, variable.secret);
    }
  };
  stateEnv.forEach((variable) => void bind(variable, "the state server's variables"));
  const stateNames = new Set(stateEnv.map((v) => v.env));
  for (const { id, stateKey, holds, env } of entries) {
    const where = `stack ${JSON.stringify(id)}`;
    if (!STACK_ID.test(id) || id.length > 64 || YAML_WORDS.has(id))
      problems.push(
        `${where}: is not a stack name (expected lower-case letters and digits, single hyphens inside, at most 64, not true, false or null)`,
      );
    if (seenIds.has(id)) problems.push(`${where}: is registered twice (expected one entry per stack)`);
    seenIds.add(id);
    if (!STATE_KEY.test(stateKey))
      problems.push(
        `${where}: state key ${JSON.stringify(stateKey)} is not <project>/<name> (expected e.g. prod/${id})`,
      );
    const owner = stateKeys.get(stateKey);
    if (owner !== undefined)
      problems.push(
        `${where}: state key ${stateKey} is also stack ${owner}'s (expected one state per stack)`,
      );
    stateKeys.set(stateKey, id);
    if (!TABLE_TEXT.test(holds)) problems.push(`${where}: holds: is empty or not one line without "|"`);
    const names = env.map((v) => v.env);
    for (const name of names.filter((n, i) => names.indexOf(n) !== i))
      problems.push(`${where}: ${name} is listed twice (expected each variable once)`);
    for (const name of names.filter((n) => stateNames.has(n)))
      problems.push(`${where}: ${name} is a variable of the state server (expected only the stack's own)`);
    env.forEach((variable) => void bind(variable, where));
  }
  return problems;
}

function variableProblems(variable: StackVariable, where: string): string[] {
  const problems: string[] = [];
  if (!ENV_NAME.test(variable.env))
    problems.push(
      `${where}: ${JSON.stringify(variable.env)} is not an environment variable name (expected e.g. NOMAD_TOKEN)`,
    );
  if (isSecretVariable(variable)) {
    const { name, plan, apply } = variable.secret;
    // GitHub refuses secret names that start with GITHUB_ (so the GitHub provider's token is TF_GITHUB_TOKEN).
    if (!ENV_NAME.test(name) || name.startsWith("GITHUB_"))
      problems.push(
        `${where}: ${variable.env}: ${JSON.stringify(name)} cannot be a secret's name (expected upper-case letters, digits and _, not starting with GITHUB_)`,
      );
    for (const [field, text] of [
      ["plan", plan],
      ["apply", apply],
    ] as const)
      if (!TABLE_TEXT.test(text))
        problems.push(
          `${where}: ${variable.env}: the secret's ${field}: is empty or not one line without "|"`,
        );
  } else if (!SETTING_VALUE.test(variable.value))
    problems.push(
      `${where}: ${variable.env}: ${JSON.stringify(variable.value)} cannot be written into a workflow as is (expected one word, no quote, $, {, } or #)`,
    );
  return problems;
}

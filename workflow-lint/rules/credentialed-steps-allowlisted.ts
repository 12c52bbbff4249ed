import type { FieldPath } from "../../inputs/yaml-source";
import type { Diagnostic } from "../../runtime/diagnostics";
import { asRecord, shorten } from "../../runtime/values";
import { ALLOWLIST_PATH, type Allowlist, type InputRule } from "../allowlist";
import { BOTS_DIR, botBundlePath, botOfScript, botScript } from "../bot-script";
import { credentialsOf, describeCredentials } from "../credentials";
import { normalizeCondition } from "../expressions";
import type { Project } from "../project";
import { actionName, type Job, type Step, usesOf, type Workflow } from "../workflow";
import type { WorkflowCheck } from "./context";

/**
 * A job that holds a credential (a secret, an environment, any write permission) runs only what
 * the allowlist states: actions it pins, with the inputs (and input values) it lists, and
 * commands written exactly as listed. Nothing may change what those run: no container or service
 * image, no reusable workflow, no other shell or working directory, and only the environment
 * variable names the allowlist names (`BASH_ENV`, `NODE_OPTIONS`, `TF_CLI_ARGS` change code).
 */
export const credentialedStepsAllowlisted: WorkflowCheck = (workflow, project) =>
  workflow.jobs.flatMap((job) => {
    const held = credentialsOf(workflow, job);
    if (held.length === 0) return [];
    const inJob = `in a job that holds ${describeCredentials(held)}`;
    const refuse = (path: FieldPath, what: string, expected: string) =>
      workflow.source.diagnostic(path, `${what} ${inJob} (expected ${expected})`);
    return [
      ...jobLevel(workflow, job, refuse),
      ...envNames(workflow, job, project.allowlist, refuse),
      ...job.steps.flatMap((step) => stepProblems(step, project, refuse)),
    ];
  });

type Refuse = (path: FieldPath, what: string, expected: string) => Diagnostic;

function jobLevel({ data }: Workflow, job: Job, refuse: Refuse): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (usesOf(job.data) !== undefined)
    found.push(
      refuse([...job.path, "uses"], "calls a reusable workflow", "steps of its own, each on the allowlist"),
    );
  for (const key of ["container", "services"])
    if (job.data[key] !== undefined)
      found.push(
        refuse(
          [...job.path, key],
          `runs ${key === "container" ? "in a container" : "service containers"}`,
          "steps on the runner, each on the allowlist",
        ),
      );
  for (const [at, defaults] of [
    [[], data.defaults],
    [job.path, job.data.defaults],
  ] as [FieldPath, unknown][]) {
    const run = asRecord(asRecord(defaults).run);
    for (const key of ["shell", "working-directory"])
      if (run[key] !== undefined && !(key === "shell" && run[key] === "bash"))
        found.push(
          refuse(
            [...at, "defaults", "run", key],
            `sets ${key} for every step`,
            "the default shell in the checkout's root",
          ),
        );
  }
  return found;
}

function envNames({ data }: Workflow, job: Job, allowlist: Allowlist, refuse: Refuse): Diagnostic[] {
  const scopes: [FieldPath, unknown][] = [
    [["env"], data.env],
    [[...job.path, "env"], job.data.env],
    ...job.steps.map((step): [FieldPath, unknown] => [[...step.path, "env"], step.data.env]),
  ];
  return scopes.flatMap(([at, env]) =>
    Object.keys(asRecord(env))
      .filter((name) => !allowlist.env.includes(name))
      .map((name) =>
        refuse(
          [...at, name],
          "sets an environment variable the allowlist does not name",
          `a name listed under env: in ${ALLOWLIST_PATH}`,
        ),
      ),
  );
}

function stepProblems(step: Step, project: Project, refuse: Refuse): Diagnostic[] {
  const { allowlist } = project;
  const found: Diagnostic[] = [];
  const { data, path } = step;
  if (data.shell !== undefined && data.shell !== "bash")
    found.push(
      refuse(
        [...path, "shell"],
        `runs its script with ${JSON.stringify(data.shell)}`,
        "the default shell, bash",
      ),
    );
  if (data["working-directory"] !== undefined)
    found.push(refuse([...path, "working-directory"], "runs in another directory", "the checkout's root"));
  if (typeof data.run === "string" && !allowlist.commands.includes(data.run.trim()))
    found.push(
      refuse(
        [...path, "run"],
        `runs ${JSON.stringify(shorten(data.run.trim().split("\n")[0] ?? "", 60))}, a command the allowlist does not list,`,
        `a command listed in ${ALLOWLIST_PATH}, or no credential in this job`,
      ),
    );
  const uses = usesOf(data);
  if (uses === undefined) return found;
  if (uses.startsWith("./"))
    return [
      ...found,
      refuse([...path, "uses"], `runs the local action ${uses}`, `actions listed in ${ALLOWLIST_PATH}`),
    ];
  const name = actionName(uses);
  const entry = Object.hasOwn(allowlist.actions, name) ? allowlist.actions[name] : undefined;
  // An action that is not on the allowlist at all is the actions rule's finding.
  if (entry === undefined) return found;
  const given = asRecord(data.with);
  for (const [input, value] of Object.entries(given)) {
    const key = input.toLowerCase();
    const rule = Object.hasOwn(entry.inputs, key) ? entry.inputs[key] : undefined;
    const at: FieldPath = [...path, "with", input];
    if (rule === undefined) {
      const known = Object.keys(entry.inputs).sort();
      found.push(
        refuse(
          at,
          `gives ${name} the input ${input}, which the allowlist does not let it take,`,
          known.length > 0 ? `one of: ${known.join(", ")}` : "no inputs",
        ),
      );
    } else if (!valueAllowed(rule, value, project)) {
      found.push(refuse(at, `gives ${name} ${JSON.stringify(value)}`, describeRule(rule)));
    }
  }
  for (const [input, rule] of Object.entries(entry.inputs))
    if (
      typeof rule === "object" &&
      rule.required &&
      !Object.keys(given).some((key) => key.toLowerCase() === input)
    )
      found.push(
        refuse(
          [...path, "uses"],
          `runs ${name} without ${input}`,
          `with: ${input}: ${"secret" in rule ? secretExpression(rule.secret) : rule.values.map(String).join(" or ")}`,
        ),
      );
  return found;
}

function valueAllowed(rule: InputRule, value: unknown, project: Project): boolean {
  if (rule === "any") return true;
  if (rule === "bot-bundle") {
    // A bundle the default branch commits: the job's checkout can only be of that branch.
    const bot = botOfScript(value);
    return bot !== undefined && project.read(botBundlePath(bot)) !== undefined;
  }
  if ("secret" in rule) return canonical(value) === canonical(secretExpression(rule.secret));
  return rule.values.some((allowed) => canonical(allowed) === canonical(value));
}

/** The expression that hands an action the secret `name`. */
export const secretExpression = (name: string) => `\${{ secrets.${name} }}`;

function describeRule(rule: InputRule): string {
  if (rule === "any") return "any value";
  if (rule === "bot-bundle")
    return `a committed bot bundle, run exactly as ${botScript("<name>")} (npm run bots writes ${BOTS_DIR}/<name>.cjs)`;
  if ("secret" in rule) return secretExpression(rule.secret);
  return `${rule.values.length === 1 ? "" : "one of: "}${rule.values.map((v) => JSON.stringify(v)).join(", ")}`;
}

/**
 * A value as an action receives it: booleans and numbers as text (`false`, `"false"` and
 * `"False"` are the same input), expressions by meaning (`${{ a }}` is `${{a}}`).
 */
function canonical(value: unknown): string {
  const text = String(value).trim();
  if (/^(true|false)$/i.test(text)) return text.toLowerCase();
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, body: string) => `\${{ ${normalizeCondition(body)} }}`);
}

import { type Diagnostic, fileDiagnostic } from "../../runtime/diagnostics";
import { isSecretVariable, type Secret, type StackList } from "../../stacks/stack-registry";
import { GENERATED_NOTE, REGISTRY_FILE } from "./generated";

/** The Markdown files that hold a table made from the registry, and the table each holds. */
export const GENERATED_TABLES: Readonly<Record<string, (list: StackList) => string>> = {
  "README.md": stacksTable,
  "docs/workflows.md": secretsTables,
};

const BEGIN = `<!-- ${GENERATED_NOTE} -->`;
const END = `<!-- End of the lines generated from ${REGISTRY_FILE}. -->`;

/** The README's table of stacks: name, state key, what it holds. */
function stacksTable({ stacks }: StackList): string {
  return table(
    ["Stack", "State key", "Holds"],
    stacks.map(({ id, stateKey, holds }) => [`\`${id}\``, `\`${stateKey}\``, holds]),
  );
}

/** docs/workflows.md: every secret, who reads it and what each environment's value may do; then the settings. */
function secretsTables(list: StackList): string {
  const secrets = new Map<string, { secret: Secret; readers: string[] }>();
  const settings = new Map<string, { value: string; readers: string[] }>();
  const read = (stack: string | undefined, variable: StackList["stateEnv"][number]) => {
    const who = stack === undefined ? "every stack" : `\`${stack}\``;
    if (!isSecretVariable(variable)) {
      const entry = settings.get(variable.env) ?? { value: variable.value, readers: [] };
      entry.readers.push(who);
      settings.set(variable.env, entry);
      return;
    }
    const entry = secrets.get(variable.secret.name) ?? { secret: variable.secret, readers: [] };
    entry.readers.push(variable.env === variable.secret.name ? who : `${who} as \`${variable.env}\``);
    secrets.set(variable.secret.name, entry);
  };
  for (const variable of list.stateEnv) read(undefined, variable);
  for (const stack of list.stacks) for (const variable of stack.env) read(stack.id, variable);
  return [
    table(
      ["Secret", "Read by", "In `plan` and `plan-pr` (read-only)", "In `production`"],
      [...secrets].map(([name, { secret, readers }]) => [
        `\`${name}\``,
        readers.join(", "),
        secret.plan,
        secret.apply,
      ]),
    ),
    "",
    "The workflows set these addresses themselves (they are no secrets):",
    "",
    table(
      ["Variable", "Value", "Read by"],
      [...settings].map(([name, { value, readers }]) => [`\`${name}\``, `\`${value}\``, readers.join(", ")]),
    ),
  ].join("\n");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * `text` with the lines between the generated markers replaced by `content`; a problem when the
 * markers are missing.
 */
export function withGeneratedTable(
  file: string,
  text: string,
  content: string,
): { readonly fresh: string } | { readonly problem: Diagnostic } {
  const begin = text.indexOf(`${BEGIN}\n`);
  const end = text.indexOf(`\n${END}`, begin);
  if (begin === -1 || end === -1)
    return {
      problem: fileDiagnostic(
        file,
        `has no table generated from ${REGISTRY_FILE} (expected it between the lines ${BEGIN} and ${END})`,
      ),
    };
  const from = begin + BEGIN.length + 1;
  return { fresh: `${text.slice(0, from)}\n${content}\n${text.slice(end)}` };
}

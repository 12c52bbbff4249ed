/**
 * Finds the Terraform commands that change state (apply, destroy, import, refresh, `state
 * push|rm|mv|replace-provider`, taint, untaint, force-unlock, `workspace delete`, `init
 * -migrate-state`, test) in a shell script, for terraform and its spellings: OpenTofu, Terragrunt,
 * cdktf and CDK Terrain. A shell is not parsed here; the script is flattened the way the shell
 * would join it (line continuations, quotes and backslashes that only split a word, `$IFS`), cut
 * into commands, and each command is read word by word. It errs on the side of finding a command:
 * the tool may stand anywhere in a command (after `env`, `sudo`, `sh -c`, `xargs`, `npx`,
 * `docker run`, as a path, an image or a package@version), a state-changing word anywhere after it
 * counts, and so does a subcommand left to a variable (`terraform "$ACTION"`), a tool left to one
 * (`$TF apply`) or to an alias, and a subcommand read from xargs' input.
 */

/** Every spelling of the tools, by family. */
const TERRAFORM_TOOLS = new Set(["terraform", "tofu", "opentofu", "terragrunt"]);
const CDK_TOOLS = new Set(["cdktf", "cdktf-cli", "cdktn", "cdktn-cli"]);

/** Subcommands that change state on their own. */
const STATE_VERBS = new Set([
  "apply",
  "destroy",
  "import",
  "refresh",
  "taint",
  "untaint",
  "force-unlock",
  "test",
  "apply-all",
  "destroy-all",
]);
/** `terraform state <verb>` that writes the state. */
const STATE_SUBVERBS = new Set(["push", "rm", "mv", "replace-provider"]);
const CDK_VERBS = new Set(["deploy", "destroy", "apply"]);
/** Words after which the next word is run as a command. */
const WRAPPERS = new Set([
  "env",
  "sudo",
  "exec",
  "command",
  "nice",
  "nohup",
  "time",
  "timeout",
  "xargs",
  "parallel",
  "eval",
  "-c",
  "npx",
  "then",
  "do",
  "else",
  "!",
]);

/** `terraform apply`, `tofu state rm`, `$TF apply`: each command of `script` that changes state. */
export function stateChangingCommands(script: string): string[] {
  const aliases = new Set<string>();
  const found: string[] = [];
  for (const words of commandsOf(script)) {
    words.forEach((word, index) => {
      const assignment = /^([A-Za-z_]\w*)=(.+)$/.exec(word);
      if (assignment && isTool(toolName(assignment[2] ?? "")))
        aliases.add((assignment[1] ?? "").toLowerCase());
      const name = toolName(word);
      const viaAlias = aliases.has(word) || aliases.has(variableName(word).toLowerCase());
      const rest = words.slice(index + 1);
      if (isTool(name) || viaAlias) {
        const tool = isTool(name) ? name : word;
        const command = changeOf(
          tool,
          CDK_TOOLS.has(name) ? "cdk" : "terraform",
          rest,
          words.slice(0, index),
        );
        if (command) found.push(command);
      } else if (isVariable(word) && inCommandPosition(words, index)) {
        const verb = rest.find((w) => STATE_VERBS.has(w) || CDK_VERBS.has(w));
        if (verb) found.push(`${word} ${verb}`);
      }
    });
  }
  return found;
}

/** Whether `script` runs terraform or one of its spellings, with any subcommand (erring on finding, as above). */
export function runsTerraform(script: string): boolean {
  return commandsOf(script).some((words) => words.some((word) => isTool(toolName(word))));
}

/** What `tool rest...` changes, or undefined; `before` are the words in front of the tool. */
function changeOf(
  tool: string,
  family: "terraform" | "cdk",
  rest: string[],
  before: string[],
): string | undefined {
  const operands = rest.filter((w) => w !== "" && !w.startsWith("-"));
  const [sub, second] = operands;
  if (sub === undefined)
    return before.some((w) => w === "xargs" || w === "parallel")
      ? `${tool} with a subcommand from xargs' input`
      : undefined;
  if (isVariable(sub)) return `${tool} ${sub}`;
  if (family === "cdk") {
    const verb = operands.find((w) => CDK_VERBS.has(w));
    return verb ? `${tool} ${verb}` : undefined;
  }
  if (sub === "init" && rest.some((w) => /^--?(migrate-state|force-copy)\b/.test(w)))
    return `${tool} init ${rest.find((w) => /migrate-state|force-copy/.test(w))}`;
  if (sub === "workspace" && second === "delete") return `${tool} workspace delete`;
  const state = operands.indexOf("state");
  if (state !== -1) {
    const verb = operands.slice(state + 1).find((w) => STATE_SUBVERBS.has(w) || isVariable(w));
    if (verb) return `${tool} state ${verb}`;
  }
  const verb = operands.find((w) => STATE_VERBS.has(w));
  return verb ? `${tool} ${verb}` : undefined;
}

/** The commands of `script` as lists of words, in lower case, flattened as described above. */
function commandsOf(script: string): string[][] {
  const flat = withoutHeredocData(script)
    .replace(/\\\r?\n/g, " ") // `terraform \` + newline + `apply` is one command
    .replace(/\$\{?IFS\}?/g, " ") // `terraform${IFS}apply`
    .replace(/["'\\]/g, ""); // `"terraform" ap''ply`, `terra\form`, `sh -c 'terraform apply'`
  return flat.split(/\r?\n|;|&|\||\$\(|`|\(|\)|\{\s|\s\}/).map((command) =>
    command
      .trim()
      .split(/\s+/)
      // Commands and subcommands in any case (to err on finding), variables as written.
      .map((word) => (word.startsWith("$") ? word : word.toLowerCase()))
      .filter((word) => word !== ""),
  );
}

/**
 * `script` without the bodies of here-documents fed to a program that is no shell (`node - <<'JS'`):
 * that text is the program's input, not commands. A body fed to a shell (`bash <<EOF`) stays.
 */
function withoutHeredocData(script: string): string {
  const lines = script.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    kept.push(line);
    const heredoc = /<<(-?)\s*(["']?)([\w-]+)\2/.exec(line);
    if (!heredoc || /(^|[\s;&|(])(bash|sh|dash|zsh|ksh|eval)(\s|$)/.test(line)) continue;
    const end = (text: string) => (heredoc[1] ? text.replace(/^\t+/, "") : text) === heredoc[3];
    while (i + 1 < lines.length && !end(lines[i + 1] ?? "")) i++;
  }
  return kept.join("\n");
}

/** `/usr/bin/terraform`, `hashicorp/terraform:1.9`, `cdktf-cli@0.21`, `${TF:-terraform}` → the tool's name. */
function toolName(word: string): string {
  // `cdktf:` is a label in text, not a command.
  if (word.endsWith(":")) return "";
  const bare = word.replace(/^[!$]*\{?/, "").replace(/\}$/, "");
  const value = bare.split(/:-|=/).pop() ?? "";
  return (value.split("/").pop() ?? "").split(/[@:]/)[0] ?? "";
}

function isTool(name: string): boolean {
  return TERRAFORM_TOOLS.has(name) || CDK_TOOLS.has(name);
}

/** `$ACTION`, `${ACTION}`, `$@`, `$1`: a word the shell replaces. */
function isVariable(word: string): boolean {
  return /^\$\{?[\w@*#!?-]/.test(word);
}

function variableName(word: string): string {
  return word.replace(/^\$\{?/, "").replace(/\}$/, "");
}

/** Whether word `index` is run as a command: the first that is no assignment, or one after a wrapper. */
function inCommandPosition(words: readonly string[], index: number): boolean {
  const first = words.findIndex((w) => !/^[A-Za-z_]\w*=/.test(w));
  return index === first || WRAPPERS.has(words[index - 1] ?? "");
}

/**
 * What a `uses:` step that is Terraform changes: a container image of the tool run with `args`
 * (`docker://hashicorp/terraform@sha256:...`), or an action named after a tool (terraform, tofu,
 * terragrunt, cdktf, tfc, ...) whose name or inputs hold a state-changing word
 * (`dflook/terraform-apply`, `with: command: state rm x`). Returns a description, or undefined.
 */
export function stateChangingAction(uses: string, inputs: Record<string, unknown>): string | undefined {
  const name = uses.toLowerCase().split("@")[0]?.trim() ?? "";
  if (name.startsWith("docker://")) {
    const tool = toolName(name.slice("docker://".length));
    if (!isTool(tool)) return undefined;
    return stateChangingCommands(`${tool} ${String(inputs.args ?? "")}`)[0];
  }
  const tokens = name.split(/[/_.-]+/);
  if (!tokens.some((token) => ACTION_TOOL_WORDS.has(token))) return undefined;
  const texts = [tokens.join(" "), ...Object.values(inputs).map(String)];
  const change = texts.flatMap((text) => stateChangingCommands(`terraform ${text}`))[0];
  return change === undefined ? undefined : `${name} (${change.replace(/^terraform /, "")})`;
}

/** Words that make an action's name a Terraform one (`hashicorp/tfc-workflows-github/actions/apply-run`). */
const ACTION_TOOL_WORDS = new Set([...TERRAFORM_TOOLS, ...CDK_TOOLS, "cdktf", "tf", "tfc", "tfe", "hcp"]);

/**
 * Finds the infrastructure-changing commands in a `run:` script: `terraform apply`, `tofu destroy`,
 * `cdktf deploy` and the like. A shell is not parsed here; the script is flattened the way the
 * shell would join it (line continuations, quotes and backslashes that only split a word), then
 * each command is read word by word. It errs on the side of finding a command: a word after the
 * tool that is a mutating subcommand anywhere in the same command counts, and so does a
 * subcommand the script leaves to a variable (`terraform "$ACTION"`).
 */

/** Tool → its subcommands that change infrastructure. */
const MUTATING: Readonly<Record<string, readonly string[]>> = {
  terraform: ["apply", "destroy"],
  tofu: ["apply", "destroy"],
  terragrunt: ["apply", "destroy"],
  cdktf: ["deploy", "apply", "destroy"],
  "cdktf-cli": ["deploy", "apply", "destroy"],
};

/** `terraform apply`, `cdktf deploy`, `terraform $ACTION`: each command of `script` that changes infrastructure. */
export function mutatingCommands(script: string): string[] {
  const flat = script
    .replace(/\\\r?\n/g, " ") // `terraform \` + newline + `apply` is one command
    .replace(/\$\{?IFS\}?/g, " ") // `terraform${IFS}apply`
    .replace(/["'\\]/g, ""); // `"terraform" ap''ply`, `terra\form`
  const found: string[] = [];
  for (const command of flat.split(/\r?\n|;|&|\|/)) {
    const words = command
      .trim()
      .split(/\s+/)
      // `out=$(terraform`, `(terraform`, `apply)`: the word the command substitution or subshell holds
      .map((word) =>
        word
          .replace(/[)}\]`]+$/, "")
          .replace(/^.*(?:\$\(|`)/, "")
          .replace(/^[({[!]+/, ""),
      );
    words.forEach((word, index) => {
      // `/usr/bin/terraform`, `cdktf-cli@0.21`
      const tool = (word.split("/").pop() ?? "").split("@")[0] ?? "";
      const verbs = Object.hasOwn(MUTATING, tool) ? MUTATING[tool] : undefined;
      if (!verbs) return;
      const rest = words.slice(index + 1);
      const verb = rest.find((w) => verbs.includes(w));
      // The subcommand is the first word that is not a flag; one read from a variable may be anything.
      const subcommand = rest.find((w) => w !== "" && !w.startsWith("-"));
      if (verb) found.push(`${tool} ${verb}`);
      else if (subcommand?.startsWith("$")) found.push(`${tool} ${subcommand}`);
    });
  }
  return found;
}

/**
 * The tool a `uses:` image or action runs, for actions that are the tool itself
 * (`docker://hashicorp/terraform:1.9@sha256:...`): `terraform`, or undefined.
 */
export function toolOfAction(uses: string): string | undefined {
  const name = uses
    .toLowerCase()
    .replace(/^docker:\/\//, "")
    .split(/[@:]/)[0]
    ?.split("/")
    .pop();
  return name !== undefined && Object.hasOwn(MUTATING, name) ? name : undefined;
}

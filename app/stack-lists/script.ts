import type { StackList } from "../../stacks/stack-registry";
import { GENERATED_NOTE } from "./generated";

/** The shell script the scripts that plan every stack source: the registry in bash. */
export const STACKS_SCRIPT = ".github/scripts/stacks.sh";

/**
 * `.github/scripts/stacks.sh`: `STACKS`, every stack in the registry's order; `STACK_VARIABLES`,
 * every variable any stack's Terraform reads besides the state server's; and `variables_of
 * <stack>`, the ones that stack reads. plan-stacks.sh unsets every other one for each Terraform
 * process, so a process sees only its own stack's credentials.
 */
export function stacksScript(list: StackList): string {
  const variables = [...new Set(list.stacks.flatMap((stack) => stack.env.map((v) => v.env)))];
  const lines = [
    "# shellcheck shell=bash disable=SC2034 # (the scripts that source this file read the arrays)",
    `# ${GENERATED_NOTE}`,
    "# Sourced by the scripts that plan every stack: the stacks in order, every variable a stack's",
    "# Terraform reads besides the state server's, and the ones each stack reads (variables_of).",
    "STACKS=(",
    ...list.stacks.map((stack) => `  ${stack.id}`),
    ")",
    "STACK_VARIABLES=(",
    ...variables.map((name) => `  ${name}`),
    ")",
    "",
    "variables_of() {",
    '  case "$1" in',
    ...list.stacks.map((stack) => `    ${stack.id}) echo ${stack.env.map((v) => v.env).join(" ")} ;;`),
    '    *) echo "unknown stack $1" >&2; return 2 ;;',
    "  esac",
    "}",
  ];
  return `${lines.join("\n")}\n`;
}

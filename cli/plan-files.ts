/**
 * The plan files a plan command is given: `terraform show -json` output, one file per stack, each
 * named after the directory holding it (plans/github/plan.json: github) or by `--stack name=file`.
 */
import { resolve } from "node:path";
import { InvalidArgumentError, type Command as Program } from "commander";
import { type PlanInput, stackNameOf } from "../review/plan";
import { UsageError } from "../runtime/errors";
import type { Io } from "./command";

/** Adds the plan file arguments and the repeatable `--stack <name=file>` option to `program`. */
export function withPlanFiles(program: Program): Program {
  return program
    .argument("[plan.json...]", "plan JSON files; stack named after the directory holding each")
    .option("--stack <name=file>", "a plan file with an explicit stack name (repeatable)", collectStack, []);
}

/** The plan files given to `program` (after parsing), resolved against the working directory. */
export function planInputs(program: Program, stacks: readonly PlanInput[], io: Io): PlanInput[] {
  const inputs = [...program.args.map((file) => ({ stack: stackNameOf(file, io.cwd), file })), ...stacks];
  if (inputs.length === 0)
    throw new UsageError(`no plan files given (usage: npm run ${program.name()} -- <plan.json>...)`);
  return inputs.map((input) => ({ ...input, path: resolve(io.cwd, input.file) }));
}

function collectStack(value: string, previous: PlanInput[]): PlanInput[] {
  const match = value.match(/^([A-Za-z0-9_.-]+)=(.+)$/);
  if (!match?.[1] || !match[2])
    throw new InvalidArgumentError("expected <name>=<file>, e.g. github=plans/github.json");
  return [...previous, { stack: match[1], file: match[2] }];
}

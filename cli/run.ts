/**
 * The one entry point of the npm scripts: `node --import tsx cli/run.ts <command> [args...]`. Each
 * command is loaded only when it runs, so a quick one never pays for the others' dependencies.
 */
import { VOID_ESTATE } from "../estate";
import { type Command, main } from "./command";

const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  validate: async () => (await import("./validate")).validate(VOID_ESTATE),
  diff: async () => (await import("./diff")).diff((await import("../app/void")).VOID_APP),
  mirrors: async () => (await import("./mirrors")).mirrors(VOID_ESTATE),
  access: async () => (await import("./access")).access(VOID_ESTATE),
  locks: async () => (await import("./locks")).locks((await import("../app/void")).VOID_APP),
  schema: async () => (await import("./schema")).schema(VOID_ESTATE),
  "plan-summary": async () => (await import("./plan-summary")).planSummary,
  "lint-workflows": async () => (await import("./lint-workflows")).lintWorkflowsCommand,
  bots: async () => (await import("./bots")).bots,
  "pr-data": async () => (await import("./pr-data")).prData,
};

const [name = "", ...args] = process.argv.slice(2);
const load = COMMANDS[name];
if (load) {
  void load().then((command) => main(command, args));
} else {
  process.stderr.write(
    `error: unknown command "${name}" (expected one of: ${Object.keys(COMMANDS).join(", ")})\n`,
  );
  process.exitCode = 2;
}

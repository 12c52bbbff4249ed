/**
 * `npm run bots`: bundles each bot module into the github-script step of the workflow that runs it
 * (the step marked `# Generated from <file> by npm run bots`). `-- --check` fails when a committed
 * workflow holds another script than its source bundles to (the tests run it).
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command as Program } from "commander";
import { bundleBot, withBundledBots } from "../review/bot/bundle";
import { UsageError } from "../runtime/errors";
import { WORKFLOWS_DIR } from "../workflow-lint/workflow";
import { type Command, parseArgs } from "./command";

export const bots: Command = (args, io) => {
  const { check } = parseArgs<{ check?: boolean }>(
    new Program("bots").option("--check", "fail if a workflow's generated script is stale"),
    args,
    io,
  );
  const stale: string[] = [];
  for (const name of readdirSync(join(io.cwd, WORKFLOWS_DIR))
    .filter((n) => n.endsWith(".yml"))
    .sort()) {
    const path = join(io.cwd, WORKFLOWS_DIR, name);
    const text = readFileSync(path, "utf8");
    const fresh = withBundledBots(text, (entry) => bundleBot(io.cwd, entry));
    if (fresh === text) continue;
    stale.push(`${WORKFLOWS_DIR}/${name}`);
    if (!check) writeFileSync(path, fresh);
  }
  if (check && stale.length > 0)
    throw new UsageError(`${stale.join(", ")}: generated script is stale; run npm run bots`);
  io.out(
    stale.length === 0 ? "bots: every workflow script is current\n" : `bots: wrote ${stale.join(", ")}\n`,
  );
  return 0;
};

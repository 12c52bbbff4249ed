/**
 * `npm run bots`: bundles each bot a workflow runs (a github-script step whose script is
 * `return require("./.github/bots/<name>.cjs").main(...)`) from `review/bot/<name>.ts` into
 * `.github/bots/<name>.cjs`, and removes the bundles no workflow runs. `-- --check` writes
 * nothing and fails when a bundle is stale, missing or unused (the tests and CI run it).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Command as Program } from "commander";
import { botSourcePath, bundleBot } from "../review/bot/bundle";
import { writeIfChanged } from "../runtime/generated-file";
import { asRecord } from "../runtime/values";
import { BOTS_DIR, botBundlePath, botOfScript } from "../workflow-lint/bot-script";
import { parseWorkflow, readWorkflowText, workflowFiles } from "../workflow-lint/workflow";
import { type Command, parseArgs } from "./command";

/** The bots the workflows under `root` run, each with the workflows that run it. */
function botsRunBy(root: string): Map<string, string[]> {
  const bots = new Map<string, string[]>();
  for (const file of workflowFiles(root))
    for (const job of parseWorkflow(file, readWorkflowText(root, file)).jobs)
      for (const step of job.steps) {
        const bot = botOfScript(asRecord(step.data.with).script);
        if (bot !== undefined) bots.set(bot, [...new Set([...(bots.get(bot) ?? []), file])]);
      }
  return bots;
}

export const bots: Command = (args, io) => {
  const { check } = parseArgs<{ check?: boolean }>(
    new Program("bots")
      .description(
        "Bundle each bot a workflow runs, review/bot/<name>.ts, into .github/bots/<name>.cjs, and remove the bundles no workflow runs",
      )
      .option("--check", "write nothing; fail if a bundle is stale, missing or unused"),
    args,
    io,
  );
  const run = botsRunBy(io.cwd);
  const problems = [...run]
    .filter(([bot]) => !existsSync(join(io.cwd, botSourcePath(bot))))
    .map(
      ([bot, files]) =>
        `${files.join(", ")}: runs the bot ${bot}, which has no source (expected ${botSourcePath(bot)})`,
    );
  if (problems.length > 0) return fail(io, problems);

  const dir = join(io.cwd, BOTS_DIR);
  const committed = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".cjs")) : [];
  const unused = committed
    .filter((n) => !run.has(n.slice(0, -".cjs".length)))
    .map((n) => `${BOTS_DIR}/${n}`)
    .sort();
  if (!check) mkdirSync(dir, { recursive: true });
  const stale = [...run.keys()]
    .sort()
    .filter((bot) =>
      writeIfChanged(join(io.cwd, botBundlePath(bot)), bundleBot(io.cwd, bot), { dryRun: check }),
    )
    .map(botBundlePath);
  if (check) {
    const found = [
      ...stale.map(
        (file) => `${file}: stale or missing (expected the bundle of its source); run npm run bots`,
      ),
      ...unused.map((file) => `${file}: no workflow runs it; run npm run bots to remove it`),
    ];
    if (found.length > 0) return fail(io, found);
  } else for (const file of unused) rmSync(join(io.cwd, file));
  const changed = [...stale.map((file) => `wrote ${file}`), ...unused.map((file) => `removed ${file}`)];
  io.out(changed.length === 0 ? "bots: every bundle is current\n" : `bots: ${changed.join(", ")}\n`);
  return 0;
};

function fail(io: { err(text: string): void }, problems: readonly string[]): number {
  io.err(problems.map((problem) => `error: ${problem}\n`).join(""));
  return 1;
}

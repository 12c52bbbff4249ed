/**
 * How a workflow runs one of this repository's bots: a github-script step whose whole script
 * requires the committed bundle `.github/bots/<name>.cjs` (which `npm run bots` builds from
 * `review/bot/<name>.ts`) from the job's checkout of the default branch, and calls its `main`.
 * This is the one script the allowlist's `bot-bundle` lets such a step hold in a job with
 * credentials (docs/workflows.md, "The bots").
 */

export const BOTS_DIR = ".github/bots";

/** Where the bundle of the bot `name` is committed. */
export const botBundlePath = (name: string) => `${BOTS_DIR}/${name}.cjs`;

/** The github-script `script:` that runs the bot `name`, exactly. */
export const botScript = (name: string) =>
  `return require("./${botBundlePath(name)}").main({ github, context, core });`;

const BOT_NAME = "[a-z][a-z0-9-]*";
const SCRIPT = new RegExp(`^${literal(botScript("\0")).replace("\0", `(${BOT_NAME})`)}$`);

/** The bot a github-script `script:` runs, or undefined when it is anything but `botScript(name)`. */
export function botOfScript(script: unknown): string | undefined {
  return typeof script === "string" ? SCRIPT.exec(script.trim())?.[1] : undefined;
}

/** `text` as a regular expression that matches exactly it. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

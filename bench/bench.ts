/**
 * `npm run bench`: wall time, CPU time and peak RSS of the main commands, printed, never asserted.
 * Targets (2-core machine): `npm run validate` and `npm run synth` of the default data within 10% of
 * the baseline's CPU time, run in turn with it (the previous commit, or `--baseline <ref>`); our
 * synth of the default data at most 0.6 s and 6x faster than `npx cdktf synth`; validate at most
 * 0.4 s (npm start-up included); validation and synth linear in the number of maintainer files; an
 * estate of 1,000 machine files and 5,000 DNS records validated in under 1 s of CPU; Ansible's
 * dynamic inventory as quick as validate; a 5,000-record zone with 500 hosts under 4 s and 600 MiB.
 * The everyday pull request: `npm test` and `.ci/run` (without its `npm ci`) on a clone that adds
 * one maintainer file, each run once. The hostile corpus: every case refused in under 2 s and 300
 * MiB (its slowest case and its greatest memory growth are printed last). Progress goes to standard
 * error as each figure is taken; the report to standard output.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

import { UsageError } from "../runtime/errors";
import { DEFAULT_BASELINE, exportBaseline } from "./baseline";

import { benchHostileCorpus } from "./hostile";
import { benchLightInstall } from "./light-install";
import { type Comparison, comparePaired, type Measurement, measure, printTable, verdict } from "./measure";
import { copyProject, generateEstate, generateOrg, onboardingClone, REPO_ROOT } from "./project";
import { refreshCostReport } from "./refresh";
import { refreshCostTable } from "./refresh-cost";

const USAGE = `Usage: npm run bench [-- --baseline <git-ref>] [-- --help]

Measures the wall time, CPU time and peak memory of the main commands, in scratch copies of this
checkout (nothing here is written). First npm run validate and npm run synth of the default data,
run in turn with the same commands in the baseline (default ${DEFAULT_BASELINE}, the previous commit;
also BENCH_BASELINE=<git-ref>), exported with git archive: each side's medians and the median
ratio of the pairs (target: at most 1.10). Then synth and validate against npx cdktf synth, synth
and validate of 2,500 to 10,000 generated maintainers, an estate of 1,000 machines and 5,000 DNS
records (target: validated in under 1 s of CPU), the dynamic inventory, masking and fingerprints
of 5,000 changes, a 5,000-record zone, npm test and .ci/run on a one-file onboarding clone, the
GitHub reads of one plan, the hostile corpus (its slowest case and peak memory), and the data-only
install. Takes about eleven minutes on two cores; progress goes to standard error, the figures to
standard output. Figures are printed, never asserted.
`;

const BENCH_MACHINES = 1_000;
const BENCH_DNS_RECORDS = 5_000;
/** Most CPU time validate and synth may take against the baseline's (1.10: 10% more). */
const MOST_AGAINST_BASELINE = 1.1;
/** CPU seconds the generated estate's validation stays under. */
const ESTATE_TARGET_SECONDS = 1;

const progress = (line: string) => void process.stderr.write(`bench: ${line}\n`);

/** validate and synth of the default data here and in the baseline, in turn, as one report. */
function againstBaseline(project: string, ref: string, baseline: ReturnType<typeof exportBaseline>): string {
  const compared: Comparison[] = ["validate", "synth"].map((script) =>
    comparePaired(
      { label: `npm run ${script} (default data)`, command: "npm", args: ["run", "-s", script] },
      project,
      baseline.dir,
    ),
  );
  const width = Math.max(...compared.map((c) => c.ours.label.length));
  const side = (m: Measurement) => `${m.cpuSeconds.toFixed(2)} s CPU, ${m.seconds.toFixed(2)} s`;
  return [
    `against ${ref} (${baseline.ref.commit.slice(0, 12)}), run in turn, medians of ${compared[0]?.pairs ?? 0} pairs:`,
    ...compared.map(
      (c) =>
        `${c.ours.label.padEnd(width)}  this checkout ${side(c.ours)}; baseline ${side(c.theirs)}; ${c.cpuRatio.toFixed(2)}x the CPU, ${c.wallRatio.toFixed(2)}x the time (${verdict(c.cpuRatio <= MOST_AGAINST_BASELINE)}: at most ${MOST_AGAINST_BASELINE.toFixed(2)}x)`,
    ),
    "",
  ].join("\n");
}

async function main(baselineRef: string): Promise<void> {
  const node = process.execPath;
  const tsx = ["--import", "tsx"];
  const rows: Measurement[] = [];

  // The baseline first: a ref that does not exist ends the run before anything is copied.
  const baseline = exportBaseline(baselineRef);
  const project = copyProject();
  console.log(againstBaseline(project, baselineRef, baseline));
  const ours = measure("npm run synth (default data)", "npm", ["run", "-s", "synth"], project);
  const floor = measure(
    "node cli/launch.cjs synth (bundled floor)",
    node,
    ["cli/launch.cjs", "synth"],
    project,
  );
  const cli = measure("npx cdktf synth (default data)", "npx", ["cdktf", "synth"], project);
  const validate = measure("npm run validate (default data)", "npm", ["run", "-s", "validate"], project, 5);
  const npmStart = measure("npm run env (npm's own start-up)", "npm", ["run", "-s", "env"], project, 5);
  // What Ansible runs for every play: the dynamic inventory, straight from node.
  const inventory = measure(
    "ansible/inventory.cjs --list (default data)",
    node,
    ["ansible/inventory.cjs", "--list"],
    project,
    5,
  );
  rows.push(ours, floor, cli, validate, npmStart, inventory);

  // Masking at scale: 5,000 changes searched for the secrets of every encoding (pooled across
  // plans); fingerprints under a throwaway key.
  process.env.PLAN_FINGERPRINT_KEY = randomBytes(32).toString("hex");
  const plans = ["bulk", "encodings"].map((name) => `test/fixtures/plan/real/${name}/plan.json`);
  rows.push(
    measure(
      "plan-summary, 5,000 changes + every encoding",
      node,
      ["cli/launch.cjs", "plan-summary", ...plans],
      project,
    ),
    measure(
      "plan-fingerprint, 5,000 changes",
      node,
      ["cli/launch.cjs", "plan-fingerprint", plans[0] ?? ""],
      project,
    ),
  );

  const sizes = [2500, 5000, 10000];
  const scaled: { validate: number; synth: number; synthMiB: number }[] = [];
  for (const count of sizes) {
    const org = copyProject();
    generateOrg(org, count);
    const validate = measure(
      `validate, ${count} maintainer files`,
      node,
      ["cli/launch.cjs", "validate"],
      org,
      1,
    );
    const synth = measure(`synth, ${count} maintainer files`, node, ["cli/launch.cjs", "synth"], org, 1);
    rows.push(validate, synth);
    scaled.push({ validate: validate.seconds, synth: synth.seconds, synthMiB: synth.peakMiB });
  }
  // Start-up dominates small runs, so linearity shows in the marginal cost between sizes.
  const marginal = sizes.slice(1).map((size, i) => {
    const thousands = (size - sizes[i]) / 1000;
    const cost = (key: "validate" | "synth") =>
      ((scaled[i + 1][key] - scaled[i][key]) / thousands).toFixed(3);
    return `${sizes[i]}→${size}: validate ${cost("validate")} s, synth ${cost("synth")} s`;
  });

  // The estate's data at scale: every file through the safe reader, its schema and every check.
  const estate = copyProject();
  generateEstate(estate, BENCH_MACHINES, BENCH_DNS_RECORDS);
  const machines = BENCH_MACHINES.toLocaleString("en");
  const estateValidate = measure(
    `validate, estate of ${machines} machines + ${BENCH_DNS_RECORDS.toLocaleString("en")} DNS records`,
    node,
    ["cli/launch.cjs", "validate"],
    estate,
    5,
  );
  rows.push(
    estateValidate,
    measure(
      `ansible/inventory.cjs --list, ${machines} machines`,
      node,
      ["ansible/inventory.cjs", "--list"],
      estate,
      3,
    ),
  );

  if (existsSync(join(REPO_ROOT, "bench", "dns.ts"))) {
    rows.push(
      measure(
        "synth, zone of 5,000 records + 500 hosts",
        node,
        [...tsx, "-e", 'require("./bench/dns.ts").benchDns()'],
        project,
      ),
    );
  }

  // The everyday pull request: a newcomer's one file, tested and checked as CI does (the install aside).
  const pr = onboardingClone();
  rows.push(measure("npm test (one-file onboarding PR)", "npm", ["test", "--silent"], pr, 1));
  const ci = readFileSync(join(pr, ".ci", "run"), "utf8");
  writeFileSync(join(pr, ".ci", "run-no-install"), ci.replace(/^\s*npm ci\b.*$/m, ""));
  rows.push(
    measure(".ci/run without npm ci (one-file onboarding PR)", "bash", [".ci/run-no-install"], pr, 1),
  );

  printTable(rows);
  console.log(
    `\nnpm run synth: ${(cli.seconds / ours.seconds).toFixed(2)}x faster than npx cdktf synth, ${(ours.seconds / floor.seconds).toFixed(2)}x the bundled floor; peak RSS ${(ours.peakMiB / cli.peakMiB).toFixed(2)}x cdktf's`,
  );
  console.log(
    `the generated estate validated in ${estateValidate.cpuSeconds.toFixed(2)} s of CPU (${verdict(estateValidate.cpuSeconds < ESTATE_TARGET_SECONDS)}: under ${ESTATE_TARGET_SECONDS} s)`,
  );
  console.log(`marginal seconds per 1,000 maintainer files (equal = linear): ${marginal.join("; ")}`);
  const [half, full] = [scaled[1], scaled[2]];
  console.log(
    `5,000 → 10,000 maintainers: synth ${(full.synth / half.synth).toFixed(2)}x the time, ${(full.synthMiB / half.synthMiB).toFixed(2)}x the peak memory (linear: at most 2.1x)`,
  );
  progress("GitHub API reads of one plan");
  console.log("GitHub API reads of one plan, from this cost table (bench/refresh-cost.ts):");
  console.log(refreshCostTable());
  for (const line of refreshCostReport()) console.log(`  ${line}`);
  console.log(await benchHostileCorpus(progress));
  progress("the data-only install (npm ci --omit=dev)");
  console.log(benchLightInstall());
}

/**
 * `args` read (node's parseArgs): whether to print the help, and the baseline ref (`--baseline
 * <ref>`, else BENCH_BASELINE, else the previous commit); bad usage is a UsageError in one line.
 */
function optionsOf(args: string[]): { help: boolean; baseline: string } {
  let values: { help?: boolean; baseline?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { help: { type: "boolean", short: "h" }, baseline: { type: "string" } },
    }));
  } catch (error) {
    const [reason] = (error as Error).message.split("\n");
    throw new UsageError(`${reason} (expected --baseline <git-ref>, or --help)`);
  }
  if (values.baseline === "") throw new UsageError("--baseline needs a git ref (e.g. --baseline main)");
  return {
    help: values.help === true,
    baseline: values.baseline ?? (process.env.BENCH_BASELINE || DEFAULT_BASELINE),
  };
}

try {
  const { help, baseline } = optionsOf(process.argv.slice(2));
  if (help) process.stdout.write(USAGE);
  else void main(baseline).catch(fail);
} catch (error) {
  fail(error);
}

/** A usage error (an unknown argument or ref) in one line and exit 2; anything else as it is. */
function fail(error: unknown): void {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exitCode = 2;
}

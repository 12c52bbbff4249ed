/**
 * `npm run plan-fingerprint -- <plan.json>...`: one `<stack> <fingerprint>` line per plan, in the
 * order given: a keyed hash of every change the plan makes (review/plan/fingerprint.ts), which
 * apply.yml compares with the one the pull request's plan comment recorded. The key is read from
 * PLAN_FINGERPRINT_KEY; without it nothing is printed.
 */
import { Command as Program } from "commander";
import {
  FINGERPRINT_KEY_VARIABLE,
  fingerprintKey,
  type PlanInput,
  planFingerprint,
  readPlanFiles,
} from "../review/plan";
import { type Command, parseArgs } from "./command";
import { planInputs, withPlanFiles } from "./plan-files";

export const planFingerprintCommand: Command = (args, io) => {
  const program = withPlanFiles(
    new Program("plan-fingerprint").description(
      "Print the fingerprint of each Terraform plan (terraform show -json output, one file per stack): " +
        `an HMAC-SHA256 of every change, under the key in ${FINGERPRINT_KEY_VARIABLE}.`,
    ),
  );
  const options = parseArgs<{ stack: PlanInput[] }>(program, args, io);
  const inputs = planInputs(program, options.stack, io);
  const key = fingerprintKey(io.env[FINGERPRINT_KEY_VARIABLE]);
  const lines = readPlanFiles(inputs).map(
    ({ input, text }) => `${input.stack} ${planFingerprint(text, input.stack, key)}\n`,
  );
  io.out(lines.join(""));
  return 0;
};

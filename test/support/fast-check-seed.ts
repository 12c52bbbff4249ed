/**
 * Loaded first into every process `npm test` starts: the property tests draw their inputs from the
 * seed test/run.ts chose (FC_SEED), so whether the suite passes depends on the code alone, never on
 * the run; with FC_SEED=random, and in a file run alone with `node --test`, from a fresh seed each.
 */
import fc from "fast-check";

const seed = process.env.FC_SEED ?? "random";
if (seed !== "random") fc.configureGlobal({ seed: Number(seed) });

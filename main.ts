/** The app `npm run synth` and `cdktf synth` run: Void's estate, synthesized (see cli/synth.ts). */
import { synth } from "./cli/synth";
import { VOID_ESTATE } from "./estate";
import { main } from "./lib/cli";

main(synth(VOID_ESTATE));

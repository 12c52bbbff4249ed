/** The app `npm run synth` and `cdktf synth` run: Void's estate, synthesized (see cli/synth.ts). */

import { VOID_APP } from "./app/void";
import { main } from "./cli/command";
import { synth } from "./cli/synth";

main(synth(VOID_APP));

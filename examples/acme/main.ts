/**
 * `node --import tsx examples/acme/main.ts` (or compiled, `node main.js`): synthesizes the example
 * into cdktf.out beside this file, or into `CDKTF_OUTDIR`.
 */
import { join } from "node:path";
import { acmeApp } from "./app";
import { acmeOrganization } from "./people";

acmeApp(process.env.CDKTF_OUTDIR ?? join(__dirname, "cdktf.out"), acmeOrganization(__dirname)).synth();

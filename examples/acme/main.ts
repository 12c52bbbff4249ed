/** `node --import tsx examples/acme/main.ts`: synthesizes the example into examples/acme/cdktf.out. */
import { join } from "node:path";
import { acmeApp } from "./app";
import { acmeOrganization } from "./people";

acmeApp(
  process.env.CDKTF_OUTDIR ?? join(import.meta.dirname, "cdktf.out"),
  acmeOrganization(import.meta.dirname),
).synth();

/** `npm run validate`: checks every data file and reports every problem, writing nothing. */
import { runCli } from "../lib/cli";
import { loadInputs } from "../lib/inputs";
import { printWarnings } from "../lib/report";

runCli(() => {
  const { roster, warnings } = loadInputs();
  printWarnings(warnings);
  const owners = roster.people.filter((p) => p.orgOwner).length;
  console.log(`ok: ${roster.people.length} maintainers, ${owners} org owners`);
});

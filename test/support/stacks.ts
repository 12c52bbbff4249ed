import { stateBackendFromEnv } from "../../lib/backend";
import { HashistackStack } from "../../stacks/hashistack";
import { TlsStack } from "../../stacks/tls";
import { ADOPTION_ESTATE } from "./app";
import { testApp } from "./synth";

/** The hashistack and tls stacks from the adoption estate, in one app (tls uses hashistack's namespaces). */
export function adoptionStacks(): { hashistack: HashistackStack; tls: TlsStack } {
  const app = testApp();
  const { state } = ADOPTION_ESTATE;
  const settings = (stack: string) => ({
    key: state.keys[stack] ?? stack,
    backend: stateBackendFromEnv({}, state.httpBaseUrl),
  });
  const hashistack = new HashistackStack(app, "hashistack", {
    hashistack: ADOPTION_ESTATE.hashistack,
    state: settings("hashistack"),
  });
  const tls = new TlsStack(app, "tls", {
    tls: ADOPTION_ESTATE.tls,
    namespaces: hashistack.namespaces,
    state: settings("tls"),
  });
  return { hashistack, tls };
}

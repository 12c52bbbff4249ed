import { VOID_ESTATE } from "../estate";
import { adoptVoidState } from "../migration";
import type { AppSpec } from "./app";

/** Void's app: its estate, adopting the state of its hand-written Terraform roots. */
export const VOID_APP: AppSpec = { estate: VOID_ESTATE, adopt: adoptVoidState };

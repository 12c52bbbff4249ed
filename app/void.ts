import { adoptVoidState } from "../migration";
import type { AppSpec } from "./app";

/** Void's app: the checkout's data, adopting the state of Void's hand-written Terraform roots. */
export const VOID_APP: AppSpec = { adopt: adoptVoidState };

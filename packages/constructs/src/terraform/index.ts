/**
 * Terraform itself: addresses derived from data, where state lives, `moved`/`import` blocks for
 * adopting an older state, HCL rendering, registry modules, and names declared across an app.
 */
export { checkDeclared, type Declaration, declare } from "./declarations";
export { dependOn } from "./depends-on";
export { type HclBlock, type HclBody, type HclMap, type HclValue, renderHcl } from "./hcl";
export { localStatePath, relativeDefaultState } from "./local-state";
export { claimLogicalId, logicalId, pathId } from "./logical-id";
export { type ModuleProvided, RegistryModule, type RegistryModuleProps } from "./registry-module";
export { configureState, type StateBackend, type StateSettings } from "./state-backend";
export { addressOf, addStateMigration, type StateMigration, setRenames } from "./state-migration";

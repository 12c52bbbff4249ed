/** The one model of a change and its sentences, shared by the review diff and the plan summary. */
export { type MachineFacts, type ReviewContext, reviewContextOf } from "./context";
export { DESCRIBERS, describeChanges, type Sides } from "./describe";
export { ARTIFACT_DESCRIBERS } from "./describers/artifacts";
export { ruleDiff } from "./describers/policy";
export type { OutputView } from "./describers/shared";
export * from "./model";

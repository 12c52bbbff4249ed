import { isRecord } from "../../runtime/values";
import type { WorkflowCheck } from "./context";

/** Top level: `permissions` is declared and grants at most read. Jobs widen it one scope at a time. */
export const permissionsDeclared: WorkflowCheck = ({ source, data }) => {
  const permissions = data.permissions;
  if (permissions === undefined) {
    return [
      source.diagnostic(
        [],
        "declares no top-level permissions (expected permissions: {} or read-only scopes)",
      ),
    ];
  }
  if (typeof permissions === "string" || !isRecord(permissions)) {
    return [
      source.diagnostic(
        ["permissions"],
        `is ${JSON.stringify(permissions)} (expected {} or read-only scopes)`,
      ),
    ];
  }
  return Object.entries(permissions)
    .filter(([, level]) => !["read", "none"].includes(String(level).toLowerCase()))
    .map(([scope, level]) =>
      source.diagnostic(
        ["permissions", scope],
        `is ${String(level)} at the top level (expected read or none; widen it in the job that needs it)`,
      ),
    );
};

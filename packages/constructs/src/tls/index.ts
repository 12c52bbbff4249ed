export * from "./acme-certificate";

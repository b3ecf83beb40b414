export * from "./audit.js";
export * from "./auth.js";
export * from "./directory.js";

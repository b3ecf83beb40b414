export * from "./audit.js";
export * from "./auth.js";
export * from "./directory.js";
export * from "./faq.js";
export * from "./news.js";
export * from "./pages.js";
export * from "./publications.js";
export * from "./roadmap.js";

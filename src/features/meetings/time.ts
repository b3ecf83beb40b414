// Temporary: moved to src/domain/time-zones.ts; removed once every importer points there.
export * from "../../domain/time-zones.js";

// Temporary: moved to src/domain/icalendar.ts; removed once every importer points there.
export * from "../../domain/icalendar.js";

import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { Logger } from "./http/logger.js";
import type { PageCache } from "./http/page-cache.js";

/** What use cases and handlers need from the outside world, passed explicitly. */
export type Deps = {
  db: Db;
  config: Config;
  cache: PageCache;
  log: Logger;
  now: () => Date;
};

// First: imports run in order, and this one starts what a server can start before the rest has loaded.
import "./early.js";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { openDatabase, prepareTemplate } from "../db/client.js";
import { announceInvalidation } from "../db/control.js";
import type { Deps } from "../deps.js";
import { readDataset, seedDataset } from "../features/dataset/dataset.seed.js";
import { findPersonByEmail } from "../features/directory/directory.queries.js";
import { createPerson, updatePerson } from "../features/directory/people.service.js";
import { reportCommand } from "../features/reports/reports.cli.js";
import { missionsCommand } from "../features/roadmap/import/missions.cli.js";
import { deleteDemoData, loadDemoData } from "../features/technology/demo.seed.js";
import { resetTwoFactor } from "../features/two-factor/reset.service.js";
import { systemActor } from "../http/actor.js";
import { AppError } from "../http/errors.js";
import { createLogger } from "../http/logger.js";
import { PageCache } from "../http/page-cache.js";
import { main as serve } from "../main.js";
import { backupCommand, restoreCommand } from "./backup.cli.js";

const usage = `Usage: isecg <command>

Commands:
  serve                       run the platform (same as npm start)
  prepare                     make the server bundle and the embedded database's migrated template
                              (npm ci does this; either is otherwise made when first needed)
  migrate                     apply database migrations
  seed                        load the dataset (idempotent: existing records are kept)
  seed --demo [--remove]      load (or remove) the labelled demonstration capabilities and technology
                              needs; they never mix with agencies' real figures
  user add --name NAME --email EMAIL --role ROLE [--role ROLE] [--org ACRONYM] [--password PASSWORD]
                              add a person who can sign in; roles: member, focal_point, chair, secretariat.
                              Without --password a strong one is generated and printed once.
  user password --email EMAIL [--password PASSWORD]
                              set a new password (signs the person out everywhere)
  user reset-two-factor EMAIL
                              remove a person's authenticator app, passkeys and recovery codes (a lost
                              phone); they sign in with the password and set up a new factor
  import missions FILE [--dry-run] [--format csv|json]
                              add and update missions from a CSV or JSON file (matched by slug; none
                              deleted); all rows or none; --dry-run only reports every bad row
  export missions [--format csv|json] [--out FILE]
                              every mission as CSV (default) or JSON, to FILE or standard output
  report YEAR [--format html|md|pdf|json] [--out FILE] [--as-of DATE] [--statistics]
                              the year's annual report: the published edition, else the current
                              draft; --as-of lists the members on that day (recomputed from records)
  backup FILE                 write a consistent backup of the database, uploaded files included
                              (gzip'd JSON lines); safe while the platform runs
  restore FILE                restore a backup into an empty database or an empty DATA_DIR

Configuration comes from the environment (DATABASE_URL, DATA_DIR, ...); see the README.`;

/**
 * Opens the database for one command. An embedded data directory that a running server (or another
 * command) owns is reached through that process's socket, never opened a second time.
 */
async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const command = process.argv[2] ?? "command";
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    command,
    joinOwner: true,
  });
  try {
    await database.migrate();
    const deps: Deps = {
      db: database.db,
      config,
      cache: new PageCache(),
      log: createLogger("warn"),
      now: () => new Date(),
    };
    // Servers sharing a PostgreSQL server drop the pages this command makes stale (the owner of an
    // embedded directory does so by itself for writes through its socket).
    const { pool } = database;
    if (pool && !database.via)
      deps.cache.onInvalidate((staleness) => announceInvalidation(pool, deps.log, staleness));
    return await fn(deps);
  } finally {
    await database.close();
  }
}

const newPassword = () => randomBytes(15).toString("base64url");

async function user(args: string[]) {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      email: { type: "string" },
      role: { type: "string", multiple: true },
      org: { type: "string" },
      password: { type: "string" },
    },
  });
  const password = values.password ?? newPassword();
  await withDeps(async (deps) => {
    if (sub === "add") {
      const person = await createPerson(deps, systemActor("command line"), {
        name: values.name ?? "",
        email: values.email ?? "",
        organisation: values.org,
        roles: values.role ?? [],
        active: true,
        password,
      });
      console.log(`Added ${person.name} <${person.email}> as ${person.roles.join(", ")}.`);
    } else if (sub === "password") {
      const found = await findPersonByEmail(deps.db, values.email ?? "");
      if (!found) throw new AppError("not_found", `Nobody has the e-mail address ${values.email}.`);
      const org = found.organisationId
        ? (
            await deps.db.query.organisations.findFirst({
              where: (o, { eq }) => eq(o.id, found.organisationId!),
            })
          )?.acronym
        : undefined;
      await updatePerson(deps, systemActor("command line"), found.id, {
        name: found.name,
        email: found.email,
        organisation: org,
        jobTitle: found.jobTitle ?? undefined,
        roles: found.roles,
        active: found.active,
        password,
      });
      console.log(`Set a new password for ${found.email}.`);
    } else if (sub === "reset-two-factor") {
      const email = positionals[0] ?? values.email ?? "";
      const found = await findPersonByEmail(deps.db, email);
      if (!found) throw new AppError("not_found", `Nobody has the e-mail address ${email}.`);
      await resetTwoFactor(deps, systemActor("command line"), found.id);
      console.log(
        `Reset the second factors of ${found.email}: they sign in with their password and set up a new one.`,
      );
      return;
    } else {
      throw new Error(`Unknown user command "${sub ?? ""}".\n\n${usage}`);
    }
    if (!values.password) console.log(`Password: ${password}\n(shown once; change it after signing in)`);
  });
}

/** `seed --demo`: the demonstration technology dataset, generated deterministically; `--remove` deletes it. */
function seedDemo(remove: boolean) {
  return withDeps(async (deps) => {
    const actor = systemActor("command line");
    const r = remove ? await deleteDemoData(deps, actor) : await loadDemoData(deps, actor);
    console.log(
      `${remove ? "Removed" : "Loaded"} the demonstration dataset: ${r.capabilities} capabilities and ${r.needs} technology needs${remove ? "; real records are untouched" : " (labelled as demonstration data, never mixed with real records)"}.`,
    );
  });
}

async function run(argv: string[]) {
  const [command, ...args] = argv;
  switch (command) {
    case "serve":
      return serve();
    case "prepare":
      await prepareTemplate();
      return console.log("The server bundle and the embedded database's template are ready.");
    case "migrate":
      await withDeps(async () => {});
      return console.log("Migrations applied.");
    case "seed":
      if (args.includes("--demo")) return seedDemo(args.includes("--remove"));
      return withDeps(async (deps) => {
        const report = await seedDataset(deps, await readDataset(deps.config.datasetDir));
        console.log(
          `Dataset loaded: ${report.organisationsAdded} organisations and ${report.chairTermsAdded} chair terms added${report.forumAdded ? ", forum settings added" : ""}.`,
        );
      });
    case "user":
      return user(args);
    case "import":
    case "export":
      if (args[0] === "missions") return withDeps((deps) => missionsCommand(deps, command, args.slice(1)));
      throw new Error(`Unknown ${command} "${args[0] ?? ""}".\n\n${usage}`);
    case "report":
      return withDeps((deps) => reportCommand(deps, args));
    case "backup":
      return withDeps((deps) => backupCommand(deps, args));
    case "restore":
      return withDeps((deps) => restoreCommand(deps, args));
    default:
      console.log(usage);
      if (command && command !== "help" && command !== "--help") process.exitCode = 2;
  }
}

run(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof AppError) {
    console.error(`Error: ${e.message}`);
    for (const [field, message] of Object.entries(e.fields ?? {})) console.error(`  ${field}: ${message}`);
  } else console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

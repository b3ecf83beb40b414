import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.js";

// Decision 0008: what the embedded database is started with, for memory and for start time.
it("the embedded database runs with small shared buffers and does not zero-fill new WAL files", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "isecg-embedded-settings-"));
  const database = await openDatabase({ dataDir, command: "test" });
  try {
    const setting = async (name: string) =>
      ((await database.db.execute(sql.raw(`show ${name}`))) as unknown as { rows: Record<string, string>[] })
        .rows[0]?.[name];
    expect(await setting("shared_buffers")).toBe("8MB");
    expect(await setting("wal_init_zero")).toBe("off");
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

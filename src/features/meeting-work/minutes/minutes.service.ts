import { and, eq } from "drizzle-orm";
import { meetingMinutes } from "../../../db/schema/index.js";
import type { Deps } from "../../../deps.js";
import type { Actor } from "../../../http/actor.js";
import { AppError, forbidden, invalid, notFound } from "../../../http/errors.js";
import { parseInput } from "../../../http/validation.js";
import { write } from "../../../kit/write.js";
import { findMeetingBySlug } from "../../meetings/meetings.queries.js";
import { canApproveMinutesAt } from "../meeting-work.policy.js";
import { approvalInput, minutesInput } from "../meeting-work.schemas.js";
import { loadManagedMeetingWork } from "../meeting-work.service.js";
import { listMinutes, type MinutesVersion } from "./minutes.queries.js";

/** Where the minutes stand: none yet, the latest version approved, or a draft (maybe after an approval). */
export type MinutesStatus =
  | { kind: "none" }
  | { kind: "approved"; latest: MinutesVersion }
  | { kind: "draft"; latest: MinutesVersion; lastApproved: MinutesVersion | null };

/** The status of minutes from their versions (newest first). */
export function minutesStatus(versions: MinutesVersion[]): MinutesStatus {
  const [latest] = versions;
  if (!latest) return { kind: "none" };
  if (latest.approvedAt) return { kind: "approved", latest };
  return { kind: "draft", latest, lastApproved: versions.find((v) => v.approvedAt) ?? null };
}

/** Saves the minutes as a new version; earlier versions are never changed. */
export async function createMinutesVersion(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const { text } = parseInput(minutesInput, raw);
  const [latest] = await listMinutes(deps.db, m.id);
  if (latest && latest.text === text.trim())
    throw invalid({ text: "This is the same as the latest version; change something first." });
  return write(
    deps,
    actor,
    async (tx, audit) => {
      const [row] = await tx
        .insert(meetingMinutes)
        .values({
          meetingId: m.id,
          version: (latest?.version ?? 0) + 1,
          text,
          authorId: actor.kind === "person" ? actor.id : null,
          authorName: actor.kind === "person" ? actor.name : "system",
          createdAt: deps.now(),
        })
        .returning();
      await audit({
        action: "minutes.version",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Saved version ${row!.version} of the minutes of ${m.title}`,
      });
      return row!;
    },
    { invalidatesPages: false },
  );
}

/**
 * Records that the latest version was approved at a later meeting; that version is frozen as
 * approved, and any later version is a draft again until approved in turn.
 */
export async function approveMinutes(deps: Deps, actor: Actor, slug: string, raw: unknown) {
  const m = await loadManagedMeetingWork(deps, actor, slug);
  const input = parseInput(approvalInput, raw);
  const at = await findMeetingBySlug(deps.db, input.approvingMeeting);
  if (!at) throw invalid({ approvingMeeting: "Choose a meeting from the list." });
  if (!canApproveMinutesAt(actor, m, at))
    throw invalid({
      approvingMeeting: "Minutes are approved at a later meeting: choose one that starts after this one.",
    });
  const [latest] = await listMinutes(deps.db, m.id);
  if (!latest) throw notFound("The minutes");
  if (input.version !== null && input.version !== latest.version)
    throw new AppError("conflict", `Version ${latest.version} is the latest; approve that one.`);
  if (latest.approvedAt) throw new AppError("conflict", `Version ${latest.version} is already approved.`);
  if (actor.kind !== "person") throw forbidden();
  await write(
    deps,
    actor,
    async (tx, audit) => {
      await tx
        .update(meetingMinutes)
        .set({
          approvedAtMeetingId: at.id,
          approvedById: actor.id,
          approvedByName: actor.name,
          approvedAt: deps.now(),
        })
        .where(and(eq(meetingMinutes.id, latest.id)));
      await audit({
        action: "minutes.approve",
        subjectType: "meeting",
        subjectId: m.id,
        summary: `Minutes of ${m.title} (version ${latest.version}) approved at ${at.title}`,
      });
    },
    { invalidatesPages: false },
  );
  return { version: latest.version, approvingMeeting: at.slug };
}

import { expect } from "vitest";
import {
  agendaItemFiles,
  agendaItems,
  meetingDecisions,
  meetingMinutes,
  meetingRegistrations,
  meetingSessions,
  meetings,
} from "../../src/db/schema/index.js";
import type { Deps } from "../../src/deps.js";
import { storeFile } from "../../src/features/publications/publications.files.service.js";
import type { Person } from "../../src/http/actor.js";
import { CSRF_COOKIE, csrfTokenFor } from "../../src/http/csrf.js";
import { createSession, SESSION_COOKIE } from "../../src/http/sessions.js";
import { browser, makePerson } from "./actors.js";
import type { TestContext } from "./database.js";
import { makePdf } from "./pdf.js";

/** A hybrid SAM meeting in 2031 (tests run on 10 January 2031) with a video link. */
export const plannedMeeting = {
  title: "Senior Agency Managers meeting 2031",
  kind: "sam_meeting",
  host: "ESA",
  place: "ESTEC, Noordwijk, Netherlands",
  start: "2031-03-29T09:00",
  end: "2031-03-30T17:00",
  timeZone: "Europe/Amsterdam",
  mode: "hybrid",
  videoUrl: "https://video.example.org/room-4711",
  public: "on",
};
export const plannedSlug = "2031-03-29-senior-agency-managers-meeting-2031";

/** The secretariat's browser after planning `plannedMeeting` (or another meeting). */
export async function planMeeting(t: TestContext, meeting: Record<string, string> = plannedMeeting) {
  const sec = await browser(t.deps, t.app, await makePerson(t.deps, ["secretariat"], null));
  const res = await sec.post("/private/meetings/new", meeting);
  expect(res.status, await res.clone().text()).toBe(303);
  return sec;
}

/** Posts a multipart form with a file as this person, CSRF field included, like a browser would. */
export async function uploadAs(
  t: TestContext,
  person: Person,
  path: string,
  file: { name: string; type: string; bytes: Uint8Array },
) {
  const nonce = "upload-nonce";
  const token = await createSession(t.deps.db, person.id, t.deps.now(), {});
  const form = new FormData();
  form.append("_csrf", csrfTokenFor(t.deps.config.sessionSecret, nonce));
  form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return t.app.request(path, {
    method: "POST",
    headers: { cookie: `${CSRF_COOKIE}=${nonce}; ${SESSION_COOKIE}=${token}` },
    body: form,
  });
}

/** The cookie header of a signed-in browser, for requests that need their own headers (ranges, ETags). */
export async function sessionCookie(t: TestContext, person: Person) {
  return `${SESSION_COOKIE}=${await createSession(t.deps.db, person.id, t.deps.now(), {})}`;
}

/**
 * A meeting for the access matrix, starting in 2031 so registration is open: one session, one
 * agenda item with a stored PDF, one registration (of `registrant`), decision D1, minutes version 1, and a
 * later meeting ("matrix-later") to approve them at.
 */
export async function makeMatrixMeeting(deps: Deps, registrant: Person) {
  const base = {
    kind: "sam_meeting" as const,
    timeZone: "UTC",
    mode: "hybrid" as const,
    videoUrl: "https://video.example.org/matrix",
  };
  const [m] = await deps.db
    .insert(meetings)
    .values([
      {
        ...base,
        slug: "matrix-meeting",
        title: "Matrix meeting",
        startsAt: new Date("2031-05-01T09:00Z"),
        endsAt: new Date("2031-05-01T17:00Z"),
      },
      {
        ...base,
        slug: "matrix-later",
        title: "Matrix later",
        startsAt: new Date("2031-11-01T09:00Z"),
        endsAt: new Date("2031-11-01T17:00Z"),
      },
    ])
    .returning();
  const [item] = await deps.db
    .insert(agendaItems)
    .values({ meetingId: m!.id, position: 1, title: "Matrix item" })
    .returning();
  const bytes = await makePdf(["Matrix slides"]);
  const sha256 = await storeFile(deps.db, bytes);
  const [file] = await deps.db
    .insert(agendaItemFiles)
    .values({
      agendaItemId: item!.id,
      sha256,
      name: "matrix.pdf",
      type: "application/pdf",
      size: bytes.byteLength,
    })
    .returning();
  const [reg] = await deps.db
    .insert(meetingRegistrations)
    .values({ meetingId: m!.id, personId: registrant.id, attendance: "virtual" })
    .returning();
  await deps.db.insert(meetingDecisions).values({ meetingId: m!.id, number: 1, text: "Matrix decision." });
  await deps.db
    .insert(meetingMinutes)
    .values({ meetingId: m!.id, version: 1, text: "Matrix minutes.", authorName: "test" });
  const [session] = await deps.db
    .insert(meetingSessions)
    .values({
      meetingId: m!.id,
      title: "Matrix session",
      startsAt: new Date("2031-05-01T09:00Z"),
      endsAt: new Date("2031-05-01T10:00Z"),
    })
    .returning();
  return {
    item: String(item!.id),
    file: String(file!.id),
    registration: String(reg!.id),
    session: String(session!.id),
  };
}

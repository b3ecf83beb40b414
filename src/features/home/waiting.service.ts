import { count, eq, min } from "drizzle-orm";
import { outbox } from "../../db/schema/index.js";
import type { Deps } from "../../deps.js";
import { localStartDay } from "../../domain/time-zones.js";
import { type Actor, hasRole, type Person } from "../../http/actor.js";
import { plural } from "../../web/words.js";
import { agencyInboxItems, secretariatInboxFactItems } from "./inbox-facts.service.js";
import {
  chairedGroupIds,
  deliverablesDue,
  dispositionsToAnswer,
  dispositionsToRespond,
  draftsInReview,
  meetingsToRegister,
  openActions,
  openProposals,
  positionsToConfirm,
  productPath,
  productsLedBy,
  roundsClosingSoon,
  roundsWithoutPosition,
  staleRecords,
  unsubmittedDrafts,
  type WaitingItem,
} from "./waiting.queries.js";

/** What the home page lists: the person's and agency's items, and the secretariat's and a chair's. */
export type Waiting = { mine: WaitingItem[]; secretariat: WaitingItem[] | null; chair: WaitingItem[] | null };

const DAY = 86_400_000;
const daysLeft = (due: Date, now: Date) => {
  const n = Math.max(0, Math.ceil((due.getTime() - now.getTime()) / DAY));
  return n === 0 ? "closes today" : `${plural(n, "day")} left`;
};
const endOfDay = (iso: string) => new Date(`${iso}T23:59:59Z`);

/** How many things a list of waiting items stands for (a summary line counts what it sums up). */
export const waitingCount = (items: WaitingItem[]) => items.reduce((n, i) => n + (i.stands ?? 1), 0);

/** Oldest first; what is overdue goes before anything else. */
export const byUrgency = (a: WaitingItem, b: WaitingItem) =>
  Number(b.overdue) - Number(a.overdue) || a.since.getTime() - b.since.getTime();

/** Everything waiting on a signed-in person, by their roles (a visitor has nothing). */
export async function waitingFor(deps: Deps, actor: Actor): Promise<Waiting> {
  if (actor.kind !== "person") return { mine: [], secretariat: null, chair: null };
  const [mine, secretariat, chair] = await Promise.all([
    personalItems(deps, actor),
    hasRole(actor, "secretariat") ? secretariatItems(deps) : null,
    hasRole(actor, "chair") ? chairItems(deps, actor) : null,
  ]);
  return {
    mine: mine.sort(byUrgency),
    secretariat: secretariat?.sort(byUrgency) ?? null,
    chair: chair?.sort(byUrgency) ?? null,
  };
}

async function personalItems(deps: Deps, me: Person): Promise<WaitingItem[]> {
  const { db } = deps;
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const org = me.organisationId;
  const focal = hasRole(me, "focal_point") && org !== null;
  const [rounds, drafts, actions, proposals, meetingList, stale, confirm, answers, inbox] = await Promise.all(
    [
      org === null ? [] : roundsWithoutPosition(db, org, now),
      org === null ? [] : unsubmittedDrafts(db, org, focal ? null : me.id, now),
      openActions(db, { personId: me.id, orgId: org }, today),
      focal ? openProposals(db, org) : [],
      meetingsToRegister(db, me.id, org, now),
      focal ? staleRecords(db, org, now) : { staleMissions: [], staleCapabilities: [] },
      focal ? positionsToConfirm(db, org) : [],
      focal ? dispositionsToRespond(db, org) : [],
      focal ? agencyInboxItems(db, org, me.organisationAcronym ?? "") : [],
    ],
  );
  const items: WaitingItem[] = [...inbox];
  for (const d of answers)
    items.push({
      kind: "disposition",
      title: `${plural(d.count, "disposition")} of ${me.organisationAcronym}'s comments to accept or contest in round ${d.round} of ${d.title}`,
      detail: "Answer each disposition",
      href: productPath(d.slug, `/rounds/${d.round}`),
      since: d.oldest,
      due: null,
      overdue: false,
    });
  for (const r of confirm)
    items.push({
      kind: "position",
      title: `Confirm or change ${me.organisationAcronym}'s position in round ${r.number} of ${r.title}`,
      detail: `Comments ${r.dependsOn.join(", ")} now have dispositions; ${daysLeft(r.deadline, now)}`,
      href: productPath(r.slug, `/rounds/${r.number}/position`),
      since: r.since,
      due: r.deadline,
      overdue: false,
    });
  for (const r of rounds)
    items.push({
      kind: "position",
      title: r.reconfirm
        ? `Re-confirm ${me.organisationAcronym}'s position in round ${r.number} of ${r.title}`
        : `Review round ${r.number} of ${r.title}: ${me.organisationAcronym} has no position yet`,
      detail: r.reconfirm
        ? `The sections ${me.organisationAcronym} commented on changed; ${daysLeft(r.deadline, now)}`
        : daysLeft(r.deadline, now),
      href: productPath(r.slug, `/rounds/${r.number}`),
      since: r.openedAt,
      due: r.deadline,
      overdue: false,
    });
  const moreRounds = (rounds[0]?.total ?? 0) - rounds.length;
  if (moreRounds > 0)
    items.push({
      kind: "position",
      title: `${plural(moreRounds, "more review round")} without ${me.organisationAcronym}'s position`,
      detail: "The oldest are listed above; see every product",
      href: "/private/products",
      since: rounds.at(-1)!.openedAt,
      due: null,
      overdue: false,
      stands: moreRounds,
    });
  for (const d of drafts)
    items.push({
      kind: "draft",
      title: `${plural(d.count, "comment draft")} not submitted in round ${d.round} of ${d.title}`,
      detail: focal
        ? `Submit your agency's comments; ${daysLeft(d.deadline, now)}`
        : daysLeft(d.deadline, now),
      href: productPath(d.slug, `/rounds/${d.round}`),
      since: d.oldest,
      due: d.deadline,
      overdue: false,
    });
  for (const a of actions)
    items.push({
      kind: "action",
      title: `Action ${a.number}: ${a.title}`,
      detail: a.dueOn < today ? `Overdue since ${a.dueOn}` : `Due ${a.dueOn}`,
      href: `/private/actions/${a.number}`,
      since: a.createdAt,
      due: endOfDay(a.dueOn),
      overdue: a.dueOn < today,
    });
  for (const p of proposals)
    items.push({
      kind: "proposal",
      title: `${p.by ?? "A partner"} proposes a change to ${p.mission}`,
      detail: "Accept or decline it",
      href: "/private/missions/proposals",
      since: p.createdAt,
      due: null,
      overdue: false,
    });
  for (const m of meetingList)
    items.push({
      kind: "meeting",
      title: `Registration is open: ${m.title}`,
      detail: `Starts ${localStartDay(m)}`,
      href: `/private/meetings/${m.slug}`,
      since: m.createdAt,
      due: m.startsAt,
      overdue: false,
    });
  for (const s of stale.staleMissions)
    items.push({
      kind: "stale",
      title: `Mission ${s.name} not updated for over a year`,
      detail: `Last updated ${s.updatedAt.toISOString().slice(0, 10)}`,
      href: `/private/missions/${s.slug}/edit`,
      since: s.updatedAt,
      due: null,
      overdue: false,
    });
  for (const s of stale.staleCapabilities)
    items.push({
      kind: "stale",
      title: `Capability ${s.code} ${s.name} not updated for over a year`,
      detail: `Last updated ${s.updatedAt.toISOString().slice(0, 10)}`,
      href: "/private/technology/capabilities",
      since: s.updatedAt,
      due: null,
      overdue: false,
    });
  return items;
}

async function secretariatItems(deps: Deps): Promise<WaitingItem[]> {
  const { db } = deps;
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const [closing, overdue, answers, [failures], inboxFacts] = await Promise.all([
    roundsClosingSoon(db, now),
    openActions(db, "all", today),
    dispositionsToAnswer(db, "all"),
    db
      .select({ n: count(), oldest: min(outbox.createdAt) })
      .from(outbox)
      .where(eq(outbox.status, "failed")),
    secretariatInboxFactItems(db, now),
  ]);
  const items: WaitingItem[] = closing.map((r) => ({
    kind: "round_closing",
    title: `Review round ${r.number} of ${r.title} closes soon`,
    detail: `${daysLeft(r.deadline, now)}; ${r.silent.length ? `no position yet from ${r.silent.join(", ")}` : "every agency has answered"}`,
    href: productPath(r.slug, `/rounds/${r.number}`),
    since: r.openedAt,
    due: r.deadline,
    overdue: false,
  }));
  for (const a of overdue)
    items.push({
      kind: "action",
      title: `Action ${a.number} (${a.agency ?? "no agency"}) is overdue: ${a.title}`,
      detail: `Due ${a.dueOn}`,
      href: `/private/actions/${a.number}`,
      since: a.createdAt,
      due: endOfDay(a.dueOn),
      overdue: true,
    });
  items.push(...dispositionItems(answers), ...inboxFacts);
  if (failures && failures.n > 0 && failures.oldest)
    items.push({
      kind: "mail_failure",
      title: `${plural(failures.n, "mail")} could not be delivered`,
      detail: "See the outbox",
      href: "/private/outbox?status=failed",
      since: failures.oldest,
      due: null,
      overdue: false,
    });
  return items;
}

function dispositionItems(rows: Awaited<ReturnType<typeof dispositionsToAnswer>>): WaitingItem[] {
  return rows.map((d) => ({
    kind: "disposition",
    title: `${plural(d.count, "comment")} in round ${d.round} of ${d.title} ${d.count === 1 ? "awaits" : "await"} a disposition`,
    detail: "Answer each comment",
    href: productPath(d.slug, `/rounds/${d.round}`),
    since: d.oldest,
    due: null,
    overdue: false,
  }));
}

async function chairItems(deps: Deps, me: Person): Promise<WaitingItem[]> {
  const { db } = deps;
  const now = deps.now();
  const today = now.toISOString().slice(0, 10);
  const groupIds = (await chairedGroupIds(db, me.id)).map((g) => g.id);
  const [deliverables, drafts, led] = await Promise.all([
    deliverablesDue(db, groupIds, now),
    draftsInReview(db, groupIds),
    productsLedBy(db, groupIds),
  ]);
  const items: WaitingItem[] = deliverables.map((d) => ({
    kind: "deliverable",
    title: `${d.groupName}: ${d.title}`,
    detail: d.dueOn && d.dueOn < today ? `Overdue since ${d.dueOn}` : `Due ${d.dueOn}`,
    href: `/private/groups/${d.group}/workplan`,
    since: d.createdAt,
    due: d.dueOn ? endOfDay(d.dueOn) : null,
    overdue: Boolean(d.dueOn && d.dueOn < today),
  }));
  for (const r of drafts)
    items.push({
      kind: "review",
      title: `${r.title} is in review (round ${r.number})`,
      detail: daysLeft(r.deadline, now),
      href: productPath(r.slug, `/rounds/${r.number}`),
      since: r.openedAt,
      due: r.deadline,
      overdue: false,
    });
  items.push(...dispositionItems(await dispositionsToAnswer(db, led)));
  return items;
}

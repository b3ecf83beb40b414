import type { Db } from "../../db/client.js";
import { localStartDay } from "../../domain/time-zones.js";
import { listOrganisations } from "../directory/directory.queries.js";
import { listGroups } from "../groups/groups.queries.js";
import { listMeetingChoices, listOwnerCandidates } from "./actions.queries.js";

/** The options of the register's filters and forms: agencies, people, groups and meetings. */
export async function actionChoices(db: Db) {
  const [orgs, candidates, groups, meetings] = await Promise.all([
    listOrganisations(db),
    listOwnerCandidates(db),
    listGroups(db),
    listMeetingChoices(db),
  ]);
  return {
    agencies: orgs
      .filter((o) => !o.leftOn)
      .map((o) => ({ value: o.acronym, label: `${o.acronym} · ${o.name}` })),
    people: candidates.map((x) => ({ value: String(x.id), label: `${x.name} (${x.agency})` })),
    groups: groups.map((g) => ({ value: g.slug, label: g.acronym ? `${g.acronym} · ${g.name}` : g.name })),
    meetings: meetings.map((m) => ({
      value: m.slug,
      label: `${localStartDay(m)} · ${m.title}`,
    })),
  };
}

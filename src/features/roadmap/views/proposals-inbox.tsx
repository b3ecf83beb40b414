import type { FormValues } from "../../../kit/forms.js";
import { CsrfField, EmptyState, Notice, PageHeader, TableScroll } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import type { listProposals } from "../roadmap.queries.js";

type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/** The open proposals, each with what it would change and the buttons to accept or decline it. */
export function ProposalsInbox(props: {
  csrf: string;
  notice: string | undefined;
  rows: ProposalRow[];
  secretariat: boolean;
  current: Map<number, FormValues>;
}) {
  const { csrf, rows, secretariat, current } = props;
  return (
    <>
      <PageHeader
        title="Proposals inbox"
        lead={
          secretariat
            ? "Open proposals from partner agencies on every mission."
            : "Open proposals from partner agencies on the missions your agency leads."
        }
      />
      <Notice text={props.notice} />
      {rows.length === 0 ? (
        <EmptyState title="No open proposals." />
      ) : (
        <TableScroll label="Open proposals">
          <table>
            <caption>Open proposals</caption>
            <thead>
              <tr>
                <th scope="col">Mission</th>
                <th scope="col">From</th>
                <th scope="col">Proposed changes</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ proposal: p, missionName, missionSlug }) => (
                <tr>
                  <th scope="row">
                    <a href={`/roadmap/missions/${missionSlug}`}>{missionName}</a>
                  </th>
                  <td>
                    {p.proposedByName}
                    {p.agencyAcronym ? ` (${p.agencyAcronym})` : ""}
                    <div class="small muted">{formatTimestamp(p.createdAt)}</div>
                  </td>
                  <td>
                    {p.note ? <p>{p.note}</p> : null}
                    <ProposedValues proposed={p.proposed} current={current.get(p.missionId)} />
                  </td>
                  <td>
                    <div class="form-actions">
                      <form method="post" action={`/private/missions/proposals/${p.id}/accept`}>
                        <CsrfField token={csrf} />
                        <button type="submit" class="button">
                          Accept<span class="visually-hidden"> the proposal for {missionName}</span>
                        </button>
                      </form>
                      <form method="post" action={`/private/missions/proposals/${p.id}/decline`}>
                        <CsrfField token={csrf} />
                        <button type="submit" class="button button-quiet">
                          Decline<span class="visually-hidden"> the proposal for {missionName}</span>
                        </button>
                      </form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

const asText = (v: unknown) =>
  v === true || v === "on" || v === "true"
    ? "yes"
    : v === false || v == null || v === "false"
      ? ""
      : [v].flat().map(String).join("\n").trim();

/** The fields whose proposed value differs from the mission's current one, before → after. */
function ProposedValues({ proposed, current }: { proposed: Record<string, unknown>; current?: FormValues }) {
  const keys = [...new Set([...Object.keys(proposed), ...Object.keys(current ?? {})])].filter(
    (k) => !["lead", "leadOther", "slug"].includes(k),
  );
  const changed = keys.filter((k) => asText(proposed[k]) !== asText(current?.[k]));
  if (changed.length === 0) return <p class="muted">No field differs from the current record.</p>;
  return (
    <dl class="details small">
      {changed.map((k) => (
        <>
          <dt>{k}</dt>
          <dd>
            <del>{asText(current?.[k]) || "(empty)"}</del> → <ins>{asText(proposed[k]) || "(empty)"}</ins>
          </dd>
        </>
      ))}
    </dl>
  );
}

import { roleLabels } from "../../../http/actor.js";
import { CsrfField, EmptyState, Notice, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { DataTable } from "../../../web/table.js";
import type { listInvitations } from "../invitations.service.js";

type Invitation = Awaited<ReturnType<typeof listInvitations>>[number];

/** The invitations not yet accepted, each to send again or withdraw. */
export function InvitationList(p: {
  rows: Invitation[];
  now: Date;
  notice: string | undefined;
  csrf: string;
}) {
  return (
    <>
      <PageHeader
        title="Invitations"
        lead="People invited who have not yet accepted."
        actions={
          <a class="button" href="/private/invitations/new">
            Invite someone
          </a>
        }
      />
      <Notice text={p.notice} />
      <DataTable
        label="Pending invitations"
        rows={p.rows}
        empty={<EmptyState title="No invitation is waiting." />}
        columns={[
          {
            heading: "Name",
            cell: (r) => (
              <>
                {r.name} <span class="muted">{r.email}</span>
              </>
            ),
          },
          { heading: "Agency", cell: (r) => r.acronym ?? "Secretariat" },
          { heading: "Roles", cell: (r) => r.roles.map((x) => roleLabels[x]).join(", ") },
          { heading: "Sent", cell: (r) => formatTimestamp(r.sentAt) },
          {
            heading: "Link expires",
            cell: (r) => (r.expiresAt < p.now ? "Expired" : formatTimestamp(r.expiresAt)),
          },
          {
            heading: "Actions",
            cell: (r) => (
              <>
                <form method="post" action={`/private/invitations/${r.id}/resend`} class="inline">
                  <CsrfField token={p.csrf} />
                  <button class="button button-small" type="submit">
                    Resend<span class="visually-hidden"> to {r.name}</span>
                  </button>
                </form>{" "}
                <a href={`/private/invitations/${r.id}/withdraw`}>
                  Withdraw…<span class="visually-hidden"> {r.name}'s invitation</span>
                </a>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

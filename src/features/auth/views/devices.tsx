import type { listSessionsOf } from "../../../http/sessions.js";
import { CsrfField, Notice, PageHeader } from "../../../web/components.js";
import { formatTimestamp } from "../../../web/format.js";
import { DataTable } from "../../../web/table.js";
import type { ownTokens } from "../devices.service.js";

type Session = Awaited<ReturnType<typeof listSessionsOf>>[number] & { browser: string };

/** One's sessions, each with a button to end it, and the API tokens one created, each to revoke. */
export function Devices(p: {
  sessions: Session[];
  tokens: Awaited<ReturnType<typeof ownTokens>>;
  notice: string | null;
  csrf: string;
}) {
  return (
    <>
      <PageHeader
        title="Sessions and devices"
        lead="Where you are signed in, and the API tokens you created. End anything you do not recognise."
      />
      <Notice text={p.notice} />
      <DataTable
        label="Sessions"
        rows={p.sessions}
        columns={[
          {
            heading: "Browser",
            cell: (s) => `${s.browser}${s.current ? " (this browser)" : ""}`,
          },
          { heading: "Address", cell: (s) => s.ip ?? "Unknown" },
          { heading: "Signed in", cell: (s) => formatTimestamp(s.createdAt) },
          { heading: "Last seen", cell: (s) => (s.lastSeenAt ? formatTimestamp(s.lastSeenAt) : "—") },
          {
            heading: "Action",
            cell: (s) => (
              <form method="post" action={`/private/account/sessions/${s.id}/end`} class="inline">
                <CsrfField token={p.csrf} />
                <button class="button button-small" type="submit">
                  {s.current ? "Sign out here" : "End"}
                </button>
              </form>
            ),
          },
        ]}
      />
      <h2>API tokens you created</h2>
      {p.tokens.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {p.tokens.map((t) => (
            <li>
              “{t.name}” ({t.prefix}…), created {formatTimestamp(t.createdAt)},{" "}
              {t.lastUsedAt ? `last used ${formatTimestamp(t.lastUsedAt)}` : "never used"}{" "}
              <form method="post" action={`/private/account/tokens/${t.id}/revoke`} class="inline">
                <CsrfField token={p.csrf} />
                <button class="button button-small button-danger" type="submit">
                  Revoke
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

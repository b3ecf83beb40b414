import { DataTable } from "../../../web/table.js";
import type { MeetingListItem } from "../meetings.queries.js";
import { attendanceText, meetingWhen } from "./meeting.js";

/** The private list's table: each meeting with when, attendance and, for the secretariat, its edit links. */
export function MeetingTable(p: { items: MeetingListItem[]; secretariat: boolean }) {
  return (
    <DataTable
      label="Meetings"
      rows={p.items}
      columns={[
        {
          heading: "Meeting",
          cell: (m) => (
            <>
              <a href={`/private/meetings/${m.slug}`}>{m.title}</a>
              {m.public ? null : <span class="muted"> · members only</span>}
            </>
          ),
        },
        { heading: "When", cell: meetingWhen },
        { heading: "Attendance", cell: (m) => attendanceText(m) ?? "—" },
        {
          heading: "Actions",
          headingHidden: true,
          class: "actions",
          cell: (m) =>
            p.secretariat ? (
              <>
                <a href={`/private/meetings/${m.slug}/edit`}>
                  Edit<span class="visually-hidden"> {m.title}</span>
                </a>{" "}
                <a href={`/private/meetings/${m.slug}/attendance`}>
                  Attendance<span class="visually-hidden"> of {m.title}</span>
                </a>
              </>
            ) : null,
        },
      ]}
    />
  );
}

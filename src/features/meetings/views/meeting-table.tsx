import { TableScroll } from "../../../web/components.js";
import type { MeetingListItem } from "../meetings.queries.js";
import { attendanceText, meetingWhen } from "./meeting.js";

/** The private list's table: each meeting with when, attendance and, for the secretariat, its edit links. */
export function MeetingTable(p: { items: MeetingListItem[]; secretariat: boolean }) {
  return (
    <TableScroll label="Meetings">
      <table>
        <caption class="visually-hidden">Meetings</caption>
        <thead>
          <tr>
            <th scope="col">Meeting</th>
            <th scope="col">When</th>
            <th scope="col">Attendance</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((m) => (
            <tr>
              <th scope="row">
                <a href={`/private/meetings/${m.slug}`}>{m.title}</a>
                {m.public ? null : <span class="muted"> · members only</span>}
              </th>
              <td>{meetingWhen(m)}</td>
              <td>{attendanceText(m) ?? "—"}</td>
              <td class="actions">
                {p.secretariat ? (
                  <>
                    <a href={`/private/meetings/${m.slug}/edit`}>
                      Edit<span class="visually-hidden"> {m.title}</span>
                    </a>{" "}
                    <a href={`/private/meetings/${m.slug}/attendance`}>
                      Attendance<span class="visually-hidden"> of {m.title}</span>
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

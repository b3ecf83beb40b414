import { sessionsByDay, sessionTimeRange } from "../../../domain/meeting-sessions.js";
import type { MeetingSession } from "../sessions.queries.js";

/**
 * A meeting's programme: its sessions by day, times local to the meeting with the zone named.
 * Managers get edit and remove links on each session.
 */
export function Programme(p: { sessions: MeetingSession[]; timeZone: string; manageBase?: string }) {
  const days = sessionsByDay(p.sessions, p.timeZone);
  return (
    <>
      {days.map((d) => (
        <section class="programme-day" aria-labelledby={`day-${d.day}`}>
          <h3 id={`day-${d.day}`}>{d.label}</h3>
          <ol class="programme">
            {d.sessions.map((s) => (
              <li id={`session-${s.id}`}>
                <p class="programme-time">{sessionTimeRange(s, p.timeZone)}</p>
                <div class="programme-body">
                  <p class="programme-title">{s.title}</p>
                  {s.place ? <p class="programme-place">{s.place}</p> : null}
                  {s.description ? <p class="programme-text">{s.description}</p> : null}
                  {p.manageBase ? (
                    <p class="small">
                      <a href={`${p.manageBase}/sessions/${s.id}`}>
                        Edit<span class="visually-hidden"> session {s.title}</span>
                      </a>{" "}
                      ·{" "}
                      <a href={`${p.manageBase}/sessions/${s.id}/delete`}>
                        Remove<span class="visually-hidden"> session {s.title}</span>
                      </a>
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

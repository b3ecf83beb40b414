/** The private home's card: what waits in the person's inbox, with plural words right. */
export function InboxCard({ waiting, manage }: { waiting: number; manage: boolean }) {
  const text = manage
    ? waiting === 0
      ? "No new message from the public waits for triage."
      : `${waiting === 1 ? "1 new message" : `${waiting} new messages`} from the public ${waiting === 1 ? "waits" : "wait"} for triage.`
    : waiting === 0
      ? "Your agency has acknowledged everything forwarded to it."
      : `${waiting === 1 ? "1 message" : `${waiting} messages`} forwarded to your agency ${waiting === 1 ? "is" : "are"} not acknowledged yet.`;
  return (
    <article class="card">
      <h2>Inbox</h2>
      <p>{text}</p>
      <p>
        <a href="/private/inbox">Open the inbox</a>
      </p>
    </article>
  );
}

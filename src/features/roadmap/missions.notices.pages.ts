/** The confirmations shown on the private missions pages, by the `done` query parameter. */
export const missionNotices: Record<string, string> = {
  added: "The mission was added.",
  saved: "Your changes were saved; the public roadmap shows them now.",
  proposed: "Your proposal was sent to the lead agency.",
  accepted: "The proposal was accepted and applied.",
  declined: "The proposal was declined.",
};

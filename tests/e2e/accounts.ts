/** The accounts every journey can sign in with. */
export const accounts = {
  secretariat: {
    name: "Sam Secretariat",
    email: "secretariat@e2e.example.org",
    password: "secretariat-password-1",
    /** The secretariat must use two factors: its authenticator app's key (base32), set in global setup. */
    totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
  },
  focalPoint: {
    name: "Fiona Focal",
    email: "focal.esa@e2e.example.org",
    password: "focal-point-password-1",
    organisation: "ESA",
  },
  /** A member of another agency, for journeys that need two agencies (meeting registration). */
  member: {
    name: "Jun Member",
    email: "member.jaxa@e2e.example.org",
    password: "member-password-1",
    organisation: "JAXA",
  },
  /** Focal points of two more agencies, for the consensus journey (three agencies review a draft). */
  jaxaFocal: {
    name: "Kenji Focal",
    email: "focal.jaxa@e2e.example.org",
    password: "jaxa-focal-password-1",
    organisation: "JAXA",
  },
  nasaFocal: {
    name: "Nora Focal",
    email: "focal.nasa@e2e.example.org",
    password: "nasa-focal-password-1",
    organisation: "NASA",
  },
} as const;

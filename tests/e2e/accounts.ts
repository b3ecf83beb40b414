/** The accounts every journey can sign in with. */
export const accounts = {
  secretariat: {
    name: "Sam Secretariat",
    email: "secretariat@e2e.example.org",
    password: "secretariat-password-1",
  },
  focalPoint: {
    name: "Fiona Focal",
    email: "focal.esa@e2e.example.org",
    password: "focal-point-password-1",
    organisation: "ESA",
  },
} as const;

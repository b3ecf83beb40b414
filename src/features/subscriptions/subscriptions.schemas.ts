import { z } from "zod";

/** The subscribe form: one e-mail address. */
export const subscribeInput = z.object({
  email: z
    .string({ error: "Enter your e-mail address." })
    .trim()
    .min(1, "Enter your e-mail address.")
    .max(254, "An e-mail address has at most 254 characters.")
    .pipe(z.email("Enter a valid e-mail address, like name@example.org.")),
});

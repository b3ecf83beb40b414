/** Hides most of an address: `jane@example.org` → `j•••@example.org`. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${address[0]}•••${address.slice(at)}`;
}

/** Blanks out link tokens (confirmation, unsubscribe) so whoever reads a mail cannot act as its recipient. */
export function redactTokens(text: string): string {
  return text.replace(/token=[^\s<>"'&]+/g, "token=[hidden]");
}

/** A mail's text as the secretariat may see it: recipient masked, tokens hidden. */
export function redactMail(text: string, recipient: string): string {
  const masked = recipient ? text.split(recipient).join(maskAddress(recipient)) : text;
  return redactTokens(masked);
}

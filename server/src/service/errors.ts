/**
 * What the logs and messages say of a thrown value: its stack (which starts with the message)
 * when `withStack` and it has one, else its message; anything thrown that is no Error, as a string.
 */
export function errorText(error: unknown, withStack = true): string {
  if (!(error instanceof Error)) return String(error);
  return (withStack ? error.stack : undefined) ?? error.message;
}

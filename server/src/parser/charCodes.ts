/** The character codes the parser and the value splitter look at (`charCodeAt` results). */
export const enum Char {
  // Blanks and line ends.
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32,
  // Comments (`#`, `;`), key and value (`=`), section headers (`[`).
  Hash = 35, Semicolon = 59, Equals = 61, OpenBracket = 91,
  // Placeholders `%(x)`, environment `$(X)` and references `@(x)`.
  Percent = 37, Dollar = 36, At = 64, OpenParen = 40, CloseParen = 41,
}

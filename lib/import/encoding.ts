/**
 * Decoding uploaded spreadsheets. UTF-8 and UTF-16 (with a BOM) are recognised as in documents; a file that is not
 * valid UTF-8 is an 8-bit file, and older Mac exports (UPR Info's CSV among them) are Mac Roman rather than
 * Windows-1252. Both decodings are tried and the one whose non-ASCII characters read like letters inside words wins.
 */
import { decodeTextBytes } from "@/lib/documents/parse";

// Mac Roman 0x80–0xFF.
const MAC_ROMAN_HIGH =
  "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

function decodeMacRoman(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    text += Array.from(bytes.subarray(i, i + 8192), (byte) =>
      byte < 0x80 ? String.fromCharCode(byte) : MAC_ROMAN_HIGH[byte - 0x80]!,
    ).join("");
  }
  return text;
}

/** How much a decoding reads like text: lower-case letters inside words score, odd capitals and controls cost. */
function plausibility(text: string): number {
  let score = 0;
  for (const match of text.matchAll(/(.)?([^\x00-\x7F])(.)?/gsu)) {
    const [, before = "", char = "", after = ""] = match;
    if (/[\u0080-\u009F\uF8FF]/.test(char)) score -= 3;
    else if (/\p{Ll}/u.test(char) && (/\p{L}/u.test(before) || /\p{L}/u.test(after))) score += 1;
    else if (/\p{Lu}/u.test(char) && /\p{Ll}/u.test(before)) score -= 1;
    else if (/[\p{Sm}\p{So}]/u.test(char) && /\p{L}/u.test(before) && /\p{L}/u.test(after)) score -= 1;
  }
  return score;
}

/** Text of an uploaded CSV or JSON file. */
export function decodeImportBytes(bytes: Uint8Array): string {
  const generic = decodeTextBytes(bytes);
  const hasBom = bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe;
  if (hasBom || !bytes.some((byte) => byte >= 0x80)) return generic;
  // decodeTextBytes fell back to Windows-1252 only if the bytes were not UTF-8
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return generic;
  } catch {
    const mac = decodeMacRoman(bytes);
    return plausibility(mac) > plausibility(generic) ? mac : generic;
  }
}

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { printAST } from "@formatjs/icu-messageformat-parser/printer.js";

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((c, i) => [
    c,
    [..."åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"][i]!,
  ]),
);

/** Accents every letter and doubles every third vowel: about 35% longer, still readable, visibly not English. */
function pseudoText(text: string): string {
  let vowels = 0;
  let out = "";
  for (const char of text) {
    const accented = ACCENTED[char] ?? char;
    out += accented;
    if ("aeiouAEIOU".includes(char) && ++vowels % 3 === 0) out += accented;
  }
  return out;
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: pseudoText(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return {
        ...element,
        options: Object.fromEntries(
          Object.entries(element.options).map(([key, option]) => [
            key,
            { ...option, value: transform(option.value) },
          ]),
        ),
      };
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) };
    return element;
  });
}

/** One message in the pseudo-locale: placeholders, plurals and tags kept, only the words changed. */
export function pseudoMessage(message: string): string {
  const ast = parse(message, { ignoreTag: false });
  return `⟦${printAST(transform(ast))}⟧`;
}

type Catalogue = { [key: string]: string | Catalogue };

export function pseudoCatalogue(messages: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [
      key,
      typeof value === "string" ? pseudoMessage(value) : pseudoCatalogue(value),
    ]),
  );
}

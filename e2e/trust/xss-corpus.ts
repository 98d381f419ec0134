/**
 * Stored-XSS corpus (trust item 5): templates × breakout prefixes, each payload tagged with its own
 * marker `window.__xss_<n>`, so an execution names the payload that ran.
 */
const TEMPLATES: ((js: string, n: number) => string)[] = [
  (js) => `<script>${js}</script>`,
  (js) => `<SCRIPT>${js}</SCRIPT>`,
  (js) => `<script src="data:text/javascript,${js}"></script>`,
  (js) => `<img src=x onerror="${js}">`,
  (js) => `<img src=x onerror=${js}>`,
  (js) => `<IMG SRC=x oNeRrOr=${js}>`,
  (js) => `<img src="x" alt="\`" onerror="${js}">`,
  (js) => `<svg onload="${js}">`,
  (js) => `<svg/onload=${js}>`,
  (js) => `<svg><script>${js}</script></svg>`,
  (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
  (js) => `<iframe srcdoc="<script>parent.${js}</script>"></iframe>`,
  (js) => `<iframe src="javascript:parent.${js}"></iframe>`,
  (js) => `<details open ontoggle="${js}">`,
  (js) => `<input autofocus onfocus="${js}">`,
  (js) => `<video><source onerror="${js}"></video>`,
  (js) => `<body onload="${js}">`,
  (js) => `<object data="javascript:${js}"></object>`,
  (js) => `<embed src="javascript:${js}">`,
  (js) => `<a href="javascript:${js}">click</a>`,
  (js) => `<a href="JaVaScRiPt:${js}">click</a>`,
  (js) => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${js}">click</a>`,
  (js) => `<form action="javascript:${js}"><button>go</button></form>`,
  (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
  (js) => `<base href="javascript:${js}//">`,
  (js) => `<style>@import 'javascript:${js}';</style>`,
  (js) => `[click](javascript:${js})`,
  (js) => `[click](JAVASCRIPT:${js})`,
  (js) => `[click]( javascript:${js} )`,
  (js) => `[click](&#106;avascript:${js})`,
  (js) => `[click](data:text/html;base64,${Buffer.from(`<script>${js}</script>`).toString("base64")})`,
  (js) => `[click](vbscript:${js})`,
  (js) => `![x](javascript:${js})`,
  (js) => `![x" onerror="${js}](https://example.org/x.png)`,
  (js) => `[x](https://example.org "t\\" onmouseover=\\"${js}")`,
  (js) => `<javascript:${js}>`,
  (js) => `[ref]\n\n[ref]: javascript:${js}`,
  (js) => `\`\`\`\n</code><script>${js}</script>\n\`\`\``,
  (js) => `&lt;script&gt;${js}&lt;/script&gt;`,
  (js) => `&#60;img src=x onerror=${js}&#62;`,
  (js) => `\\u003cimg src=x onerror=${js}\\u003e`,
  (js) => `%3Cscript%3E${js}%3C/script%3E`,
  (js) => `{{constructor.constructor('${js}')()}}`,
  (js) => `\${${js}}`,
  (js) =>
    `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${js} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${js}//>\\x3e`,
  (js) => `"><svg onload=${js}>`,
  (js) => `'><img src=x onerror=${js}>`,
  (js) => `</textarea><script>${js}</script>`,
  (js) => `</title><script>${js}</script>`,
  (js) => `--></script><script>${js}</script>`,
];

const PREFIXES = ["", '"', "'", '">', "</p>", "\n\n", "</script>"];

export type Payload = { n: number; marker: string; text: string };

export function xssCorpus(): Payload[] {
  const payloads: Payload[] = [];
  let n = 0;
  for (const template of TEMPLATES) {
    for (const prefix of PREFIXES) {
      n += 1;
      const marker = `__xss_${n}`;
      payloads.push({ n, marker, text: `${prefix}${template(`window.${marker}=1`, n)}` });
    }
  }
  return payloads;
}

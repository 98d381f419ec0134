/**
 * Evidence links: only http(s), normalized so the same page is recognised twice
 * (lowercase host, no default port, no fragment, no tracking parameters, no trailing slash).
 */
const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

export function normalizeHttpUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname || url.username || url.password) return null;
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  let result = url.toString();
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) {
    result = result.replace(/\/(\?|$)/, "$1");
  }
  return result;
}

/** The key used to flag a duplicate: the normalized URL without the scheme and a leading "www.". */
export function urlIdentity(url: string): string {
  const normalized = normalizeHttpUrl(url) ?? url.trim();
  return normalized
    .replace(/^https?:\/\/(www\.)?/i, "")
    .replace(/\/(\?|$)/, "$1")
    .toLowerCase();
}

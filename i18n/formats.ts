import type { Formats } from "next-intl";

/**
 * Named formats, so every screen writes a date the same way in each language. Stored calendar dates
 * (@db.Date: due dates, "as of" days) are UTC midnights: "day" reads them in UTC so they never shift a day.
 */
export const formats = {
  dateTime: {
    day: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
    dayLong: { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
    dayShort: { day: "numeric", month: "short", timeZone: "UTC" },
    monthYear: { month: "short", year: "numeric", timeZone: "UTC" },
    dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  },
  number: {
    percent: { style: "percent", maximumFractionDigits: 0 },
  },
} satisfies Formats;

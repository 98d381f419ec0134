import { z } from "zod";
import { LOCALES } from "@/i18n/locales";

/** A language choice: one of ours, or "" to follow the browser (Accept-Language). */
export const ChooseLocaleSchema = z.object({
  locale: z.union([z.enum(LOCALES), z.literal("")]).transform((value) => (value === "" ? null : value)),
});

import type { formats } from "@/i18n/formats";
import type { RequestLocale } from "@/i18n/locales";
import type en from "@/messages/en.json";

// Type-checked message keys and arguments: a key missing from the English catalogue fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: RequestLocale;
    Messages: typeof en;
    Formats: typeof formats;
  }
}

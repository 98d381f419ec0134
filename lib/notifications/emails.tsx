import "server-only";
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { render } from "@react-email/render";
import { directionOf, type AppLocale } from "@/i18n/locales";
import type { translatorFor } from "@/lib/i18n/server";

/**
 * Notification emails as react-email templates: React renders the HTML (escaping every value, so user
 * text cannot inject markup) and the plain-text part is derived from the same tree. Every word of the
 * template is in the recipient's language (`t`, the "notificationEmails" namespace); items arrive already
 * written in it (lib/notifications/delivery.ts).
 */
export type EmailTranslator = Awaited<ReturnType<typeof translatorFor<"notificationEmails">>>;

export type EmailItem = {
  /** e.g. "Grace Hopper mentioned you" */
  headline: string;
  /** The recommendation or tracker it is about (user content, never translated). */
  subject: string;
  /** The language of the tracker's content, when declared (the subject's `lang`). */
  subjectLang: string | null;
  /** When it happened, in the recipient's language and time zone. */
  when: string;
  /** An excerpt: the comment, the status change… */
  detail: string;
  /** How many events this entry groups. */
  count: number;
  url: string;
};

export type NotificationEmailProps = {
  locale: AppLocale;
  t: EmailTranslator;
  name: string;
  intro: string;
  items: EmailItem[];
  inboxUrl: string;
  preferencesUrl: string;
  /** Unsubscribe from the kind this email is about (digest: its first entry's), named as a topic ("mentions"). */
  unsubscribe: { url: string; topic: string };
};

const text = { fontSize: "14px", lineHeight: "20px", color: "#1f2328", margin: "0 0 8px" };
const muted = { ...text, color: "#59636e", fontSize: "13px" };

// i18n-keys: notificationEmails.hello, notificationEmails.headlineWithCount, notificationEmails.open
// i18n-keys: notificationEmails.inbox, notificationEmails.preferences, notificationEmails.unsubscribe
export function NotificationEmail(props: NotificationEmailProps) {
  const { t } = props;
  return (
    <Html lang={props.locale} dir={directionOf(props.locale)}>
      <Head />
      <Preview>{props.items[0]?.headline ?? props.intro}</Preview>
      <Body style={{ backgroundColor: "#f6f8fa", fontFamily: "system-ui, sans-serif", padding: "24px 0" }}>
        <Container
          style={{ backgroundColor: "#ffffff", border: "1px solid #d1d9e0", borderRadius: 8, padding: 24 }}
        >
          <Heading as="h1" style={{ fontSize: "18px", margin: "0 0 12px", color: "#1f2328" }}>
            {props.intro}
          </Heading>
          <Text style={text}>{t("hello", { name: props.name })}</Text>
          {props.items.map((item, index) => (
            <Section key={index} style={{ borderTop: "1px solid #d1d9e0", paddingTop: 12, marginTop: 12 }}>
              <Text style={{ ...text, fontWeight: 600 }}>
                {item.count > 1
                  ? t("headlineWithCount", { headline: item.headline, count: item.count })
                  : item.headline}
              </Text>
              <Text style={muted}>
                <span lang={item.subjectLang ?? undefined}>{item.subject}</span> · {item.when}
              </Text>
              {item.detail ? <Text style={text}>{item.detail}</Text> : null}
              <Link href={item.url} style={{ fontSize: "14px", color: "#0969da" }}>
                {t("open", { url: item.url })}
              </Link>
            </Section>
          ))}
          <Hr style={{ borderColor: "#d1d9e0", margin: "20px 0 12px" }} />
          <Text style={muted}>
            {t.rich("inbox", {
              url: props.inboxUrl,
              link: (chunks) => <Link href={props.inboxUrl}>{chunks}</Link>,
            })}
          </Text>
          <Text style={muted}>
            {t.rich("preferences", {
              url: props.preferencesUrl,
              link: (chunks) => <Link href={props.preferencesUrl}>{chunks}</Link>,
            })}
          </Text>
          <Text style={muted}>
            {t.rich("unsubscribe", {
              topic: props.unsubscribe.topic,
              url: props.unsubscribe.url,
              link: (chunks) => <Link href={props.unsubscribe.url}>{chunks}</Link>,
            })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The HTML and plain-text parts of a notification email. */
export async function renderNotificationEmail(
  props: NotificationEmailProps,
): Promise<{ html: string; text: string }> {
  const element = <NotificationEmail {...props} />;
  const [html, plain] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text: plain };
}

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

/**
 * Notification emails as react-email templates: React renders the HTML (escaping every value, so user
 * text cannot inject markup) and the plain-text part is derived from the same tree.
 */
export type EmailItem = {
  /** e.g. "Grace Hopper mentioned you" */
  headline: string;
  /** The recommendation or tracker it is about. */
  subject: string;
  /** An excerpt: the comment, the status change… */
  detail: string;
  /** How many events this entry groups. */
  count: number;
  url: string;
};

export type NotificationEmailProps = {
  name: string;
  intro: string;
  items: EmailItem[];
  inboxUrl: string;
  preferencesUrl: string;
  /** One-click unsubscribe for the kind this email is about (digest: the digest's kinds). */
  unsubscribe: { url: string; label: string };
};

const text = { fontSize: "14px", lineHeight: "20px", color: "#1f2328", margin: "0 0 8px" };
const muted = { ...text, color: "#59636e", fontSize: "13px" };

export function NotificationEmail(props: NotificationEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.items[0]?.headline ?? props.intro}</Preview>
      <Body style={{ backgroundColor: "#f6f8fa", fontFamily: "system-ui, sans-serif", padding: "24px 0" }}>
        <Container
          style={{ backgroundColor: "#ffffff", border: "1px solid #d1d9e0", borderRadius: 8, padding: 24 }}
        >
          <Heading as="h1" style={{ fontSize: "18px", margin: "0 0 12px", color: "#1f2328" }}>
            {props.intro}
          </Heading>
          <Text style={text}>Hello {props.name},</Text>
          {props.items.map((item, index) => (
            <Section key={index} style={{ borderTop: "1px solid #d1d9e0", paddingTop: 12, marginTop: 12 }}>
              <Text style={{ ...text, fontWeight: 600 }}>
                {item.headline}
                {item.count > 1 ? ` (${item.count} updates)` : ""}
              </Text>
              <Text style={muted}>{item.subject}</Text>
              {item.detail ? <Text style={text}>{item.detail}</Text> : null}
              <Link href={item.url} style={{ fontSize: "14px", color: "#0969da" }}>
                Open it: {item.url}
              </Link>
            </Section>
          ))}
          <Hr style={{ borderColor: "#d1d9e0", margin: "20px 0 12px" }} />
          <Text style={muted}>
            Your inbox: <Link href={props.inboxUrl}>{props.inboxUrl}</Link>
          </Text>
          <Text style={muted}>
            Choose what you get by email: <Link href={props.preferencesUrl}>{props.preferencesUrl}</Link>
          </Text>
          <Text style={muted}>
            {props.unsubscribe.label}: <Link href={props.unsubscribe.url}>{props.unsubscribe.url}</Link>
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

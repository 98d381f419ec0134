import { clientMessagesLayout } from "@/components/i18n/client-messages";

export default clientMessagesLayout([
  "recommendationClient",
  "commentsClient",
  "evidenceClient",
  "actionsClient",
]);

-- Notification summaries in the reader's language: the sentence's catalogue key and values (null: `summary` is
-- the text to show as is, a comment's words or an entry written before this column).
ALTER TABLE "Notification" ADD COLUMN "summaryData" JSONB;

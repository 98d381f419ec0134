-- Insertion order of events across app instances: the cursor for live streams and stream consumers.
ALTER TABLE "ActivityEvent" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ActivityEvent_seq_key" ON "ActivityEvent"("seq");

-- CreateIndex
CREATE INDEX "ActivityEvent_status_changed_idx" ON "ActivityEvent"("trackerId", "recommendationId", "createdAt", "seq") WHERE (type = 'recommendation.status_changed');


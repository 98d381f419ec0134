-- Trigram indexes for text search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "Evidence_recommendationId_normalizedUrl_idx";

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_recommendationId_normalizedUrl_key" ON "Evidence"("recommendationId", "normalizedUrl");

-- CreateIndex
CREATE INDEX "Recommendation_workspaceId_targetActor_idx" ON "Recommendation"("workspaceId", "targetActor");

-- CreateIndex
CREATE INDEX "Recommendation_trackerId_updatedAt_idx" ON "Recommendation"("trackerId", "updatedAt");

-- CreateIndex
CREATE INDEX "Recommendation_title_trgm_idx" ON "Recommendation" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Recommendation_text_trgm_idx" ON "Recommendation" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Recommendation_sourcePassage_trgm_idx" ON "Recommendation" USING GIN ("sourcePassage" gin_trgm_ops);


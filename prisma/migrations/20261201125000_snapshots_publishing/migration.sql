-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Snapshot" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "trackerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "asOf" TIMESTAMP(3) NOT NULL,
    "trackerName" TEXT NOT NULL,
    "citation" TEXT,
    "itemCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SnapshotItem" (
    "id" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "referenceId" TEXT,
    "sectionTitle" TEXT NOT NULL,
    "sectionPosition" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "RecommendationStatus" NOT NULL,
    "justification" TEXT,
    "isJustificationInternal" BOOLEAN NOT NULL DEFAULT false,
    "statusChangedAt" TIMESTAMP(3),
    "ownerNames" TEXT[],
    "evidence" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "SnapshotItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "trackerId" TEXT NOT NULL,
    "snapshotId" TEXT,
    "publishedById" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Snapshot_workspaceId_idx" ON "Snapshot"("workspaceId");

-- CreateIndex
CREATE INDEX "Snapshot_trackerId_createdAt_idx" ON "Snapshot"("trackerId", "createdAt");

-- CreateIndex
CREATE INDEX "Snapshot_createdById_idx" ON "Snapshot"("createdById");

-- CreateIndex
CREATE INDEX "SnapshotItem_snapshotId_sectionPosition_position_idx" ON "SnapshotItem"("snapshotId", "sectionPosition", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SnapshotItem_snapshotId_recommendationId_key" ON "SnapshotItem"("snapshotId", "recommendationId");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_trackerId_key" ON "Publication"("trackerId");

-- CreateIndex
CREATE INDEX "Publication_workspaceId_idx" ON "Publication"("workspaceId");

-- CreateIndex
CREATE INDEX "Publication_snapshotId_idx" ON "Publication"("snapshotId");

-- CreateIndex
CREATE INDEX "Publication_publishedById_idx" ON "Publication"("publishedById");

-- CreateIndex
CREATE INDEX "ActivityEvent_trackerId_seq_idx" ON "ActivityEvent"("trackerId", "seq");

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_trackerId_fkey" FOREIGN KEY ("trackerId") REFERENCES "Tracker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Snapshot" ADD CONSTRAINT "Snapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnapshotItem" ADD CONSTRAINT "SnapshotItem_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_trackerId_fkey" FOREIGN KEY ("trackerId") REFERENCES "Tracker"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;



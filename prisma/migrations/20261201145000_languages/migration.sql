-- Languages: a user's chosen UI/email language, a workspace's default email language, a tracker's content language.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "defaultLocale" TEXT NOT NULL DEFAULT 'en';
ALTER TABLE "Tracker" ADD COLUMN "language" TEXT;

/**
 * Kept for the imports that still use this name (lib/import/csv.test.ts): the data now comes from the
 * committed fixtures, never from a folder beside the repository. New code imports ./fixture-files.
 */
export { UPR_CSV } from "./fixture-files";

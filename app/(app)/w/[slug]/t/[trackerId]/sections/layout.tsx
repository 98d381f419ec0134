import { permissionLayout } from "@/components/workspaces/permission-layout";

export default permissionLayout("recommendation.update", ["sectionsClient"]);

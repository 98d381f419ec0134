import { permissionLayout } from "@/components/workspaces/permission-layout";

export default permissionLayout("tracker.import", ["importClient"]);

import { permissionLayout } from "@/components/workspaces/permission-layout";

export default permissionLayout("audit.read", ["auditClient"]);

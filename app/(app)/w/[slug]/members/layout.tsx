import { permissionLayout } from "@/components/workspaces/permission-layout";

export default permissionLayout("member.read", ["membersClient", "roles"]);

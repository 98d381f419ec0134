import { permissionLayout } from "@/components/workspace/permission-layout";

export default permissionLayout("tracker.import");

import type { Priority } from "@/lib/generated/prisma/enums";

export const priorityLabels: Record<Priority, string> = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };

"use client";

export { default } from "@/components/ui/segment-error";

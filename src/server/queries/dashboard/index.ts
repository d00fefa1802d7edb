import "server-only";

export * from "./drill-down";
export * from "./finance";
export * from "./messaging";
export * from "./range";
export * from "./security";
export { topByTotal } from "./top";

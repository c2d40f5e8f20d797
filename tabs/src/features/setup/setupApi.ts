// Calls of the setup feature: businesses, setup, sync now, recent runs, and the service items' VAT.
import { ApiError } from "../../shared/apiClient";
import type { ApiClient } from "../../shared/apiClient";
import type { Business, ItemTax, ServiceItem, Setup, SetupInput, SyncRun } from "./setup.types";

/** Bookings businesses the admin can choose from (admin only: 403 FORBIDDEN otherwise). */
export function listBusinesses(api: ApiClient): Promise<Business[]> {
  return api.get<Business[]>("/api/businesses");
}

/** The stored setup, or null while the tenant is not configured. */
export async function findSetup(api: ApiClient): Promise<Setup | null> {
  try {
    return await api.get<Setup>("/api/setup");
  } catch (err) {
    if (err instanceof ApiError && err.code === "NOT_CONFIGURED") return null;
    throw err;
  }
}

/** Stores the setup and answers the stored shape (400 BAD_REQUEST names the field at fault). */
export function saveSetup(api: ApiClient, input: SetupInput): Promise<Setup> {
  return api.put<Setup>("/api/setup", input);
}

/** Runs a sync now and resolves with the finished run (409 SYNC_IN_PROGRESS when one is running). */
export function runSync(api: ApiClient): Promise<SyncRun> {
  return api.post<SyncRun>("/api/sync");
}

/** Recent sync runs, newest first, including one still running. */
export function listSyncRuns(api: ApiClient): Promise<SyncRun[]> {
  return api.get<SyncRun[]>("/api/sync/runs");
}

/** The tenant's service items with their VAT. */
export function listItems(api: ApiClient): Promise<ServiceItem[]> {
  return api.get<ServiceItem[]>("/api/items");
}

/** Sets an item's VAT (admin); answers the item as stored. */
export function editItemTax(api: ApiClient, id: string, tax: ItemTax): Promise<ServiceItem> {
  return api.patch<ServiceItem>(`/api/items/${encodeURIComponent(id)}`, tax);
}

/** The supplier's logo as an image (404 NOT_FOUND while there is none). */
export async function fetchSupplierLogo(api: ApiClient): Promise<Blob> {
  return (await api.file("/api/setup/logo")).blob;
}

/** Uploads the supplier's logo (admin): a PNG or JPEG as base64. */
export function uploadSupplierLogo(api: ApiClient, logo: { contentType: "image/png" | "image/jpeg"; data: string }): Promise<{ contentType: string; bytes: number; width: number; height: number }> {
  return api.put("/api/setup/logo", logo);
}

/** Removes the supplier's logo (admin). */
export function deleteSupplierLogo(api: ApiClient): Promise<void> {
  return api.del("/api/setup/logo");
}


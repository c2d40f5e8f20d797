// SQL for staff members (one per Bookings staff member).
import type { Queryable } from "../../shared/db";

/** Creates or updates a staff member. */
export async function upsertStaffMember(db: Queryable, tenantId: string, s: { bookingsStaffId: string; name: string; email: string | null }): Promise<void> {
  await db.query(
    `INSERT INTO staff_members (tenant_id, bookings_staff_id, name, email) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, bookings_staff_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, active = true`,
    [tenantId, s.bookingsStaffId, s.name, s.email],
  );
}

/** A staff member as the API shows it. */
export interface StaffView {
  id: string;
  name: string;
  email: string | null;
  active: boolean;
}

/** All of a tenant's staff members, by name. */
export async function listStaff(db: Queryable, tenantId: string): Promise<StaffView[]> {
  const { rows } = await db.query<StaffView>(
    "SELECT bookings_staff_id AS id, name, email, active FROM staff_members WHERE tenant_id = $1 ORDER BY lower(name), bookings_staff_id",
    [tenantId],
  );
  return rows;
}

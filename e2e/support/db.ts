import { hash } from "@node-rs/argon2";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { E2E_DATABASE_URL } from "../env";

/** Direct access to the console's database, for setting up rows and checking what an action changed. */
export const sql = postgres(E2E_DATABASE_URL, { max: 2, onnotice: () => {} });

/** A throwaway console account, unique to one test, so specs never fight over the demo users. */
export async function createAccount(role: "admin" | "operator" | "compliance" | "user", password: string) {
  const email = `e2e-${role}-${randomUUID().slice(0, 8)}@warden.test`;
  // argon2id with the console's own parameters (algorithm 2 = Argon2id).
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const [row] = await sql<{ id: string }[]>`
    INSERT INTO users (email, password_hash, role, display_name) VALUES (${email}, ${passwordHash}, ${role}, ${`E2E ${role}`}) RETURNING id`;
  return { id: row!.id, email, password };
}

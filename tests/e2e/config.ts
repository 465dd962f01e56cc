export const E2E_PORT = 3100;
export const E2E_DB_FILE = ".data/e2e-db.json";
